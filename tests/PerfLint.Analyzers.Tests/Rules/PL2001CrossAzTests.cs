using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL2001: connected resources pinned to different Availability Zones.</summary>
public class PL2001CrossAzTests
{
    private const string Usings = TestReferences.CdkUsings +
        "using Amazon.CDK.AWS.RDS;\nusing Amazon.CDK.AWS.Lambda;\nusing InstanceType = Amazon.CDK.AWS.EC2.InstanceType;\nusing InstanceProps = Amazon.CDK.AWS.EC2.InstanceProps;\n";

    private static string Db(string zone, string securityGroups = "") => $$"""
                var db = new DatabaseInstance(this, "Orders", new DatabaseInstanceProps {
                    Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_15 }),
                    Vpc = vpc, AvailabilityZone = {{zone}}, {{securityGroups}}
                });
        """;

    private static string Box(string zone, string extra = "") => $$"""
                var box = new Instance_(this, "App", new InstanceProps {
                    Vpc = vpc, InstanceType = new InstanceType("m7g.large"), MachineImage = MachineImage.LatestAmazonLinux2(), AvailabilityZone = {{zone}}, {{extra}}
                });
        """;

    /// <summary>A function connected straight to a database is also PL3001's, reported by the same analyzer: off where that is not the subject.</summary>
    private const string NoPL3001 = "dotnet_diagnostic.PL3001.severity = none";

    /// <summary>PL2001 on the client's zone, with the server's zone and the connecting expression as additional locations.</summary>
    private static DiagnosticResult CrossAz(int clientZone, int serverZone, int evidence, string client, string clientAz, string server, string serverAz) =>
        Expected(clientZone, serverZone, evidence, ConnectivityRules.CrossAz(client, clientAz, server, serverAz).Message);

    /// <summary>PL2001 (an info) at those locations with exactly <paramref name="message"/>.</summary>
    private static DiagnosticResult Expected(int clientZone, int serverZone, int evidence, string message) =>
        Verify.Diagnostic(RuleIds.CrossAzChattyResources).WithLocation(clientZone).WithLocation(serverZone).WithLocation(evidence)
            .WithSeverity(DiagnosticSeverity.Info).WithMessage(message);

