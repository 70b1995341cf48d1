using System;
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
    /// PL2001: two connected constructs (<see cref="ConnectionFacts"/>) pinned to different, explicit Availability
    /// Zones (<see cref="AvailabilityZoneFacts"/>); message: <see cref="ConnectivityRules.CrossAz"/>. Reported on the
    /// client's zone value (the side that opens connections and can follow the other), with the server's zone and
    /// the connecting expression as additional locations.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CrossAzAnalyzer : CdkAnalyzer
    {
        private static readonly ConstructKind[] Kinds =
        {
            ConstructKind.Ec2Instance, ConstructKind.Subnet, ConstructKind.SecurityGroup, ConstructKind.Database, ConstructKind.LambdaFunction,
            ConstructKind.Secret, ConstructKind.AutoScalingGroup, ConstructKind.DatabaseProxy, ConstructKind.SecurityGroupIngress,
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.CrossAzChattyResources));

        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk) =>
            AppFactCollector.Register(context, cdk, Kinds, wiring: true, Gate, Analyze);

        /// <summary>
        /// Two resources in different zones need at least one explicit pin, which the facts take only from what the code
        /// assigns (object initializers): a construct's own <c>AvailabilityZone</c> or <c>SubnetId</c>, or a
        /// <c>VpcSubnets</c> selection whose <c>AvailabilityZones</c> or <c>Subnets</c> are set (in any body: the
        /// selection may be built by a helper). Without one nothing is read; reading <c>subnet.AvailabilityZone</c> or
        /// <c>subnet.SubnetId</c> pins nothing. The rule's subjects (instances, functions, databases, security groups)
        /// are everywhere, so with a pin every body is read.
        /// </summary>
        private static Func<BodyEntry, bool> Gate(SyntaxIndex index, AnalyzerOptions options, CancellationToken cancellationToken) =>
            Assigns(index, AvailabilityZoneFacts.ZoneProperty, AvailabilityZoneFacts.SubnetIdProperty) ||
            (Assigns(index, AvailabilityZoneFacts.SelectionProperty) &&
             Assigns(index, AvailabilityZoneFacts.SelectionZonesProperty, AvailabilityZoneFacts.SelectionSubnetsProperty))
                ? Gates.All
                : Gates.None;

        private static bool Assigns(SyntaxIndex index, params string[] properties) =>
            index.Bodies.Any(b => b.Assigned.Any(properties.Contains));

        private static void Analyze(AppModel app, CompilationAnalysisContext context)
        {
            var sink = app.Findings(context.ReportDiagnostic);
            var zones = new Dictionary<ConstructNode, FactValue?>();
            FactValue? Zone(ConstructNode node)
            {
                if (!zones.TryGetValue(node, out var zone))
                {
                    zones[node] = zone = AvailabilityZoneFacts.ZoneOf(app, node);
                }

                return zone;
            }

            foreach (var connection in ConnectionFacts.Build(app))
            {
                var clientZone = Zone(connection.Client);
                var serverZone = Zone(connection.Server);
                if (clientZone?.Text == null || serverZone?.Text == null ||
                    string.Equals(clientZone.Text, serverZone.Text, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var finding = ConnectivityRules.CrossAz(connection.Client.Name, clientZone.Text, connection.Server.Name, serverZone.Text);
                sink.Report(finding, clientZone.Location, serverZone.Location, connection.Evidence);
            }
        }
    }
}
