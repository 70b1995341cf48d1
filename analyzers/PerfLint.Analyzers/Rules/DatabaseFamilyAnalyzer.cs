using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL1002: a database or cache (RDS instances and cluster instances, Aurora, DocumentDB, Neptune, ElastiCache) on a
    /// compute-optimized, accelerated or storage-optimized family. <see cref="DatabaseFamilyRule"/> decides and names
    /// the memory-optimized twin; the fix writes it in the value's form. Only bodies where a database or cache is
    /// configured (or that name one that is) are read.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DatabaseFamilyAnalyzer : CdkAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.DatabaseOnWrongFamily));

        /// <inheritdoc />
        protected override void OnCdkCompilationStart(CdkCompilationStart start) =>
            start.RegisterCdkSink(InstanceTypeSinks.For(DatabaseFamilyRule.Evaluate, InstanceTypeSinks.IsDatabaseOrCache, (index, _) => DatabaseWords.In(index)));
    }
}
