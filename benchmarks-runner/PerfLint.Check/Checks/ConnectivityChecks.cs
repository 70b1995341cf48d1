using PerfLint.Check.Intrinsics;
using PerfLint.Check.Json;
using PerfLint.Check.Templates;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Checks;

/// <summary>
/// PL2001 (connected resources pinned to different AZs). The decision and message come from
/// <see cref="ConnectivityRules"/>; this class only finds the facts: zones and connections.
/// </summary>
public sealed class ConnectivityChecks : ITemplateCheck
{
    public void Run(CheckContext context)
    {
        if (context.IsOn(RuleIds.CrossAzChattyResources))
        {
            CheckCrossAz(context, context.Network);
        }
    }

    private static void CheckCrossAz(CheckContext context, NetworkGraph graph)
    {
        var pinned = new Dictionary<TemplateResource, (string Value, JsonNode Node, string Property)>();
        var order = new Dictionary<TemplateResource, int>();
        foreach (var resource in context.Model.Resources)
        {
            order[resource] = order.Count;
            if (ZoneOf(context, resource) is { } zone)
            {
                pinned[resource] = zone;
            }
        }

        foreach (var (a, zoneA) in pinned)
        {
            foreach (var b in graph.Neighbors(a))
            {
                // Each pair once; report at the later-declared side's zone setting, naming both.
                if (order[b] <= order[a] || !pinned.TryGetValue(b, out var zoneB) || !Tokens.DifferentZones(zoneA.Value, zoneB.Value))
                {
                    continue;
                }

                var (idA, idB) = (CheckContext.ConstructId(a), CheckContext.ConstructId(b));
                var (describedA, describedB) = (Tokens.DescribeZone(zoneA.Value), Tokens.DescribeZone(zoneB.Value));
                context.Report(ConnectivityRules.CrossAz(a.ConstructPath, describedA, b.ConstructPath, describedB), b, zoneB.Node, zoneB.Property,
                    equivalentMessages: new[] { ConnectivityRules.CrossAz(idA, describedA, idB, describedB).Message, ConnectivityRules.CrossAz(idB, describedB, idA, describedA).Message });
            }
        }
    }

    /// <summary>The zone a resource is pinned to, with the property that pins it (its own, or its subnet's).</summary>
    private static (string Value, JsonNode Node, string Property)? ZoneOf(CheckContext context, TemplateResource r)
    {
        switch (r.Type)
        {
            case "AWS::EC2::Instance":
                if (Own(context, r, "AvailabilityZone") is { } own)
                {
                    return own;
                }

                var subnetNode = r.Properties?["SubnetId"] ?? PropertyPaths.Find(r.Properties, "NetworkInterfaces[].SubnetId").Select(p => p.Value).FirstOrDefault();
                return SubnetZone(context, r, subnetNode);
            case "AWS::RDS::DBInstance":
            case "AWS::EC2::Volume":
                return Own(context, r, "AvailabilityZone");
            case "AWS::ElastiCache::CacheCluster":
                return Own(context, r, "PreferredAvailabilityZone");
            case "AWS::Lambda::Function":
                // Pinned only when every subnet of its VPC config is in one zone.
                var subnets = PropertyPaths.Find(r.Properties, "VpcConfig.SubnetIds[]").Select(p => SubnetZone(context, r, p.Value)).ToList();
                return subnets.Count > 0 && subnets.All(s => s != null) && subnets.Select(s => s!.Value.Value).Distinct().Count() == 1 ? subnets[0] : null;
            default:
                return null;
        }
    }

    private static (string, JsonNode, string)? Own(CheckContext context, TemplateResource r, string property)
    {
        var node = r.Properties?[property];
        var value = context.String(r, node);
        return value == null || Tokens.IsUnknown(value) ? null : (value, node!, property);
    }

    private static (string Value, JsonNode Node, string Property)? SubnetZone(CheckContext context, TemplateResource r, JsonNode? subnetNode)
    {
        var subnet = context.Resolver.References(subnetNode, r.Stack).Select(x => x.Target).FirstOrDefault(t => t.Type == "AWS::EC2::Subnet");
        return subnet == null ? null : Own(context, subnet, "AvailabilityZone") is { } zone ? (zone.Item1, subnetNode!, "SubnetId") : null;
    }
}
