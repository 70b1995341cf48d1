using PerfLint.Check.Intrinsics;
using PerfLint.Check.Json;
using PerfLint.Check.Templates;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Checks;

/// <summary>
/// PL2001 (connected resources pinned to different AZs) and PL3001 (Lambda straight to RDS without RDS Proxy). The
/// decisions and messages come from <see cref="ConnectivityRules"/>; this class only finds the facts: zones, connections, proxies.
/// </summary>
public sealed class ConnectivityChecks : ITemplateCheck
{
    private static readonly string[] DatabaseTypes = { "AWS::RDS::DBInstance", "AWS::RDS::DBCluster" };

    /// <summary>Default ports by engine prefix, for ingress rules written with literal ports.</summary>
    private static readonly (string Engine, int Port)[] EnginePorts =
    {
        ("aurora-postgresql", 5432), ("postgres", 5432), ("aurora-mysql", 3306), ("aurora", 3306), ("mysql", 3306), ("mariadb", 3306),
        ("sqlserver", 1433), ("oracle", 1521), ("db2", 50000),
    };

    public void Run(CheckContext context)
    {
        var graph = new Lazy<NetworkGraph>(() => new NetworkGraph(context));
        if (context.IsOn(RuleIds.CrossAzChattyResources))
        {
            CheckCrossAz(context, graph.Value);
        }

        if (context.IsOn(RuleIds.LambdaToRdsWithoutProxy))
        {
            CheckLambdaToRds(context, graph.Value);
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

    private static void CheckLambdaToRds(CheckContext context, NetworkGraph graph)
    {
        var databases = DatabaseTypes.SelectMany(context.OfType).ToList();
        if (databases.Count == 0)
        {
            return;
        }

        var secretsOf = context.OfType("AWS::SecretsManager::SecretTargetAttachment")
            .Select(a => (Secret: context.Resolver.References(a.Properties?["SecretId"], a.Stack).Select(x => x.Target).FirstOrDefault(),
                          Target: context.Resolver.References(a.Properties?["TargetId"], a.Stack).Select(x => x.Target).FirstOrDefault()))
            .Where(p => p.Secret != null && p.Target != null)
            .ToList();
        var proxyTargets = context.OfType("AWS::RDS::DBProxyTargetGroup")
            .Select(g => (Proxy: context.Resolver.References(g.Properties?["DBProxyName"], g.Stack).Select(x => x.Target).FirstOrDefault(t => t.Type == "AWS::RDS::DBProxy"),
                          Targets: PropertyPaths.Find(g.Properties, "DBInstanceIdentifiers[]").Concat(PropertyPaths.Find(g.Properties, "DBClusterIdentifiers[]"))
                              .SelectMany(p => context.Resolver.References(p.Value, g.Stack)).Select(x => x.Target).ToList()))
            .Where(p => p.Proxy != null)
            .ToList();

        var databaseSet = new HashSet<TemplateResource>(databases);
        foreach (var function in context.OfType("AWS::Lambda::Function"))
        {
            // Only databases the function is connected to at all: referenced, reached through a rule, or whose secret it reads.
            var candidates = graph.Neighbors(function).Where(databaseSet.Contains).ToHashSet();
            foreach (var secret in secretsOf.Where(s => graph.Refers(function, s.Secret!)))
            {
                candidates.Add(secret.Target!);
            }

            foreach (var database in candidates.Where(databaseSet.Contains).OrderBy(d => d.Stack.Name, StringComparer.Ordinal).ThenBy(d => d.LogicalId, StringComparer.Ordinal))
            {
                var givenEndpoint = graph.Refers(function, database);
                var readsSecret = secretsOf.Any(s => s.Target == database && graph.Refers(function, s.Secret!));
                var port = DatabasePort(context, database);
                var allowedToPort = graph.IngressBetween(function, database).Any(i => graph.AllowsPort(i, database, port));
                if (!givenEndpoint && !readsSecret && !allowedToPort)
                {
                    continue;
                }

                var usesProxy = proxyTargets.Any(p => p.Targets.Contains(database) && graph.Connected(function, p.Proxy!));
                if (usesProxy)
                {
                    continue;
                }

                var at = function.Properties?["Environment"] ?? function.Node["Type"];
                context.Report(ConnectivityRules.LambdaWithoutRdsProxy(function.ConstructPath, database.ConstructPath), function, at,
                    function.Properties?["Environment"] == null ? null : "Environment",
                    equivalentMessages: new[] { ConnectivityRules.LambdaWithoutRdsProxy(CheckContext.ConstructId(function), CheckContext.ConstructId(database)).Message });
            }
        }
    }

    private static double? DatabasePort(CheckContext context, TemplateResource database)
    {
        if (context.Resolver.ResolveNumber(database.Properties?["Port"], database.Stack) is double port)
        {
            return port;
        }

        var engine = context.String(database, database.Properties?["Engine"]);
        return engine == null ? null : EnginePorts.FirstOrDefault(e => engine.StartsWith(e.Engine, StringComparison.OrdinalIgnoreCase)).Port is int p && p > 0 ? p : null;
    }
}
