using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// The Availability Zone a resource is pinned to (PL2001), when its props say so explicitly (CDK L2 and
    /// CloudFormation names side by side): its own <c>AvailabilityZone</c> (<c>PreferredAvailabilityZone</c> for a cache
    /// cluster); an L2 <c>VpcSubnets</c> selection of exactly one <c>AvailabilityZones</c> entry, or whose
    /// <c>Subnets</c> are all in one zone; or the subnets it is placed in (<c>SubnetId</c>,
    /// <c>NetworkInterfaces[].SubnetId</c>, <c>VpcConfig.SubnetIds</c>), each naming a subnet with a zone, all one zone.
    /// </summary>
    public static class AvailabilityZones
    {
        public const string Subnet = "AWS::EC2::Subnet";

        /// <summary>The resources that open or serve connections and can be pinned.</summary>
        public static readonly string[] Pinnable =
        {
            "AWS::EC2::Instance", "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::Lambda::Function", "AWS::AutoScaling::AutoScalingGroup",
            "AWS::RDS::DBProxy", "AWS::EC2::Volume", "AWS::ElastiCache::CacheCluster",
        };

        /// <summary>Props that hold a zone name; a pin is written in one of them.</summary>
        public static readonly string[] ZoneProperties = { "AvailabilityZone", "PreferredAvailabilityZone", "AvailabilityZones" };

        /// <summary>Where a resource's subnets are written: a single subnet, network interfaces' subnets, a function's VPC config.</summary>
        private static readonly string[] SubnetPaths = { "SubnetId", "NetworkInterfaces", "VpcConfig.SubnetIds" };

        /// <summary>
        /// Check's text for <c>Fn::Select [i, Fn::GetAZs region]</c>: unknown before deployment, but index i of one region
        /// is always the same zone.
        /// </summary>
        public static string Indexed(string region, int index) => "{{az:" + region + "#" + index.ToString(CultureInfo.InvariantCulture) + "}}";

        /// <summary>The zone <paramref name="resource"/> is pinned to and its own value that pins it (the zone, or the subnet it is placed in); null when not pinned explicitly.</summary>
        public static (AppString Zone, IAppValue Pin)? Of(AppResource resource)
        {
            foreach (var own in ZoneProperties.Take(2).Select(resource.Property))
            {
                if (own.SingleString() is AppString zone)
                {
                    return (zone, own!);
                }
            }

            var selection = resource.Property("VpcSubnets");
            var zones = selection?.Property("AvailabilityZones").Items();
            if (zones?.Count == 1 && zones[0].SingleString() is AppString selected)
            {
                return (selected, zones[0]);
            }

            return InSubnets(selection?.Property("Subnets")) ??
                   SubnetPaths.Select(p => InSubnets(p == "NetworkInterfaces" ? resource.Property(p).Items().Select(i => i.Property("SubnetId")) : resource.Props.At(p).Items()))
                       .FirstOrDefault(z => z != null);
        }

        private static (AppString Zone, IAppValue Pin)? InSubnets(IAppValue? subnets) => subnets == null ? null : InSubnets(subnets.Items());

        /// <summary>The one zone of the subnets the items name: null unless each names subnets whose zones are written, all the same.</summary>
        private static (AppString Zone, IAppValue Pin)? InSubnets(IEnumerable<IAppValue?> items)
        {
            (AppString Zone, IAppValue Pin)? first = null;
            foreach (var item in items)
            {
                var zones = item.ResourcesOf(Subnet).Select(s => s.Property("AvailabilityZone").SingleString()).ToList();
                if (zones.Count == 0 || zones.Any(z => z == null || !string.Equals(z.Text, (first?.Zone ?? zones[0])!.Text, StringComparison.OrdinalIgnoreCase)))
                {
                    return null;
                }

                first ??= (zones[0]!, item!);
            }

            return first;
        }

        /// <summary>
        /// Whether two zones are certainly different: two names written out (compared ignoring case), or two indexes of
        /// the same region's zones. A zone only deployment knows (a parameter, the region's zone by another expression) is
        /// never judged.
        /// </summary>
        public static bool Differ(AppModel app, string a, string b)
        {
            if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (!app.HasPlaceholder(a) && !app.HasPlaceholder(b))
            {
                return true;
            }

            var (x, y) = (IndexOf(app, a), IndexOf(app, b));
            return x != null && y != null && x.Value.Region == y.Value.Region && x.Value.Index != y.Value.Index;
        }

        /// <summary>How a zone reads in a message: its name, or <c>AZ #1 of the region (Fn::Select over Fn::GetAZs)</c>.</summary>
        public static string Describe(AppModel app, string zone) =>
            IndexOf(app, zone) is { } indexed ? "AZ #" + indexed.Index + " of the region (Fn::Select over Fn::GetAZs)" : app.Display(zone);

        private static readonly Regex IndexedZone = new Regex(@"^\{\{az:(.*)#(\d+)\}\}$");

        /// <summary>The region and index of an <see cref="Indexed"/> zone.</summary>
        private static (string Region, string Index)? IndexOf(AppModel app, string zone) =>
            app.HasPlaceholder(zone) && IndexedZone.Match(zone) is Match m && m.Success ? (m.Groups[1].Value, m.Groups[2].Value) : ((string, string)?)null;
    }
}
