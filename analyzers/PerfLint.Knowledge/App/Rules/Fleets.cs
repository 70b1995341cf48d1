using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// EC2 fleets (PL2002), one per candidate instance type (each arm of a choice). Auto Scaling groups: instance type from the props or the launch template / launch
    /// configuration (also the mixed-instances policy's), size the largest of the capacities (CDK L2 names and default
    /// 1; L1 MinSize/MaxSize/DesiredCapacity), placement from the group's <c>PlacementGroup</c> (escape hatches are
    /// merged into the props by the front end), else the launch template's <c>Placement.GroupName</c>. Standalone
    /// instances of one type in one stack form one fleet (<see cref="AppResource.Multiplicity"/> each). EC2 Fleets:
    /// <see cref="Ec2Fleets"/>.
    /// </summary>
    internal static class Fleets
    {
        public const string AutoScalingGroup = "AWS::AutoScaling::AutoScalingGroup";
        public const string LaunchConfiguration = "AWS::AutoScaling::LaunchConfiguration";
        public const string Instance = "AWS::EC2::Instance";
        public const string LaunchTemplate = "AWS::EC2::LaunchTemplate";
        public const string PlacementGroup = "AWS::EC2::PlacementGroup";

        // CDK's AutoScalingGroup names its sizes differently from the template and defaults them to 1 instance.
        private static readonly string[] L1Sizes = { "MaxSize", "MinSize", "DesiredCapacity" };
        private static readonly string[] L2Sizes = { "MaxCapacity", "MinCapacity", "DesiredCapacity" };
        private const int L2DefaultCapacity = 1;

        public static IReadOnlyList<Fleet> Build(AppModel app)
        {
            var fleets = new List<Fleet>();
            foreach (var group in app.OfType(AutoScalingGroup))
            {
                var templates = LaunchSources(group);
                var types = Or(group.Property("InstanceType").Candidates(), templates.Select(InstanceTypesOf));
                var size = GroupSize(group);
                if (types.Count == 0 || size == null)
                {
                    continue;
                }

                var placement = Placement(app, group.Property("PlacementGroup"))
                                ?? templates.Select(t => Placement(app, t.Props.At("LaunchTemplateData.Placement.GroupName"))).FirstOrDefault(p => p != null);
                fleets.AddRange(types.Select(type => new Fleet(group, type, size.Value.Count, placement, size.Value.Where, templates)));
            }

            fleets.AddRange(Ec2Fleets.Build(app));

            var standalone = new List<Fleet>();
            foreach (var instance in app.OfType(Instance))
            {
                var placement = Placement(app, instance.Property("PlacementGroup") ?? instance.Property("PlacementGroupName"));
                standalone.AddRange(instance.Property("InstanceType").Candidates().Select(type => new Fleet(instance, type, instance.Multiplicity, placement, null)));
            }

            // Standalone instances of one type (in one stack) outside a cluster placement group form one fleet.
            foreach (var byType in standalone.Where(f => f.InClusterPlacementGroup != true)
                         .GroupBy(f => (f.Resource.Stack, Type: f.InstanceType.Text.ToLowerInvariant())))
            {
                var total = byType.Sum(f => f.InstanceCount);
                foreach (var fleet in byType)
                {
                    fleet.InstanceCount = total;
                    fleets.Add(fleet);
                }
            }

            return fleets;
        }

        /// <summary>
        /// True when some cluster (or unknown-strategy) placement group is referenced by nothing that places instances:
        /// where references may be invisible (C#), fleets may be in it.
        /// </summary>
        public static bool HasUnlinkedClusterGroup(AppModel app)
        {
            var linked = new HashSet<AppResource>();
            foreach (var resource in app.OfType(AutoScalingGroup).Concat(app.OfType(Instance)).Concat(app.OfType(LaunchTemplate)))
            {
                foreach (var value in new[] { resource.Property("PlacementGroup"), resource.Property("PlacementGroupName"), resource.Props.At("LaunchTemplateData.Placement.GroupName") })
                {
                    linked.UnionWith(value.ResourcesOf(PlacementGroup));
                }
            }

            linked.UnionWith(Ec2Fleets.PlacementValues(app).SelectMany(v => v.ResourcesOf(PlacementGroup)));
            return app.OfType(PlacementGroup).Any(g => !linked.Contains(g) && IsCluster(g) != false);
        }

        /// <summary>The launch templates, then launch configurations, a group launches from.</summary>
        private static IReadOnlyList<AppResource> LaunchSources(AppResource group)
        {
            var values = new[] { group.Property("LaunchTemplate"), group.Props.At("MixedInstancesPolicy.LaunchTemplate"), group.Property("LaunchConfigurationName") };
            return values.SelectMany(v => v.ResourcesOf(LaunchTemplate)).Concat(values.SelectMany(v => v.ResourcesOf(LaunchConfiguration))).Distinct().ToList();
        }

        /// <summary>The candidate instance types of a launch template (L2 <c>InstanceType</c>, L1 <c>LaunchTemplateData.InstanceType</c>) or launch configuration.</summary>
        public static IReadOnlyList<AppString> InstanceTypesOf(AppResource template) =>
            Or(template.Property("InstanceType").Candidates(), new[] { template.Props.At("LaunchTemplateData.InstanceType").Candidates() });

        /// <summary><paramref name="first"/>, else the first of <paramref name="fallbacks"/> that has candidates (none when none has).</summary>
        public static IReadOnlyList<AppString> Or(IReadOnlyList<AppString> first, IEnumerable<IReadOnlyList<AppString>> fallbacks) =>
            first.Count > 0 ? first : fallbacks.FirstOrDefault(f => f.Count > 0) ?? first;

        /// <summary>The largest size the group can have and where it is written; null when a size cannot be read or (L1) none is given.</summary>
        private static (int Count, object? Where)? GroupSize(AppResource group)
        {
            (int Count, object? Where)? max = null;
            foreach (var name in group.IsL1 ? L1Sizes : L2Sizes)
            {
                var property = group.Property(name);
                if (property == null)
                {
                    continue;
                }

                var numbers = property.Numbers();
                if (numbers.Count == 0)
                {
                    return null;
                }

                foreach (var n in numbers.Where(n => max == null || n.Value > max.Value.Count))
                {
                    max = ((int)Math.Min(n.Value, int.MaxValue), n.Where);
                }
            }

            return max ?? (group.IsL1 ? ((int, object?)?)null : (L2DefaultCapacity, group.Where));
        }

        /// <summary>null: no placement group; true: a cluster one or one PerfLint cannot read; false: a spread/partition one.</summary>
        public static bool? Placement(AppModel app, IAppValue? value)
        {
            if (value == null)
            {
                return null;
            }

            var groups = value.ResourcesOf(PlacementGroup).ToList();
            if (groups.Count == 0)
            {
                // A name PerfLint cannot link (PlacementGroup.FromPlacementGroupName, a string): match by name, else assume cluster.
                var names = value.Strings().Select(s => s.Text).ToList();
                groups = app.OfType(PlacementGroup).Where(g => g.Property("PlacementGroupName").SingleString() is AppString name && names.Contains(name.Text)).ToList();
                if (groups.Count == 0)
                {
                    return true;
                }
            }

            return groups.Any(g => IsCluster(g) != false);
        }

        /// <summary>True for strategy CLUSTER/"cluster", false for another readable strategy, null when unknown.</summary>
        private static bool? IsCluster(AppResource group)
        {
            var strategies = group.Property("Strategy")?.Strings() ?? Array.Empty<AppString>();
            return strategies.Count == 0 ? (bool?)null : strategies.Any(s => string.Equals(s.Text, "cluster", StringComparison.OrdinalIgnoreCase));
        }
    }
}
