using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfLint.Knowledge.Rules;

namespace PerfLint.CodeFixes
{
    /// <summary>PL1005: switches to the Graviton family, or the Lambda function to <c>Architecture.ARM_64</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GravitonFixer)), Shared]
    public sealed class GravitonFixer : ValueReplacementFixer
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.GravitonOpportunity);

        /// <inheritdoc />
        protected override string Title(Diagnostic diagnostic, string? value) =>
            "Switch to Graviton (" + (value ?? "ARM_64") + ")";
    }
}
