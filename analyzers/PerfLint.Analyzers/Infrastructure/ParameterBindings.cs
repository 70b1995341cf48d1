using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// The arguments of one call to a method or constructor declared in source: while <see cref="ValueResolver"/>
    /// walks that method's body, a reference to one of its parameters resolves to the argument passed here.
    /// Chains through <see cref="Outer"/> when the argument itself is a parameter of the calling method.
    /// </summary>
    public sealed class ParameterBindings
    {
        private ParameterBindings(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, ParameterBindings? outer, bool isCallSite, int depth)
        {
            Method = method;
            Arguments = arguments;
            Outer = outer;
            IsCallSite = isCallSite;
            Depth = depth;
        }

        /// <summary>The called method (original definition).</summary>
        public IMethodSymbol Method { get; }

        /// <summary>The call's arguments (with default values and params arrays filled in by Roslyn).</summary>
        public ImmutableArray<IArgumentOperation> Arguments { get; }

        /// <summary>The bindings the arguments themselves are resolved under (the caller's own call site), or null.</summary>
        public ParameterBindings? Outer { get; }

        /// <summary>True for the call site an analyzer is looking at: values bound here are marked <see cref="ResolvedValue.FromCallSite"/>.</summary>
        public bool IsCallSite { get; }

        /// <summary>How many calls deep these bindings are (the call site is 0).</summary>
        public int Depth { get; }

        /// <summary>
        /// Bindings for the call site <paramref name="call"/> (an <see cref="IInvocationOperation"/> or
        /// <see cref="IObjectCreationOperation"/>), or null when it is neither or has no target.
        /// </summary>
        /// <paramref name="callee"/>: the lambda a delegate call runs (its parameters take the arguments by position).
        public static ParameterBindings? ForCallSite(IOperation call, IMethodSymbol? callee = null) => Create(call, null, isCallSite: true, 0, callee);

        /// <summary>Bindings for a call nested inside the body that <paramref name="outer"/> binds.</summary>
        public static ParameterBindings? ForNestedCall(IOperation call, ParameterBindings? outer, IMethodSymbol? callee = null) =>
            Create(call, outer, isCallSite: false, (outer?.Depth ?? 0) + 1, callee);

        /// <summary>The argument bound to <paramref name="parameter"/>, when it is a parameter of <see cref="Method"/>.</summary>
        public bool TryGetArgument(IParameterSymbol parameter, out IArgumentOperation argument)
        {
            argument = null!;
            if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, Method) && !SameFunction(parameter.ContainingSymbol, Method))
            {
                return false;
            }

            foreach (var arg in Arguments)
            {
                if (arg.Parameter != null && arg.Parameter.Ordinal == parameter.Ordinal)
                {
                    argument = arg;
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A local function or lambda bound by two semantic models is two symbols: the same function when declared by
        /// the same syntax.
        /// </summary>
        private static bool SameFunction(ISymbol? a, IMethodSymbol b) =>
            a is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } &&
            (b.MethodKind == MethodKind.LocalFunction || b.MethodKind == MethodKind.AnonymousFunction) &&
            a.DeclaringSyntaxReferences.Length == 1 && b.DeclaringSyntaxReferences.Length == 1 &&
            a.DeclaringSyntaxReferences[0].SyntaxTree == b.DeclaringSyntaxReferences[0].SyntaxTree &&
            a.DeclaringSyntaxReferences[0].Span == b.DeclaringSyntaxReferences[0].Span;

        private static ParameterBindings? Create(IOperation call, ParameterBindings? outer, bool isCallSite, int depth, IMethodSymbol? callee)
        {
            switch (call)
            {
                case IInvocationOperation invocation when invocation.TargetMethod != null:
                    return new ParameterBindings((callee ?? invocation.TargetMethod).OriginalDefinition, invocation.Arguments, outer, isCallSite, depth);
                case IObjectCreationOperation creation when creation.Constructor != null:
                    return new ParameterBindings(creation.Constructor.OriginalDefinition, creation.Arguments, outer, isCallSite, depth);
                default:
                    return null;
            }
        }
    }
}
