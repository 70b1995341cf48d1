using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Offerings;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<PerfLint.Analyzers.Rules.PreviousGenerationInstanceAnalyzer, PerfLint.CodeFixes.PreviousGenerationInstanceFixer>;
using VerifyAnalyzer = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.PreviousGenerationInstanceAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL1001: previous-generation / superseded instance types, per service and value-flow shape.</summary>
public class PL1001PreviousGenerationInstanceTests
{
    private static readonly InstanceUse Hosting = new(OfferingService.SageMaker, new[] { InstanceUse.Hosting });

    /// <summary>
    /// The diagnostic the knowledge base's decision for <paramref name="instanceType"/> produces (message and severity),
    /// in the use its spelling implies or <paramref name="use"/>. The decisions themselves are pinned with literal
    /// messages in the Knowledge tests and in the tests below that spell the message out.
    /// </summary>
    private static DiagnosticResult Expect(int location, string instanceType, InstanceUse? use = null)
    {
        var finding = (use == null ? PreviousGenerationRule.Evaluate(instanceType) : PreviousGenerationRule.Evaluate(instanceType, use))
            ?? throw new AssertionException("no PL1001 finding for " + instanceType);
        return VerifyAnalyzer.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(location)
            .WithSeverity(finding.Severity == RuleSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info)
            .WithMessage(finding.Message);
    }

