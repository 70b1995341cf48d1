using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Gating;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// <c>Node.TryGetContext(key)</c> in value flow (<see cref="ValueResolver"/>) and in the gates: on any construct's
    /// node (<c>this.Node</c>, <c>scope.Node</c>, <c>app.Node</c>, <c>Node.Of(x)</c>), with a key that resolves to
    /// strings, the call has the values <see cref="CdkContext"/> holds for them.
    /// </summary>
    internal static class CdkContextReads
    {
        /// <summary>The method every context read goes through.</summary>
        public const string MethodName = "TryGetContext";

        /// <summary>
        /// Code that sets context itself: a construct's <c>SetContext</c> shadows the files for its children, and
        /// <c>AppProps.PostCliContext</c> overrides them.
        /// </summary>
        private static readonly HashSet<string> Setters = new HashSet<string>(StringComparer.Ordinal) { "SetContext", "PostCliContext" };

        /// <summary><c>Constructs.Node.TryGetContext(string)</c>.</summary>
        public static bool IsTryGetContext(IMethodSymbol method) =>
            method.Name == MethodName && method.Parameters.Length == 1 &&
            method.Parameters[0].Type.SpecialType == SpecialType.System_String &&
            method.ContainingType?.Name == "Node" && method.ContainingType.ContainingNamespace is { Name: "Constructs" } ns &&
            ns.ContainingNamespace?.IsGlobalNamespace == true;

        /// <summary>
        /// The context values of a <c>TryGetContext</c> call whose key resolved to <paramref name="keys"/>. A value is
        /// reported at the call (<paramref name="call"/>, the call itself or the nearest node of the report file that
        /// leads to it); a key a helper got from its caller is reported at the argument that names it, as
        /// concatenation does with its parts. A key the app may set in code (<see cref="Setters"/>) stays unknown.
        /// </summary>
        public static List<ResolvedValue> Values(IInvocationOperation invocation, List<ResolvedValue> keys, CdkTypes cdk, SyntaxNode call, bool fromCallSite)
        {
            var values = new List<ResolvedValue>();
            var context = cdk.Context;
            if (!context.HasValues)
            {
                return values;
            }

            var viaParameter = invocation.Arguments[0].Value.DescendantsAndSelf().Any(o => o is IParameterReferenceOperation);
            foreach (var key in keys)
            {
                var entry = key.Kind == ResolvedValueKind.String && key.Text != null ? context.Lookup(key.Text) : null;
                if (entry == null || SetInCode(cdk, key.Text!) || values.Count >= ValueResolver.MaxValues)
                {
                    continue;
                }

                var outside = key.Node.SyntaxTree != invocation.Syntax.SyntaxTree || !invocation.Syntax.Span.Contains(key.Node.Span);
                var node = (key.FromCallSite && !fromCallSite) || (viaParameter && outside) ? key.Node : call;
                values.Add(ResolvedValue.FromContext(entry, node, invocation.Syntax, fromCallSite || key.FromCallSite));
            }

            return values;
        }

        /// <summary>
        /// The bodies that read the context, when its files hold a value a rule could judge (a string or a number):
        /// every gate takes them as evidence, and value flow carries them to their callers as it does literals.
        /// </summary>
        public static Func<BodyEntry, bool> Readers(SyntaxIndex index, AnalyzerOptions options) =>
            CdkContext.For(options).HasValues && index.ByIdentifier.ContainsKey(MethodName) ? Gates.Naming(MethodName) : Gates.None;

        /// <summary>True when a body that sets context in code writes <paramref name="key"/>: the files may not be what the app reads.</summary>
        private static bool SetInCode(CdkTypes cdk, string key) =>
            cdk.Syntax(System.Threading.CancellationToken.None).ByString.TryGetValue(key, out var bodies) && bodies.Any(b => b.Tokens.NamesAny(Setters));
    }
}
