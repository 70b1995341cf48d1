using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL1001: a previous-generation or superseded instance type handed to the CDK — EC2
    /// (<c>InstanceType.Of(InstanceClass.M4, ..)</c>, <c>new InstanceType("m4.large")</c>), RDS/DocumentDB/Neptune,
    /// ElastiCache, OpenSearch and SageMaker strings. The decision (severity, successor, figures) is
    /// <see cref="PreviousGenerationRule"/>'s; this analyzer finds the values and reports on the enum member or literal.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PreviousGenerationInstanceAnalyzer : CdkAnalyzer
    {

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.PreviousGenerationInstance));

        /// <inheritdoc />
        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk)
        {
            var dispatch = new OperationDispatch();
            CdkSinkAnalysis.Register(dispatch, cdk, InstanceTypeSinks.Match, InstanceTypeSinks.IsInstanceTypeProperty, Analyze, InstanceTypeSinks.Kinds);
            // Bodies that may hold a type this rule flags (or name one that does).
            dispatch.Attach(context, cdk, (index, _, _) => Gates.ValueFlow(index,
                new InstanceTypeEvidence(name => PreviousGenerationRule.Evaluate(name, InstanceTypeEvidence.Permissive) != null).Holds));
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

                var finding = PreviousGenerationRule.Evaluate(name, hit.Options);
                if (finding != null)
                {
                    hit.Report(finding, value, InstanceTypeSinks.FixProperties(value, finding.Replacement, hit.Cdk));
                }
            }
        }
    }
}