    [Test]
    public Task Ec2_InstanceType_Of_with_member_and_alias() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M4|}, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of({|#1:InstanceClass.STANDARD4|}, InstanceSize.XLARGE) };
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.BURSTABLE2, InstanceSize.MICRO) };
        """), Expect(0, "m4.large"), Expect(1, "m4.xlarge"));

    [Test]
    public Task M4_is_previous_generation_t2_is_not() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M4|}, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.T2, InstanceSize.MICRO) };
        """), VerifyAnalyzer.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(
        "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
        "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
        "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region unknown: set perflint_region to check yours]"));

    [Test]
    public Task ElastiCache_r4_is_current_for_elasticache() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = {|#0:"cache.r4.large"|} };
        """), VerifyAnalyzer.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(
        "'cache.r4.large' is superseded: a family 4 generations newer exists; use 'cache.r8g.large' " +
        "(2 vCPU vs 2 vCPU, 12.3 GiB; $0.11782/h vs $0.133/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher); newer generations also do more work per vCPU) " +
        "[successor: analyst mapping: newest family of the same CPU line; offered by ElastiCache in 34 of 38 regions; region unknown: set perflint_region to check yours]"));

    [Test]
    public Task Ec2_InstanceType_from_string() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { InstanceType = new InstanceType({|#0:"c4.large"|}) };
        new CfnInstanceProps { InstanceType = {|#1:"r4.large"|} };
        new Amazon.CDK.AWS.EKS.NodegroupOptions { InstanceTypes = new[] { new InstanceType({|#2:"m4.large"|}), new InstanceType("m7g.large") } };
        """), Expect(0, "c4.large"), Expect(1, "r4.large"), Expect(2, "m4.large"));

    [Test]
    public Task Newer_but_superseded_family_is_info() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M5|}, InstanceSize.LARGE) };
        new CfnInstanceProps { InstanceType = {|#1:"g4dn.xlarge"|} };
        """), Expect(0, "m5.large"), Expect(1, "g4dn.xlarge"));

    [Test]
    public Task Rds_instance_cluster_instance_and_cfn_instance_use_db_names() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M4|}, InstanceSize.LARGE) };
        Rds.ClusterInstance.Provisioned("w", new Rds.ProvisionedClusterInstanceProps { InstanceType = InstanceType.Of({|#1:InstanceClass.R4|}, InstanceSize.LARGE) });
        new Rds.CfnDBInstanceProps { DbInstanceClass = {|#2:"db.m3.large"|} };
        new Rds.CfnDBInstanceProps { DbInstanceClass = "db.t2.micro" };
        """), Expect(0, "db.m4.large"), Expect(1, "db.r4.large", new InstanceUse(OfferingService.Rds, InstanceUse.AuroraEngines)), Expect(2, "db.m3.large"));

    [Test]
    public Task ElastiCache_OpenSearch_and_SageMaker_strings() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = {|#0:"cache.m4.large"|} };
        new CfnReplicationGroupProps { CacheNodeType = {|#1:"cache.m3.medium"|} };
        new CfnReplicationGroupProps { CacheNodeType = "cache.t2.micro" };
        new Os.CapacityConfig { DataNodeInstanceType = {|#2:"m4.large.search"|}, MasterNodeInstanceType = {|#3:"m4.large.search"|} };
        new Sm.CfnEndpointConfig.ProductionVariantProperty { InstanceType = {|#4:"ml.m4.xlarge"|}, VariantName = "v" };
        new Sm.CfnNotebookInstanceProps { InstanceType = {|#5:"ml.m4.xlarge"|} };
        """), Expect(0, "cache.m4.large"), Expect(1, "cache.m3.medium"), Expect(2, "m4.large.search"), Expect(3, "m4.large.search"),
        Expect(4, "ml.m4.xlarge", Hosting), Expect(5, "ml.m4.xlarge"));

    [Test]
    public Task Current_families_unknown_values_and_non_cdk_properties_are_not_reported() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M7I, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.MEMORY7_GRAVITON, InstanceSize.LARGE) };
        new CfnCacheClusterProps { CacheNodeType = "cache.r7g.large" };
        new CfnCacheClusterProps { CacheNodeType = System.Environment.GetEnvironmentVariable("NODE_TYPE") };
        new CfnCacheClusterProps { CacheNodeType = "not-an-instance-type" };
        new CfnInstanceProps { InstanceType = "x99.large" };
        new MyProps { InstanceType = "m4.large" };
        """, "class MyProps { public string InstanceType { get; set; } = \"\"; }"));

    [Test]
    public Task Value_flow_shapes() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = Sizes.Cache };
        var local = {|#1:"cache.m3.medium"|};
        new CfnCacheClusterProps { CacheNodeType = local };
        new CfnCacheClusterProps { CacheNodeType = Field };
        new CfnCacheClusterProps { CacheNodeType = {|#3:"cache." + Family + ".large"|} };
        new CfnCacheClusterProps { CacheNodeType = {|#4:$"cache.{Family}.xlarge"|} };
        new InstanceProps { InstanceType = InstanceType.Of(Cls, InstanceSize.LARGE) };
        AddCache(this, {|#6:"cache.m4.large"|});
        new WebServer(this, {|#7:InstanceClass.STANDARD4|});
        """, """
        const string Family = "m4";
        static readonly string Field = {|#2:"cache.m4.large"|};
        static readonly InstanceClass Cls = {|#5:InstanceClass.C4|};
        static void AddCache(Construct scope, string nodeType) =>
            new CfnCacheCluster(scope, "Cache", new CfnCacheClusterProps { CacheNodeType = nodeType, Engine = "redis", NumCacheNodes = 1 });
        }
        static class Sizes { public const string Cache = {|#0:"cache.m4.large"|}; }
        class WebServer : Construct
        {
            public WebServer(Construct scope, InstanceClass cls) : base(scope, "Web")
            {
                new Instance_(this, "I", new InstanceProps { InstanceType = InstanceType.Of(cls, InstanceSize.LARGE), MachineImage = MachineImage.LatestAmazonLinux2(), Vpc = null! });
            }
        """), Expect(0, "cache.m4.large"), Expect(1, "cache.m3.medium"), Expect(2, "cache.m4.large"), Expect(3, "cache.m4.large"),
        Expect(4, "cache.m4.xlarge"), Expect(5, "c4.large"), Expect(6, "cache.m4.large"), Expect(7, "m4.large"));

    [Test]
    public Task Constant_in_another_file_is_reported_on_the_reference() => VerifyAnalyzer.VerifyAnalyzerAsync(new[]
    {
        Stack("new CfnCacheClusterProps { CacheNodeType = {|#0:Sizes.Cache|} };"),
        "static class Sizes { public const string Cache = \"cache.m4.large\"; }",
    }, null, Expect(0, "cache.m4.large"));

    [Test]
    public Task Allowed_families_option_silences_the_family() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M4, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.C4|}, InstanceSize.LARGE) };
        """), "PL1001.allowed_families = m4, r4", Expect(0, "c4.large"));

    [Test]
    public Task Min_generation_gap_option_raises_the_info_threshold()
    {
        // m5 -> m8i is 3 generations: Info by default, nothing with a gap of 4 (m4 stays a warning: EC2 lists it).
        var m4 = PreviousGenerationRule.Evaluate("m4.large", new RuleOptions(k => k == RuleOptions.MinGenerationGapKey ? "4" : null))!;
        return VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
            new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M5, InstanceSize.LARGE) };
            new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M4|}, InstanceSize.LARGE) };
            """), "pl1001.min_generation_gap = 4",
            VerifyAnalyzer.Diagnostic("PL1001").WithLocation(0).WithMessage(m4.Message));
    }

    [Test]
    public Task Editorconfig_severity_overrides_the_findings_own_severity() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M5|}, InstanceSize.LARGE) };
        """), "dotnet_diagnostic.PL1001.severity = warning",
        Expect(0, "m5.large").WithSeverity(DiagnosticSeverity.Warning));

    [Test]
    public Task Pragma_suppresses_the_lines_that_follow() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M4|}, InstanceSize.XLARGE) };
        #pragma warning disable PL1001 // licensed software pinned to m4
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M4, InstanceSize.LARGE) };
        """), Expect(0, "m4.xlarge"));

    [Test]
    public Task Fix_replaces_members_and_strings_with_the_successor_and_fixes_all() => Verify.VerifyCodeFixAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M4|}, InstanceSize.LARGE) };
        new InstanceProps { InstanceType = InstanceType.Of({|#1:InstanceClass.STANDARD4|}, InstanceSize.XLARGE) };
        new Rds.CfnDBInstanceProps { DbInstanceClass = {|#2:"db.m3.large"|} };
        new CfnCacheClusterProps { CacheNodeType = {|#3:"cache.m4.large"|} };
        new InstanceProps { InstanceType = new InstanceType({|#4:"c4.large"|}) };
        """), new[] { Expect(0, "m4.large"), Expect(1, "m4.xlarge"), Expect(2, "db.m3.large"), Expect(3, "cache.m4.large"), Expect(4, "c4.large") },
        Stack("""
        new InstanceProps { InstanceType = new InstanceType("m8i.large") };
        new InstanceProps { InstanceType = new InstanceType("m8i.xlarge") };
        new Rds.CfnDBInstanceProps { DbInstanceClass = "db.m8i.large" };
        new CfnCacheClusterProps { CacheNodeType = "cache.m8g.large" };
        new InstanceProps { InstanceType = new InstanceType("c8i.large") };
        """));

    [Test]
    public Task Fix_writes_a_string_when_the_compiled_cdk_lacks_the_successor_member() => Verify.VerifyCodeFixAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.M6I|}, InstanceSize.LARGE) };
        """), new[] { Expect(0, "m6i.large") }, Stack("""
        new InstanceProps { InstanceType = new InstanceType("m8i.large") };
        """));

    [Test]
    public Task Fix_at_the_call_site_replaces_the_argument() => Verify.VerifyCodeFixAsync(Stack("""
        AddCache({|#0:"cache.m4.large"|});
        """, """
        static void AddCache(string nodeType) { new CfnCacheClusterProps { CacheNodeType = nodeType }; }
        """), new[] { Expect(0, "cache.m4.large") }, Stack("""
        AddCache("cache.m8g.large");
        """, """
        static void AddCache(string nodeType) { new CfnCacheClusterProps { CacheNodeType = nodeType }; }
        """));

    [Test]
    public Task No_fix_for_a_constant_in_another_file_or_a_concatenation() => Verify.VerifyNoFixAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = {|#0:"cache." + Family + ".large"|} };
        """, "const string Family = \"m4\";"), Expect(0, "cache.m4.large"));

    private static IEnumerable<TestCaseData> Shapes() =>
        ValueFlowShapes.For("new CfnCacheClusterProps { CacheNodeType = {V} };", "string", "\"cache.m4.large\"")
            .Concat(ValueFlowShapes.For("new InstanceProps { InstanceType = InstanceType.Of({V}, InstanceSize.LARGE) };", "InstanceClass", "InstanceClass.STANDARD4", "enum alias: "));

    [TestCaseSource(nameof(Shapes))]
    public Task Every_value_flow_shape(string source) => VerifyAnalyzer.VerifyAnalyzerAsync(source,
        source.Contains("STANDARD4") ? Expect(0, "m4.large") : Expect(0, "cache.m4.large"));

    [Test]
    public Task Nothing_without_the_cdk() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        namespace Amazon.CDK.AWS.EC2
        {
            public enum InstanceClass { M4 }
            public enum InstanceSize { LARGE }
            public class InstanceType { public static InstanceType Of(InstanceClass c, InstanceSize s) => new(); }
            public class InstanceProps { public InstanceType? InstanceType { get; set; } public string? CacheNodeType { get; set; } }
            class Use { void M() { new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.M4, InstanceSize.LARGE), CacheNodeType = "cache.m4.large" }; } }
        }
        """);
}
