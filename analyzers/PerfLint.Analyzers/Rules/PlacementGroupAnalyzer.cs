using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Facts;
using PerfLint.Analyzers.Gating;
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
            AppFactCollector.Register(context, cdk, Kinds, wiring: true, Gate, Analyze);

        /// <summary>
        /// A fleet that needs a cluster placement group needs a p/trn/hpc instance type written somewhere in source;
        /// then the files with fleets, instances, launch templates and placement groups are read.
        /// </summary>
        private static System.Func<BodyEntry, bool> Gate(SyntaxIndex index, AnalyzerOptions options, CancellationToken cancellationToken) =>
            Gates.Files(index, new InstanceTypeEvidence(PlacementRule.NeedsClusterPlacement).In(index), Gates.Naming(
                "AutoScalingGroup", "CfnAutoScalingGroup", "Instance_", "CfnInstance", "LaunchTemplate", "CfnLaunchTemplate", "PlacementGroup",
                "CfnPlacementGroup", "AddAutoScalingGroupCapacity", "AddCapacity", "AddNodegroupCapacity", "CfnEC2Fleet", "MixedInstancesPolicy"));

        private static void Analyze(AppModel app, CompilationAnalysisContext context)
        {
            var fleets = FleetFacts.Build(app);
            if (fleets.Count == 0 || FleetFacts.HasUnlinkedClusterGroup(app))
            {
                return;
            }

            var sink = app.Findings(context.ReportDiagnostic);
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
