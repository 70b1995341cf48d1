using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// The databases RDS Proxies front (PL3001): <c>new DatabaseProxy(.., new DatabaseProxyProps { ProxyTarget =
    /// ProxyTarget.FromInstance(db) })</c>, <c>db.AddProxy(..)</c>, and <c>CfnDBProxyTargetGroup</c> whose
    /// <c>DbInstanceIdentifiers</c>/<c>DbClusterIdentifiers</c> mention the database or name it. A proxy whose target
    /// cannot be read may front any database.
    /// </summary>
    public sealed class ProxyFacts
    {
        private static readonly string[] IdentifierProperties = { "InstanceIdentifier", "ClusterIdentifier", "DbInstanceIdentifier", "DbClusterIdentifier" };

        private ProxyFacts(HashSet<ConstructNode> proxied, bool all)
        {
            Proxied = proxied;
            AllDatabasesMayBeProxied = all;
        }

        public HashSet<ConstructNode> Proxied { get; }

        /// <summary>True when some proxy's target is unknown: PL3001 then stays silent.</summary>
        public bool AllDatabasesMayBeProxied { get; }

        public static ProxyFacts Build(AppModel app)
        {
            var proxied = new HashSet<ConstructNode>();
            var unknown = false;
            foreach (var proxy in app.OfKind(ConstructKind.DatabaseProxy))
            {
                if (proxy.IsL1 && proxy.Type.Name == "CfnDBProxy")
                {
                    // The targets of an L1 proxy are in its CfnDBProxyTargetGroup.
                    continue;
                }

                var targets = new List<ConstructNode>();
                if (proxy.Receiver != null)
                {
                    targets.AddRange(app.Identity(new Flow(proxy.Receiver, proxy.Context)).Where(n => n.Kind == ConstructKind.Database));
                }

                foreach (var property in new[] { "ProxyTarget", "DbInstanceIdentifiers", "DbClusterIdentifiers" })
                {
                    var value = app.Prop(proxy, property);
                    if (value == null)
                    {
                        continue;
                    }

                    targets.AddRange(app.Mentions(value.Value).Where(n => n.Kind == ConstructKind.Database));
                    var names = app.Elements(value).Select(e => app.SingleString(e)?.Text).Where(t => t != null).ToList();
                    targets.AddRange(app.OfKind(ConstructKind.Database).Where(db =>
                        IdentifierProperties.Any(p => names.Contains(app.SingleString(app.Prop(db, p))?.Text, System.StringComparer.OrdinalIgnoreCase))));
                }

                if (targets.Count == 0)
                {
                    unknown = true;
                }

                proxied.UnionWith(targets);
            }

            return new ProxyFacts(proxied, unknown);
        }
    }
}
