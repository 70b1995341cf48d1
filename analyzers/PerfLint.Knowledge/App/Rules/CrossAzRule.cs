using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL2001 over the app model: two connected resources (<see cref="AppModel.Connections"/>, either way) pinned to
    /// certainly different Availability Zones (<see cref="AvailabilityZones"/>). Reported once per pair, at the first
    /// connection: on the client's zone, with the server's zone and the connection as related values; a front end that
    /// reports per resource (check) reports on the later-declared side's own pinning value. The message names the client first.
    /// </summary>
    public sealed class CrossAzRule : AppRule
    {
        public override string RuleId => RuleIds.CrossAzChattyResources;

        /// <summary>The pinnable resources, the subnets that pin them, and the groups and secrets that connect them.</summary>
        public override IReadOnlyList<string> ResourceTypes { get; } = AvailabilityZones.Pinnable
            .Concat(new[] { AvailabilityZones.Subnet, "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::SecretsManager::Secret" }).ToArray();

        /// <summary>The props that pin (and the selections that carry them) and what connects resources in C#: wiring calls, grants, endpoints.</summary>
        public override IReadOnlyList<string> SupportNames { get; } = AvailabilityZones.ZoneProperties.Concat(new[]
        {
            "VpcSubnets", "Subnets", "SubnetId", "SubnetIds", "SubnetSelection", "AllowFrom", "AllowTo", "AllowDefaultPortFrom", "AllowDefaultPortTo",
            "AllowToDefaultPort", "AddIngressRule", "AddEgressRule", "AddEnvironment", "AddSecurityGroup", "GrantConnect", "GrantRead", "GrantWrite",
            "GrantReadWrite", "GrantDataApiAccess",
        }).ToArray();

        /// <summary>
        /// Every pin ends in a zone written to a resource's or subnet's own zone property, or to a subnet selection's
        /// zones (a VPC's own <c>AvailabilityZones</c> pins nothing): without one nothing is read.
        /// </summary>
        public override IReadOnlyList<RequiredSetting> RequiredSettings { get; } = new[]
        {
            new RequiredSetting("AvailabilityZone"), new RequiredSetting("PreferredAvailabilityZone"),
            new RequiredSetting("AvailabilityZones", "SubnetSelection", "VpcSubnets"),
        };

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            var pins = new Dictionary<AppResource, (AppString Zone, IAppValue Pin)?>();
            (AppString Zone, IAppValue Pin)? PinOf(AppResource r)
            {
                if (!pins.TryGetValue(r, out var pin))
                {
                    pins[r] = pin = AvailabilityZones.Pinnable.Any(r.Is) ? AvailabilityZones.Of(r) : null;
                }

                return pin;
            }

            var findings = new List<AppFinding>();
            var order = new Dictionary<AppResource, int>();
            var reported = new HashSet<(int, int)>();
            foreach (var c in app.Connections)
            {
                var (client, server) = (c.Client, c.Server);
                if (client == server || !(PinOf(client) is { } a) || !(PinOf(server) is { } b) || !AvailabilityZones.Differ(app, a.Zone.Text, b.Zone.Text))
                {
                    continue;
                }

                if (order.Count == 0)
                {
                    order = app.Resources.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
                }

                var (i, j) = (order[client], order[server]);
                if (!reported.Add((Math.Min(i, j), Math.Max(i, j))))
                {
                    continue;
                }

                var (zoneA, zoneB) = (AvailabilityZones.Describe(app, a.Zone.Text), AvailabilityZones.Describe(app, b.Zone.Text));
                var finding = ConnectivityRules.CrossAz(client.Path ?? client.Id, zoneA, server.Path ?? server.Id, zoneB);
                var byId = client.Path != null || server.Path != null
                    ? new[] { ConnectivityRules.CrossAz(client.Id, zoneA, server.Id, zoneB).Message, ConnectivityRules.CrossAz(server.Id, zoneB, client.Id, zoneA).Message }
                    : null;
                var (later, laterPin) = i > j ? (client, a) : (server, b);
                findings.Add(new AppFinding(finding, later, a.Zone.Where, onResource: laterPin.Pin.Where, related: new object[] { b.Zone.Where!, c.Where! },
                    equivalentMessages: byId));
            }

            return findings;
        }
    }
}
