using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfLint.Knowledge.Rules;

namespace PerfLint.CodeFixes
{
    /// <summary>PL1002: replaces the database's compute/accelerated/storage family by the memory-optimized twin of the same size.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DatabaseFamilyFixer)), Shared]
    public sealed class DatabaseFamilyFixer : ValueReplacementFixer
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DatabaseOnWrongFamily);

        /// <inheritdoc />
        protected override string Title(Diagnostic diagnostic, string? value) => "Use the memory-optimized family (" + value + ")";
    }
}
