using System.Linq;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// The Availability Zone a construct is pinned to (PL2001), when the code says so explicitly:
    /// <c>AvailabilityZone = "us-east-1a"</c> (EC2 instances, RDS instances, L1 resources), a subnet selection of
    /// exactly one zone (<c>VpcSubnets = new SubnetSelection { AvailabilityZones = new[] { "us-east-1a" } }</c>), or
    /// subnets with an explicit zone (<c>Subnets = new[] { subnet }</c>, <c>SubnetId = subnet.SubnetId</c>), all in the same zone.
    /// </summary>
    public static class AvailabilityZoneFacts
    {
        /// <summary>A construct's own zone (EC2 and RDS instances, L1 resources, subnets).</summary>
        public const string ZoneProperty = "AvailabilityZone";

        /// <summary>The subnet selection of a construct, and the selection's zones and subnets.</summary>
        public const string SelectionProperty = "VpcSubnets";
        public const string SelectionZonesProperty = "AvailabilityZones";
        public const string SelectionSubnetsProperty = "Subnets";

        /// <summary>The subnet an L1 resource is placed in.</summary>
        public const string SubnetIdProperty = "SubnetId";

        public static FactValue? ZoneOf(AppModel app, ConstructNode node, int depth = 0)
        {
            var direct = app.SingleString(app.Prop(node, ZoneProperty));
            if (direct?.Text != null)
            {
                return direct;
            }

            if (node.Kind == ConstructKind.Subnet || depth > 1)
            {
                return null;
            }

            var selection = app.Prop(node, SelectionProperty);
            if (selection != null)
            {
                var zones = app.Elements(app.Prop(selection, SelectionZonesProperty)).Select(e => app.SingleString(e)).ToList();
                if (zones.Count == 1 && zones[0]?.Text != null)
                {
                    return zones[0];
                }

                var fromSubnets = ZoneOfSubnets(app, app.Prop(selection, SelectionSubnetsProperty), depth);
                if (fromSubnets != null)
                {
                    return fromSubnets;
                }
            }

            return ZoneOfSubnets(app, app.Prop(node, SubnetIdProperty), depth);
        }

        private static FactValue? ZoneOfSubnets(AppModel app, Flow? subnets, int depth)
        {
            if (subnets == null)
            {
                return null;
            }

            var zones = app.Mentions(subnets.Value).Where(n => n.Kind == ConstructKind.Subnet).Select(s => ZoneOf(app, s, depth + 1)).ToList();
            if (zones.Count == 0 || zones.Any(z => z?.Text == null))
            {
                return null;
            }

            return zones.All(z => string.Equals(z!.Text, zones[0]!.Text, System.StringComparison.OrdinalIgnoreCase)) ? zones[0] : null;
        }
    }
}
