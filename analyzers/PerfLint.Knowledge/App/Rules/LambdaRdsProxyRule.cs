using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL3001 over the app model: a Lambda function connected straight to an RDS/Aurora database (given its endpoint or
    /// secret, granted access, or allowed to its port: <see cref="AppModel.Connections"/>) is reported unless it is also
    /// connected to an RDS Proxy that targets that database (<see cref="RdsProxies"/>): a function that bypasses an
    /// existing proxy is reported. A proxy whose targets cannot be read may front any database: the rule is silent.
    /// Reported once per function and database, at the first connection (check: on the function's environment).
    /// </summary>
    public sealed class LambdaRdsProxyRule : AppRule
    {
        private const string Function = "AWS::Lambda::Function";

        public override string RuleId => RuleIds.LambdaToRdsWithoutProxy;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[]
        {
            Function, RdsProxies.Instance, RdsProxies.Cluster, RdsProxies.Proxy, RdsProxies.TargetGroup, "AWS::SecretsManager::Secret",
            "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress",
        };

        /// <summary>What connects a function to a database in C#: wiring calls, grants, endpoint and secret attributes, function subclasses.</summary>
        public override IReadOnlyList<string> SupportNames { get; } = new[]
        {
            "AllowFrom", "AllowTo", "AllowDefaultPortFrom", "AllowDefaultPortTo", "AllowToDefaultPort", "AddIngressRule", "AddEgressRule", "AddEnvironment",
            "AddSecurityGroup", "AllowDefaultPortFromAnyIpv4", "GrantConnect", "GrantDataApiAccess", "GrantRead", "GrantWrite",
            "Secret", "SecretArn", "SecretName", "SecretValueFromJson", "DbInstanceEndpointAddress", "DbInstanceEndpointPort", "InstanceEndpoint",
            "ClusterEndpoint", "ClusterReadEndpoint", "AttrEndpointAddress", "AttrEndpointPort", "AttrDbClusterArn", "DockerImageFunction",
        };

        /// <summary>RDS words in C# names: DatabaseInstance, DatabaseCluster, ServerlessCluster, CfnDBInstance, CfnDBCluster, rds.*.</summary>
        private static readonly string[] DatabaseWords = { "Database", "DBInstance", "DBCluster", "Serverless", "Aurora", "Rds" };

        /// <summary>A Lambda function (every L2 function class and CfnFunction end in "Function"), a database, and a call or attribute that connects them.</summary>
        public override IReadOnlyList<Func<string, bool>> RequiredNames { get; }

        public LambdaRdsProxyRule()
        {
            var connecting = new HashSet<string>(SupportNames, StringComparer.Ordinal) { "CfnSecurityGroupIngress", "AddPropertyOverride", "AddOverride" };
            connecting.Remove("DockerImageFunction");
            RequiredNames = new Func<string, bool>[]
            {
                name => name.EndsWith("Function", StringComparison.Ordinal),
                name => DatabaseWords.Any(word => name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0),
                connecting.Contains,
            };
        }

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            var direct = app.Connections.Where(c => c.Client.Is(Function) && RdsProxies.IsDatabase(c.Server)).ToList();
            if (direct.Count == 0)
            {
                return Enumerable.Empty<AppFinding>();
            }

            var proxies = RdsProxies.Build(app);
            if (proxies.SomeTargetUnknown)
            {
                return Enumerable.Empty<AppFinding>();
            }

            var findings = new List<AppFinding>();
            var reported = new HashSet<(AppResource, AppResource)>();
            foreach (var c in direct)
            {
                if (!RdsProxies.AllowsDatabasePort(c) || proxies.Fronts(app, c.Client, c.Server) || !reported.Add((c.Client, c.Server)))
                {
                    continue;
                }

                var (function, database) = (c.Client, c.Server);
                var finding = ConnectivityRules.LambdaWithoutRdsProxy(function.Path ?? function.Id, database.Path ?? database.Id);
                var byId = function.Path != null || database.Path != null ? new[] { ConnectivityRules.LambdaWithoutRdsProxy(function.Id, database.Id).Message } : null;
                findings.Add(new AppFinding(finding, function, c.Where, sourceProperty: null, onResource: function.Property("Environment")?.Where ?? function.Where,
                    related: new object[] { function, database }, equivalentMessages: byId));
            }

            return findings;
        }
    }
}
