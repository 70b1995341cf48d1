using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Facts;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL2002: an accelerated or HPC fleet (p/trn/hpc families, two or more instances: option
    /// <c>PL2002.min_instances</c>) without a cluster placement group (decision: <see cref="PlacementRule"/>; facts:
    /// <see cref="FleetFacts"/>). Reported on the instance type. Silent when a cluster placement group exists that PerfLint
    /// cannot link to a fleet (it may be attached in a way it cannot follow).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PlacementGroupAnalyzer : CdkAnalyzer
    {
        private static readonly ConstructKind[] Kinds =
        {
            ConstructKind.AutoScalingGroup, ConstructKind.Ec2Instance, ConstructKind.LaunchTemplate, ConstructKind.PlacementGroup,
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.FleetWithoutClusterPlacementGroup));

        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk) =>
            AppFactCollector.Register(context, cdk, Kinds, wiring: true, Analyze);

        private static void Analyze(AppModel app, CompilationAnalysisContext context)
        {
            var fleets = FleetFacts.Build(app);
            if (fleets.Count == 0 || FleetFacts.HasUnlinkedClusterGroup(app))
            {
                return;
            }

            var sink = new AppFindingSink(context.ReportDiagnostic);
            foreach (var fleet in fleets)
            {
                var options = app.OptionsFor(fleet.InstanceType.Location);
                var finding = PlacementRule.Evaluate(fleet.InstanceType.Text, fleet.InstanceCount, fleet.InClusterPlacementGroup == true, options);
                if (finding != null)
                {
                    sink.Report(finding, fleet.InstanceType.Location);
                }
            }
        }
    }
}
