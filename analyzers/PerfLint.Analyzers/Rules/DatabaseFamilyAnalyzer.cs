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
    /// the memory-optimized twin; the fix writes it in the value's form.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DatabaseFamilyAnalyzer : CdkAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.DatabaseOnWrongFamily));

        /// <inheritdoc />
        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk)
        {
            var dispatch = new OperationDispatch();
            CdkSinkAnalysis.Register(dispatch, cdk, Match, InstanceTypeSinks.IsInstanceTypeProperty,
                hit => InstanceTypeSinks.ReportEach(hit, DatabaseFamilyRule.Evaluate), InstanceTypeSinks.Kinds);
            // Bodies that may hold a family this rule flags, where a database or cache is configured (or naming one that does).
            dispatch.Attach(context, cdk, (index, _, _) => Gates.ValueFlow(index, InstanceTypeEvidence.For(DatabaseFamilyRule.Evaluate).In(index),
                InstanceTypeSinks.IsInstanceTypeProperty, DatabaseWords.In(index)));
        }

        private static CdkSink? Match(IOperation operation, CdkTypes cdk)
        {
            var sink = InstanceTypeSinks.Match(operation, cdk);
            return sink != null && InstanceTypeSinks.IsDatabaseOrCache(sink) ? sink : null;
        }
    }
}
