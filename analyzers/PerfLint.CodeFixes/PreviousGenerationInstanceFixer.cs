using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfLint.Knowledge.Rules;

namespace PerfLint.CodeFixes
{
    /// <summary>PL1001: replaces the previous-generation instance type by its successor (enum member or string, same size).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PreviousGenerationInstanceFixer)), Shared]
    public sealed class PreviousGenerationInstanceFixer : ValueReplacementFixer
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PreviousGenerationInstance);

        /// <inheritdoc />
        protected override string Title(Diagnostic diagnostic, string? value) => "Use the current generation (" + value + ")";
    }
}
