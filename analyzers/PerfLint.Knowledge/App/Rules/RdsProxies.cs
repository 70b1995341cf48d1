using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// The databases each RDS Proxy fronts (PL3001): a CDK <c>DatabaseProxy</c>'s <c>ProxyTarget</c> or the database its
    /// <c>AddProxy</c> was called on (an <c>AddProxy</c> connection), and a <c>DBProxyTargetGroup</c>'s
    /// <c>DBInstanceIdentifiers</c>/<c>DBClusterIdentifiers</c> (a reference, or the identifier a database is given) for
    /// the proxy its <c>DBProxyName</c> names. An L1 proxy's targets are in its target group.
    /// </summary>
    internal sealed class RdsProxies
    {
        public const string Instance = "AWS::RDS::DBInstance";
        public const string Cluster = "AWS::RDS::DBCluster";
        public const string Proxy = "AWS::RDS::DBProxy";
        public const string TargetGroup = "AWS::RDS::DBProxyTargetGroup";

        /// <summary>Property names in C# (CDK L2 and L1) and in templates.</summary>
        private static readonly string[] TargetProperties = { "ProxyTarget", "DbInstanceIdentifiers", "DbClusterIdentifiers", "DBInstanceIdentifiers", "DBClusterIdentifiers" };
        private static readonly string[] IdentifierProperties = { "InstanceIdentifier", "ClusterIdentifier", "DbInstanceIdentifier", "DbClusterIdentifier", "DBInstanceIdentifier", "DBClusterIdentifier" };
        private static readonly string[] ProxyNameProperties = { "DbProxyName", "DBProxyName" };

        /// <summary>Default ports by engine prefix, for security-group rules written with literal ports.</summary>
        private static readonly (string Engine, int Port)[] EnginePorts =
        {
            ("aurora-postgresql", 5432), ("postgres", 5432), ("aurora-mysql", 3306), ("aurora", 3306), ("mysql", 3306), ("mariadb", 3306),
            ("sqlserver", 1433), ("oracle", 1521), ("db2", 50000),
        };

        private readonly List<(IReadOnlyList<AppResource> Proxies, HashSet<AppResource> Targets)> _fronts = new List<(IReadOnlyList<AppResource>, HashSet<AppResource>)>();

        /// <summary>True when some proxy's targets cannot be read: it may front any database.</summary>
        public bool SomeTargetUnknown { get; private set; }

        public static bool IsDatabase(AppResource resource) => resource.Is(Instance) || resource.Is(Cluster);

        public static RdsProxies Build(AppModel app)
        {
            var result = new RdsProxies();
            foreach (var proxy in app.OfType(Proxy).Where(p => !p.IsL1))
            {
                var targets = Targets(app, proxy);
                targets.UnionWith(app.Connections.Where(c => c.Client == proxy && c.How == "AddProxy" && IsDatabase(c.Server)).Select(c => c.Server));
                result.Add(new[] { proxy }, targets);
            }

            foreach (var group in app.OfType(TargetGroup))
            {
                var name = ProxyNameProperties.Select(group.Property).FirstOrDefault(v => v != null);
                var proxies = name.ResourcesOf(Proxy).ToList();
                if (proxies.Count == 0 && name.SingleString() is AppString text)
                {
                    proxies = app.OfType(Proxy).Where(p => ProxyNameProperties.Any(n => string.Equals(p.Property(n).SingleString()?.Text, text.Text, StringComparison.OrdinalIgnoreCase))).ToList();
                }

                result.Add(proxies, Targets(app, group));
            }

            return result;
        }

        /// <summary>Whether <paramref name="function"/> is connected to a proxy that fronts <paramref name="database"/> (a target group whose proxy is not known fronts it for every function).</summary>
        public bool Fronts(AppModel app, AppResource function, AppResource database) =>
            _fronts.Any(f => f.Targets.Contains(database) &&
                             (f.Proxies.Count == 0 || f.Proxies.Any(p => app.Connections.Any(c => (c.Client == function && c.Server == p) || (c.Client == p && c.Server == function)))));

        /// <summary>Whether the connection's security-group rule (if any) admits the database's port; unknown ports or protocols admit it.</summary>
        public static bool AllowsDatabasePort(AppConnection connection)
        {
            var rule = connection.Rule;
            if (rule == null || rule.Property("FromPort").ResourcesOf(connection.Server.Type).Contains(connection.Server))
            {
                // CDK writes the database's own Endpoint.Port attribute for its default port.
                return true;
            }

            var low = rule.Property("FromPort")?.Numbers().FirstOrDefault()?.Value;
            var high = rule.Property("ToPort")?.Numbers().FirstOrDefault()?.Value ?? low;
            var port = Port(connection.Server);
            return rule.Property("IpProtocol").SingleString()?.Text == "-1" || low == null || port == null || (low <= port && port <= high);
        }

        private static double? Port(AppResource database)
        {
            if (database.Property("Port")?.Numbers().FirstOrDefault() is AppNumber port)
            {
                return port.Value;
            }

            var engine = database.Property("Engine").SingleString()?.Text;
            return engine == null ? null : EnginePorts.Where(e => engine.StartsWith(e.Engine, StringComparison.OrdinalIgnoreCase)).Select(e => (double?)e.Port).FirstOrDefault();
        }

        private void Add(IReadOnlyList<AppResource> proxies, HashSet<AppResource> targets)
        {
            SomeTargetUnknown |= targets.Count == 0;
            _fronts.Add((proxies, targets));
        }

        /// <summary>The databases a proxy's or target group's target properties reference or name.</summary>
        private static HashSet<AppResource> Targets(AppModel app, AppResource proxy)
        {
            var targets = new HashSet<AppResource>();
            foreach (var value in TargetProperties.Select(proxy.Property).Where(v => v != null))
            {
                targets.UnionWith(value!.Resources().Where(IsDatabase));
                var names = value.Items().Select(e => e.SingleString()?.Text).Where(t => t != null).ToList();
                targets.UnionWith(app.Resources.Where(db => IsDatabase(db) &&
                    IdentifierProperties.Any(p => db.Property(p).SingleString() is AppString id && names.Contains(id.Text, StringComparer.OrdinalIgnoreCase))));
            }

            return targets;
        }
    }
}
