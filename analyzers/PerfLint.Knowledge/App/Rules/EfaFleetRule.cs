using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL2004 over the app model: each Auto Scaling group or EC2 Fleet (<see cref="Fleets"/>) of an EFA-capable type
    /// judged by <see cref="EfaRule"/>, reported on its instance type (check: on the fleet's size when the type is in a
    /// launch template). A fleet has EFA when a launch template it launches from has a network interface with
    /// <c>InterfaceType</c> <c>efa</c> or <c>efa-only</c>; network interfaces PerfLint cannot read count as EFA (silent).
    /// Standalone instances are not judged: their count in a stack says nothing about a training job spanning them.
    /// AWS Batch multi-node parallel jobs are judged per node range (<see cref="BatchMultiNodeJobs"/>). SageMaker
    /// HyperPod instance groups are not: CDK 2.160.0's <c>CfnCluster</c> has no network-interface setting, and what a
    /// group gets without one is not documented (docs/rules/PL2004.md).
    /// </summary>
    public sealed class EfaFleetRule : AppRule
    {
        private static readonly string[] EfaInterfaceTypes = { "efa", "efa-only" };

        public override string RuleId => RuleIds.AcceleratedFleetWithoutEfa;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[]
        {
            Fleets.AutoScalingGroup, Fleets.LaunchConfiguration, Fleets.LaunchTemplate, Ec2Fleets.Ec2Fleet, BatchMultiNodeJobs.JobDefinition,
        };

        public override Func<string, bool>? InstanceTypeEvidence => EfaRule.IsEfaCapable;

        public override IReadOnlyList<string> SupportNames { get; } = new[] { "MixedInstancesPolicy" };

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            foreach (var fleet in Fleets.Build(app).Where(f => !f.Resource.Is(Fleets.Instance)))
            {
                if (fleet.LaunchSources.Any(MayHaveEfa))
                {
                    continue;
                }

                var finding = EfaRule.Evaluate(fleet.InstanceType.Text, fleet.InstanceCount, hasEfaInterface: false, optionsAt(fleet.InstanceType.Where));
                if (finding != null)
                {
                    yield return new AppFinding(finding, fleet.Resource, fleet.InstanceType.Where, sourceProperty: "InstanceType", onResource: fleet.SizeWhere);
                }
            }

            foreach (var group in BatchMultiNodeJobs.Build(app).Where(g => !g.MayHaveEfa))
            {
                foreach (var type in group.InstanceTypes)
                {
                    var finding = EfaRule.Evaluate(type.Text, group.Nodes, hasEfaInterface: false, optionsAt(type.Where), EfaRule.BatchJobRemedy);
                    if (finding != null)
                    {
                        yield return new AppFinding(finding, group.Job, type.Where, sourceProperty: "InstanceType");
                    }
                }
            }
        }

        /// <summary>
        /// True when a launch template's <c>LaunchTemplateData.NetworkInterfaces</c> has an EFA interface, or is set in a
        /// way PerfLint cannot read (a value known only at deployment, an interface type that is not a literal).
        /// </summary>
        private static bool MayHaveEfa(AppResource launchSource)
        {
            var interfaces = launchSource.Props.At("LaunchTemplateData.NetworkInterfaces");
            if (interfaces == null)
            {
                return false;
            }

            var items = interfaces.Items();
            if (!interfaces.IsKnown || items.Count == 0)
            {
                return true;
            }

            foreach (var item in items)
            {
                if (!item.IsKnown)
                {
                    return true;
                }

                var type = item.Property("InterfaceType");
                if (type == null)
                {
                    continue;
                }

                var names = type.Strings();
                if (names.Count == 0 || names.Any(n => EfaInterfaceTypes.Contains(n.Text.Trim().ToLowerInvariant())))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
