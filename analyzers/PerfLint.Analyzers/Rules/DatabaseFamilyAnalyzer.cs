using System;
using System.Collections.Immutable;
using System.Linq;
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
        private static readonly string[] DatabaseWords =
            { "Database", "DBInstance", "DBCluster", "ClusterInstance", "InstanceProps", "Rds", "Cache", "ReplicationGroup", "DocDB", "Neptune", "Serverless", "Aurora" };

        /// <summary>Bodies that may hold a family this rule flags on a database (or name one that does).</summary>
        private static readonly InstanceTypeEvidence Evidence =
            new InstanceTypeEvidence(name => DatabaseFamilyRule.Evaluate(name, InstanceTypeEvidence.Permissive) != null);

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.DatabaseOnWrongFamily));

        /// <inheritdoc />
        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk)
        {
            var dispatch = new OperationDispatch();
            CdkSinkAnalysis.Register(dispatch, cdk, Match, InstanceTypeSinks.IsInstanceTypeProperty, Analyze, InstanceTypeSinks.Kinds);
            dispatch.Attach(context, cdk, (index, _, _) => Gates.ValueFlow(index, Evidence.Holds, DatabaseContext));
        }

        /// <summary>
        /// A body that configures a database or cache names one of its types or props (<c>DatabaseInstanceProps</c>,
        /// <c>ClusterInstance</c>, <c>CfnCacheCluster</c>, <c>CfnReplicationGroup</c>, a qualified <c>RDS</c> name).
        /// </summary>
        private static bool DatabaseContext(BodyEntry body)
        {
            foreach (var identifier in body.Identifiers)
            {
                if (DatabaseIdentifiers.GetOrAdd(identifier, i => DatabaseWords.Any(w => i.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0)))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> DatabaseIdentifiers =
            new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        private static CdkSink? Match(IOperation operation, CdkTypes cdk)
        {
            var sink = InstanceTypeSinks.Match(operation, cdk);
            return sink != null && InstanceTypeSinks.IsDatabaseOrCache(sink) ? sink : null;
        }

        private static void Analyze(SinkHit hit)
        {
            foreach (var value in hit.Values)
            {
                var name = InstanceTypeSinks.QualifiedName(value, hit.Sink);
                if (name == null || !hit.IsReportable(value))
                {
                    continue;
                }

                var finding = DatabaseFamilyRule.Evaluate(name, hit.Options);
                if (finding != null)
                {
                    hit.Report(finding, value, InstanceTypeSinks.FixProperties(value, finding.Replacement, hit.Cdk));
                }
            }
        }
    }
}
