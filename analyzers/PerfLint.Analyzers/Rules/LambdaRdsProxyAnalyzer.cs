using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Facts;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL3001: a Lambda function connects straight to an RDS/Aurora database (<see cref="ConnectionFacts"/>: allowed to
    /// its port, given its endpoint or secret, granted connect or secret read) and no RDS Proxy targets that database
    /// (<see cref="ProxyFacts"/>); message: <see cref="ConnectivityRules.LambdaWithoutRdsProxy"/>. Reported once per
    /// function and database, on the first connecting expression in source order.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LambdaRdsProxyAnalyzer : CdkAnalyzer
    {
        private static readonly ConstructKind[] Kinds =
        {
            ConstructKind.LambdaFunction, ConstructKind.Database, ConstructKind.DatabaseProxy, ConstructKind.Secret, ConstructKind.SecurityGroup, ConstructKind.SecurityGroupIngress,
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.LambdaToRdsWithoutProxy));

        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk) =>
            AppFactCollector.Register(context, cdk, Kinds, wiring: true, Gate, Analyze);

        /// <summary>
        /// What connects a function to a database: the wiring calls the facts collector records (security-group rules,
        /// environment, overrides), database and secret grants, and endpoint and secret attributes (what
        /// <see cref="ConnectionFacts"/> reads). Grants of other services (<c>GrantReadWriteData</c>, <c>GrantSendMessages</c>)
        /// do not count.
        /// </summary>
        private static readonly System.Func<BodyEntry, bool> Connects = Gates.Naming(AppFactCollector.WiringMethods.Concat(new[]
        {
            "AllowDefaultPortFromAnyIpv4", "CfnSecurityGroupIngress", "GrantConnect", "GrantDataApiAccess", "GrantRead", "GrantWrite",
            "Secret", "SecretArn", "SecretName", "SecretValueFromJson", "DbInstanceEndpointAddress", "DbInstanceEndpointPort", "InstanceEndpoint",
            "ClusterEndpoint", "ClusterReadEndpoint", "AttrEndpointAddress", "AttrEndpointPort", "AttrDbClusterArn",
        }).ToArray());

        private static readonly System.Func<BodyEntry, bool> Functions = Gates.Naming("Function", "CfnFunction", "DockerImageFunction");

        /// <summary>Needs a database, a function and something that may connect them; then every body is read (the subjects are everywhere).</summary>
        private static System.Func<BodyEntry, bool> Gate(SyntaxIndex index, AnalyzerOptions options, CancellationToken cancellationToken) =>
            index.ByIdentifier.Keys.Any(DatabaseWords.Named) && index.Bodies.Any(Connects) && index.Bodies.Any(Functions)
                ? Gates.All
                : Gates.None;

        private static void Analyze(AppModel app, CompilationAnalysisContext context)
        {
            var proxies = ProxyFacts.Build(app);
            if (proxies.AllDatabasesMayBeProxied)
            {
                return;
            }

            var connections = ConnectionFacts.Build(app);
            // A function that talks to a proxy is taken to reach its databases through it.
            var usesProxy = new HashSet<ConstructNode>(connections.Where(c => c.Server.Kind == ConstructKind.DatabaseProxy).Select(c => c.Client));
            var reported = new HashSet<(ConstructNode, ConstructNode)>();
            var sink = app.Findings(context.ReportDiagnostic);
            foreach (var connection in connections)
            {
                if (connection.Client.Kind != ConstructKind.LambdaFunction || connection.Server.Kind != ConstructKind.Database ||
                    usesProxy.Contains(connection.Client) || proxies.Proxied.Contains(connection.Server) ||
                    !reported.Add((connection.Client, connection.Server)))
                {
                    continue;
                }

                sink.Report(ConnectivityRules.LambdaWithoutRdsProxy(connection.Client.Name, connection.Server.Name),
                    connection.Evidence, connection.Client.Location, connection.Server.Location);
            }
        }
    }
}
