using System;
using System.Collections.Generic;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL2002 over the app model: each fleet (<see cref="Fleets"/>) judged by <see cref="PlacementRule"/>, reported on its
    /// instance type (check: on the fleet's own size when the type is written in a launch template). Silent where a
    /// cluster placement group exists that nothing visibly references and references may be invisible.
    /// </summary>
    public sealed class ClusterPlacementRule : AppRule
    {
        public override string RuleId => RuleIds.FleetWithoutClusterPlacementGroup;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[]
        {
            Fleets.AutoScalingGroup, Fleets.LaunchConfiguration, Fleets.Instance, Fleets.LaunchTemplate, Fleets.PlacementGroup, Ec2Fleets.Ec2Fleet,
        };

        public override Func<string, bool>? InstanceTypeEvidence => PlacementRule.NeedsClusterPlacement;

        public override IReadOnlyList<string> SupportNames { get; } = new[] { "MixedInstancesPolicy" };

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            var fleets = Fleets.Build(app);
            if (fleets.Count == 0 || (!app.ReferencesComplete && Fleets.HasUnlinkedClusterGroup(app)))
            {
                yield break;
            }

            foreach (var fleet in fleets)
            {
                var finding = PlacementRule.Evaluate(fleet.InstanceType.Text, fleet.InstanceCount, fleet.InClusterPlacementGroup == true, optionsAt(fleet.InstanceType.Where));
                if (finding != null)
                {
                    yield return new AppFinding(finding, fleet.Resource, fleet.InstanceType.Where, sourceProperty: "InstanceType", onResource: fleet.SizeWhere);
                }
            }
        }
    }
}