    [Test]
    public Task Instance_allowed_to_a_db_in_another_zone_is_reported_on_the_instance_zone() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Db("{|#1:\"us-east-1a\"|}")}}
        {{Box("{|#0:\"us-east-1b\"|}")}}
            {|#2:db.Connections.AllowDefaultPortFrom(box)|};
        } }
        """, Expected(0, 1, 2, "'App' (us-east-1b) and 'Orders' (us-east-1a) are connected but pinned to different Availability Zones: every request crosses AZs (added round-trip latency, and traffic between AZs can incur data transfer charges); place them in the same AZ or let the chatty side follow the other"));

    [Test]
    public Task Same_zone_unconnected_and_unpinned_resources_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Db("\"us-east-1a\"")}}
        {{Box("\"us-east-1a\"")}}
            db.Connections.AllowDefaultPortFrom(box);
            var other = new Instance_(this, "Other", new InstanceProps {
                Vpc = vpc, InstanceType = new InstanceType("m7g.large"), MachineImage = MachineImage.LatestAmazonLinux2(), AvailabilityZone = "us-east-1c" });
            var floating = new Instance_(this, "Floating", new InstanceProps {
                Vpc = vpc, InstanceType = new InstanceType("m7g.large"), MachineImage = MachineImage.LatestAmazonLinux2(), AvailabilityZone = vpc.AvailabilityZones[1] });
            db.Connections.AllowDefaultPortFrom(floating);
        } }
        """);

    [Test]
    public Task Security_group_rule_between_the_groups_of_two_resources() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            var dbGroup = new SecurityGroup(this, "DbGroup", new SecurityGroupProps { Vpc = vpc });
            var appGroup = new SecurityGroup(this, "AppGroup", new SecurityGroupProps { Vpc = vpc });
        {{Db("{|#1:\"eu-west-1a\"|}", "SecurityGroups = new[] { dbGroup },")}}
        {{Box("{|#0:\"eu-west-1c\"|}", "SecurityGroup = appGroup,")}}
            {|#2:dbGroup.AddIngressRule(Peer.SecurityGroupId(appGroup.SecurityGroupId), Port.Tcp(5432))|};
        } }
        """, CrossAz(0, 1, 2, "App", "eu-west-1c", "Orders", "eu-west-1a"));

    [Test]
    public Task L1_instance_and_database_joined_by_an_ingress_rule_between_their_groups() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var dbGroup = new CfnSecurityGroup(this, "DbGroup", new CfnSecurityGroupProps { GroupDescription = "db", VpcId = "vpc-1" });
            var appGroup = new CfnSecurityGroup(this, "AppGroup", new CfnSecurityGroupProps { GroupDescription = "app", VpcId = "vpc-1" });
            new CfnDBInstance(this, "Ledger", new CfnDBInstanceProps {
                Engine = "postgres", DbInstanceClass = "db.r7g.large", AvailabilityZone = {|#1:"eu-central-1a"|}, VpcSecurityGroups = new[] { dbGroup.AttrGroupId },
            });
            new CfnInstance(this, "Batch", new CfnInstanceProps {
                ImageId = "ami-0123456789abcdef0", InstanceType = "m7g.large", AvailabilityZone = {|#0:"eu-central-1b"|}, SecurityGroupIds = new[] { appGroup.AttrGroupId },
            });
            {|#2:new CfnSecurityGroupIngress(this, "AppToDb", new CfnSecurityGroupIngressProps {
                IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, GroupId = dbGroup.AttrGroupId, SourceSecurityGroupId = appGroup.AttrGroupId,
            })|};
        } }
        """, Expected(0, 1, 2, "'Batch' (eu-central-1b) and 'Ledger' (eu-central-1a) are connected but pinned to different Availability Zones: every request crosses AZs (added round-trip latency, and traffic between AZs can incur data transfer charges); place them in the same AZ or let the chatty side follow the other"));

    [Test]
    public Task Lambda_in_a_subnet_with_an_explicit_zone_given_the_db_endpoint() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class Zones { public const string Region = "us-west-2"; public const string Primary = {|#1:Region + "a"|}; }
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Db("Zones.Primary")}}
            var subnet = new Subnet(this, "FnSubnet", new SubnetProps { VpcId = vpc.VpcId, CidrBlock = "10.0.200.0/24", AvailabilityZone = {|#0:$"{Zones.Region}b"|} });
            new Function(this, "Api", new FunctionProps {
                Runtime = Runtime.NODEJS_20_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => {};"), Vpc = vpc,
                VpcSubnets = new SubnetSelection { Subnets = new ISubnet[] { subnet } },
                Environment = new Dictionary<string, string> { ["DB_HOST"] = {|#2:db.DbInstanceEndpointAddress|} },
            });
        } }
        """, NoPL3001, Expected(0, 1, 2, "'Api' (us-west-2b) and 'Orders' (us-west-2a) are connected but pinned to different Availability Zones: every request crosses AZs (added round-trip latency, and traffic between AZs can incur data transfer charges); place them in the same AZ or let the chatty side follow the other"));

    [Test]
    public Task Grant_and_subnet_selection_of_one_zone() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Db("{|#1:\"us-east-1a\"|}")}}
            var fn = new Function(this, "Api", new FunctionProps {
                Runtime = Runtime.NODEJS_20_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => {};"), Vpc = vpc,
                VpcSubnets = new SubnetSelection { AvailabilityZones = new[] { {|#0:"us-east-1d"|} } },
            });
            {|#2:db.GrantConnect(fn, "api")|};
        } }
        """, NoPL3001, CrossAz(0, 1, 2, "Api", "us-east-1d", "Orders", "us-east-1a"));

    [Test]
    public Task Collection_expression_of_one_zone() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Db("{|#1:\"us-east-1a\"|}")}}
            var fn = new Function(this, "Api", new FunctionProps {
                Runtime = Runtime.NODEJS_20_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => {};"), Vpc = vpc,
                VpcSubnets = new SubnetSelection { AvailabilityZones = [{|#0:"us-east-1c"|}] },
            });
            {|#2:db.Connections.AllowDefaultPortFrom(fn)|};
        } }
        """, NoPL3001, CrossAz(0, 1, 2, "Api", "us-east-1c", "Orders", "us-east-1a"));

    [Test]
    public Task L1_cache_cluster_and_an_instance_in_a_subnet_through_its_network_interface() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var cacheGroup = new CfnSecurityGroup(this, "CacheGroup", new CfnSecurityGroupProps { GroupDescription = "cache", VpcId = "vpc-1" });
            var appGroup = new CfnSecurityGroup(this, "AppGroup", new CfnSecurityGroupProps { GroupDescription = "app", VpcId = "vpc-1" });
            var subnet = new CfnSubnet(this, "AppSubnet", new CfnSubnetProps { VpcId = "vpc-1", CidrBlock = "10.0.1.0/24", AvailabilityZone = {|#0:"eu-west-1b"|} });
            new Amazon.CDK.AWS.ElastiCache.CfnCacheCluster(this, "Sessions", new Amazon.CDK.AWS.ElastiCache.CfnCacheClusterProps {
                Engine = "redis", CacheNodeType = "cache.r7g.large", NumCacheNodes = 1, PreferredAvailabilityZone = {|#1:"eu-west-1a"|},
                VpcSecurityGroupIds = new[] { cacheGroup.AttrGroupId },
            });
            new CfnInstance(this, "Web", new CfnInstanceProps {
                ImageId = "ami-0123456789abcdef0", InstanceType = "m7g.large",
                NetworkInterfaces = new[] { new CfnInstance.NetworkInterfaceProperty { DeviceIndex = "0", SubnetId = subnet.AttrSubnetId, GroupSet = new[] { appGroup.AttrGroupId } } },
            });
            {|#2:new CfnSecurityGroupIngress(this, "WebToCache", new CfnSecurityGroupIngressProps {
                IpProtocol = "tcp", FromPort = 6379, ToPort = 6379, GroupId = cacheGroup.AttrGroupId, SourceSecurityGroupId = appGroup.AttrGroupId,
            })|};
        } }
        """, Expected(0, 1, 2, "'Web' (eu-west-1b) and 'Sessions' (eu-west-1a) are connected but pinned to different Availability Zones: every request crosses AZs (added round-trip latency, and traffic between AZs can incur data transfer charges); place them in the same AZ or let the chatty side follow the other"));

    [Test]
    public Task Helper_with_zone_parameters_is_reported_at_the_call_site() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack {
            S(Construct s) : base(s, "s") {
                var vpc = new Vpc(this, "Vpc");
                {|#2:Pair(vpc, "Near", {|#0:"us-east-1b"|}, {|#1:"us-east-1a"|})|};
                Pair(vpc, "Same", "us-east-1a", "us-east-1a");
            }

            void Pair(Vpc vpc, string name, string appZone, string dbZone) {
                var db = new DatabaseInstance(this, name + "Db", new DatabaseInstanceProps {
                    Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_15 }),
                    Vpc = vpc, AvailabilityZone = dbZone,
                });
                var app = new Instance_(this, name + "App", new InstanceProps {
                    Vpc = vpc, InstanceType = new InstanceType("m7g.large"), MachineImage = MachineImage.LatestAmazonLinux2(), AvailabilityZone = appZone,
                });
                app.Connections.AllowTo(db, Port.Tcp(5432));
            }
        }
        """, CrossAz(0, 1, 2, "NearApp", "us-east-1b", "NearDb", "us-east-1a"));

    [Test]
    public Task Secret_read_grant_to_an_instance_in_another_zone() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Db("{|#1:\"us-east-1a\"|}")}}
        {{Box("{|#0:\"us-east-1f\"|}")}}
            {|#2:db.Secret!.GrantRead(box)|};
        } }
        """, CrossAz(0, 1, 2, "App", "us-east-1f", "Orders", "us-east-1a"));

    [Test]
    public async Task Incomplete_code_as_typed_does_not_throw()
    {
        var source = Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Vpc = vpc, AvailabilityZone = "us-east-1a"
            var box = new Instance_(this, , new InstanceProps { AvailabilityZone = Zones. });
            db.Connections.AllowDefaultPortFrom(box
            box.Connections.AllowTo(, Port.Tcp(
            Helper(db, 
        }
        void Helper(DatabaseInstance d, IConnectable c) => d.Connections.AllowFrom(c, Port.
        """;
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source }),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PerfLint.Analyzers.Rules.AppRulesAnalyzer()));
        Assert.That(run.CompilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), Is.True, "the source is incomplete");
        Assert.That(run.Exceptions, Is.Empty);
    }

    [Test]
    public void Descriptor_is_reported_at_compilation_end_and_links_its_rule_page()
    {
        var descriptor = new PerfLint.Analyzers.Rules.AppRulesAnalyzer().SupportedDiagnostics.Single(d => d.Id == "PL2001");
        Assert.That(descriptor.Id, Is.EqualTo("PL2001"));
        Assert.That(descriptor.CustomTags, Does.Contain(WellKnownDiagnosticTags.CompilationEnd));
        Assert.That(descriptor.HelpLinkUri, Does.EndWith("docs/rules/PL2001.md"));
        var page = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "docs", "rules", "PL2001.md");
        Assert.That(File.Exists(page), Is.True, page);
    }

    [Test]
    public Task No_cdk_referenced_gives_nothing() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        namespace Amazon.CDK.AWS.EC2 { public class InstanceProps { public string AvailabilityZone { get; set; } = ""; } }
        class S { object M() => new[] { new Amazon.CDK.AWS.EC2.InstanceProps { AvailabilityZone = "us-east-1a" }, new Amazon.CDK.AWS.EC2.InstanceProps { AvailabilityZone = "us-east-1b" } }; }
        """);
}
