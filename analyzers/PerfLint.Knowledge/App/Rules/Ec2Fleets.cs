using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// EC2 Fleets (<c>AWS::EC2::EC2Fleet</c>) as PL2002 fleets, written only here over the model: each launch template
    /// config's overrides (or, without overrides, its launch template) give an instance type, up to
    /// <c>TargetCapacitySpecification.TotalTargetCapacity</c> instances of it (divided by the override's
    /// <c>WeightedCapacity</c>), placed by the override's <c>Placement.GroupName</c>, else the launch template's.
    /// </summary>
    internal static class Ec2Fleets
    {
        public const string Ec2Fleet = "AWS::EC2::EC2Fleet";

        public static IEnumerable<Fleet> Build(AppModel app)
        {
            foreach (var fleet in app.OfType(Ec2Fleet))
            {
                var total = fleet.Props.At("TargetCapacitySpecification.TotalTargetCapacity")?.Numbers().OrderByDescending(n => n.Value).FirstOrDefault();
                if (total == null)
                {
                    continue;
                }

                foreach (var config in fleet.Property("LaunchTemplateConfigs").Items())
                {
                    var templates = config.Property("LaunchTemplateSpecification").ResourcesOf(Fleets.LaunchTemplate).ToList();
                    var overrides = config.Property("Overrides").Items();
                    foreach (var shape in overrides.Count == 0 ? new IAppValue?[] { null } : (IEnumerable<IAppValue?>)overrides)
                    {
                        var types = Fleets.Or(shape?.Property("InstanceType").Candidates() ?? Array.Empty<AppString>(), templates.Select(Fleets.InstanceTypesOf));
                        var placement = Fleets.Placement(app, shape.At("Placement.GroupName"))
                                        ?? templates.Select(t => Fleets.Placement(app, t.Props.At("LaunchTemplateData.Placement.GroupName"))).FirstOrDefault(p => p != null);
                        var weight = shape?.Property("WeightedCapacity")?.Numbers().FirstOrDefault()?.Value ?? 1;
                        var count = Math.Ceiling(total.Value / (weight > 0 ? weight : 1));
                        foreach (var type in types)
                        {
                            yield return new Fleet(fleet, type, (int)Math.Min(count, int.MaxValue), placement, total.Where, templates);
                        }
                    }
                }
            }
        }

        /// <summary>The placement-group values of every fleet's overrides (what links a placement group to a fleet).</summary>
        public static IEnumerable<IAppValue> PlacementValues(AppModel app) =>
            app.OfType(Ec2Fleet)
                .SelectMany(f => f.Property("LaunchTemplateConfigs").Items())
                .SelectMany(c => c.Property("Overrides").Items())
                .Select(o => o.At("Placement.GroupName"))
                .Where(v => v != null)!;
    }
}
