using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.CodeFixes
{
    /// <summary>
    /// Base of the PerfLint fixers that rewrite the reported value in place. The analyzer decides what to write
    /// and how (<see cref="InstanceTypeSinks.FixKindProperty"/>, <see cref="InstanceTypeSinks.FixValueProperty"/>);
    /// a diagnostic without those properties gets no fix (e.g. the value lives in a constant of another file).
    /// Fix All uses the batch fixer; one equivalence key per rule keeps Fix All across fix kinds.
    /// </summary>
    public abstract class ValueReplacementFixer : CodeFixProvider
    {
        /// <summary>The equivalence key of a rule's fix: <c>PerfLint.{ruleId}.Replace</c>.</summary>
        public static string EquivalenceKeyFor(string ruleId) => "PerfLint." + ruleId + ".Replace";

        /// <inheritdoc />
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(InstanceTypeSinks.FixKindProperty, out var kind) || kind == null)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(InstanceTypeSinks.FixValueProperty, out var value);
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var newRoot = SyntaxEdits.Apply(root, node, kind, value);
                if (newRoot == null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title(diagnostic, value),
                        _ => Task.FromResult(document.WithSyntaxRoot(newRoot)),
                        EquivalenceKeyFor(diagnostic.Id)),
                    diagnostic);
            }
        }

        /// <summary>The code action's title, e.g. "Use m7i.large".</summary>
        protected abstract string Title(Diagnostic diagnostic, string? value);
    }
}
