using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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
        protected override void OnCdkCompilationStart(CdkCompilationStart start) =>
            start.RegisterCdkSink(InstanceTypeSinks.For(PreviousGenerationRule.Evaluate));
    }
}
