using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Facts;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL1003: a SageMaker model's container image is built for other hardware than the instance type of the
    /// endpoint-config variant that serves it (decision: <see cref="AcceleratorImageRule"/>). The image and the
    /// instance type are usually set on different constructs (<c>CfnModel</c>, <c>CfnEndpointConfig</c>), so the
    /// facts are collected over the compilation and judged at its end; reported on the image value, with the
    /// instance type as additional location.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ImageAcceleratorMismatchAnalyzer : CdkAnalyzer
    {
        private static readonly ConstructKind[] Kinds = { ConstructKind.SageMakerModel, ConstructKind.SageMakerEndpointConfig };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.ImageAcceleratorMismatch));

        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk) =>
            AppFactCollector.Register(context, cdk, Kinds, wiring: false, Analyze);

        private static void Analyze(AppModel app, CompilationAnalysisContext context)
        {
            var sink = new AppFindingSink(context.ReportDiagnostic);
            foreach (var (variant, container) in SageMakerFacts.ServedContainers(app))
            {
                var finding = container.Image?.Text == null ? null : AcceleratorImageRule.Evaluate(container.Image.Text, variant.InstanceType!.Text);
                if (finding != null)
                {
                    sink.Report(finding, container.Image!.Location, variant.InstanceType!.Location);
                }
            }
        }
    }
}
