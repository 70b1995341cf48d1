using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfLint.Knowledge.Rules;

namespace PerfLint.CodeFixes
{
    /// <summary>PL5002 judged against perflint.capacity.json: set the target value to the one recommended from the measurement.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ScalingTargetFixer)), Shared]
    public sealed class ScalingTargetFixer : ValueReplacementFixer
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ScalingTargetIsDocumentationExample);

        /// <inheritdoc />
        protected override string Title(Diagnostic diagnostic, string? value) => "Set the target value to the measured recommendation " + value;
    }
}
