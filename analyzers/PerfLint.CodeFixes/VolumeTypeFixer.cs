using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfLint.Knowledge.Rules;

namespace PerfLint.CodeFixes
{
    /// <summary>PL4001 gp2 → gp3 and PL4002 io1 → io2, as enum member (<c>GP2</c> → <c>GP3</c>) or string.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VolumeTypeFixer)), Shared]
    public sealed class VolumeTypeFixer : ValueReplacementFixer
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.Gp2Volume, RuleIds.Io1Volume);

        /// <inheritdoc />
        protected override string Title(Diagnostic diagnostic, string? value) => "Use " + value;
    }
}
