using System;
using Microsoft.CodeAnalysis;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// One chain of calls that reaches a helper method or constructor declared in source: the call, and the call that
    /// reached the caller (<see cref="Outer"/>). A construct created inside a helper is one construct per chain (a
    /// helper called three times makes three endpoints), and its parameters take the values of that chain's arguments.
    /// Equal when the call sites are the same syntax, so that walks that rebuild a chain find the same construct.
    /// </summary>
    public sealed class CallContext : IEquatable<CallContext>
    {
        internal CallContext(IOperation call, ParameterBindings bindings, CallContext? outer)
        {
            Call = call;
            Bindings = bindings;
            Outer = outer;
            Depth = outer == null ? 0 : outer.Depth + 1;
        }

        /// <summary>The invocation or object creation.</summary>
        public IOperation Call { get; }

        /// <summary>The call's arguments for <see cref="ValueResolver"/>.</summary>
        public ParameterBindings Bindings { get; }

        /// <summary>The context of the calling method, or null when the caller is not called in this compilation.</summary>
        public CallContext? Outer { get; }

        /// <summary>How many calls out from the innermost this chain goes.</summary>
        public int Depth { get; }

        /// <summary>The method whose parameters this context binds.</summary>
        public IMethodSymbol Method => Bindings.Method;

        /// <summary>A context for <paramref name="call"/> made from code running under <paramref name="outer"/>; null when the call has no target.</summary>
        public static CallContext? Create(IOperation call, CallContext? outer)
        {
            var bindings = outer == null ? ParameterBindings.ForCallSite(call) : ParameterBindings.ForNestedCall(call, outer.Bindings);
            return bindings == null ? null : new CallContext(call, bindings, outer);
        }

        // Syntax nodes are compared by tree and span: operation trees of different semantic models wrap different node instances.
        public bool Equals(CallContext? other) =>
            other != null && other.Call.Syntax.SyntaxTree == Call.Syntax.SyntaxTree && other.Call.Syntax.Span == Call.Syntax.Span && Same(Outer, other.Outer);

        public override bool Equals(object? obj) => obj is CallContext other && Equals(other);

        public override int GetHashCode() => Call.Syntax.Span.GetHashCode() ^ (Outer?.GetHashCode() ?? 0) * 31;

        /// <summary>Structural equality that allows nulls.</summary>
        public static bool Same(CallContext? a, CallContext? b) => a == null ? b == null : a.Equals(b);
    }
}
