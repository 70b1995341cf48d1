using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<PerfLint.Analyzers.Rules.DatabaseFamilyAnalyzer, PerfLint.CodeFixes.DatabaseFamilyFixer>;
using VerifyAnalyzer = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.DatabaseFamilyAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL1002: databases and caches on compute-optimized, accelerated or storage-optimized families.</summary>
public class PL1002DatabaseFamilyTests
{
    private static DiagnosticResult Expect(int location, string instanceType)
    {
        var finding = DatabaseFamilyRule.Evaluate(instanceType) ?? throw new AssertionException("no PL1002 finding for " + instanceType);
        return VerifyAnalyzer.Diagnostic(RuleIds.DatabaseOnWrongFamily).WithLocation(location).WithMessage(finding.Message);
    }

    [Test]
    public Task Rds_instances_cluster_instances_and_cfn_instances() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.C5|}, InstanceSize.LARGE) };
        new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of({|#1:InstanceClass.COMPUTE6_INTEL|}, InstanceSize.XLARGE) };
        Rds.ClusterInstance.Provisioned("w", new Rds.ProvisionedClusterInstanceProps { InstanceType = InstanceType.Of({|#2:InstanceClass.C5|}, InstanceSize.LARGE) });
        new Rds.CfnDBInstanceProps { DbInstanceClass = {|#3:"db.c5.large"|} };
        """), Expect(0, "db.c5.large"), Expect(1, "db.c6i.xlarge"), Expect(2, "db.c5.large"), Expect(3, "db.c5.large"));

    [Test]
    public Task ElastiCache_DocumentDB_and_Neptune() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = {|#0:"cache.c5.large"|} };
        new CfnReplicationGroupProps { CacheNodeType = {|#1:"cache.c5.large"|} };
        new Amazon.CDK.AWS.DocDB.DatabaseClusterProps { InstanceType = InstanceType.Of({|#2:InstanceClass.C5|}, InstanceSize.LARGE), MasterUser = null!, Vpc = null! };
        new Amazon.CDK.AWS.DocDB.CfnDBInstanceProps { DbInstanceClass = {|#3:"db.c5.large"|}, DbClusterIdentifier = "c" };
        new Amazon.CDK.AWS.Neptune.CfnDBInstanceProps { DbInstanceClass = {|#4:"db.c5.large"|} };
        """), Expect(0, "cache.c5.large"), Expect(1, "cache.c5.large"), Expect(2, "db.c5.large"), Expect(3, "db.c5.large"), Expect(4, "db.c5.large"));

    [Test]
    public Task Memory_optimized_general_purpose_and_non_database_contexts_are_not_reported() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE) };
        new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of(InstanceClass.M6I, InstanceSize.LARGE) };
        new CfnCacheClusterProps { CacheNodeType = "cache.r7g.large" };
        new InstanceProps { InstanceType = InstanceType.Of(InstanceClass.C5, InstanceSize.LARGE) };
        new CfnInstanceProps { InstanceType = "c5.large" };
        """));

    [Test]
    public Task Value_flow_through_helpers_and_constructors_is_reported_at_the_call_site() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        AddDatabase(this, {|#0:InstanceClass.COMPUTE5|});
        new Cache(this, {|#1:"cache.c5" + ".large"|});
        var size = {|#2:"db.c5.large"|};
        new Rds.CfnDBInstanceProps { DbInstanceClass = size };
        """, """
        static void AddDatabase(Construct scope, InstanceClass cls) =>
            new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of(cls, InstanceSize.LARGE) };
        }
        class Cache : Construct
        {
            public Cache(Construct scope, string nodeType) : base(scope, "Cache") { new CfnCacheClusterProps { CacheNodeType = nodeType }; }
        """), Expect(0, "db.c5.large"), Expect(1, "cache.c5.large"), Expect(2, "db.c5.large"));

    [Test]
    public Task Allowed_families_option() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = "cache.c5.large" };
        new Rds.CfnDBInstanceProps { DbInstanceClass = {|#0:"db.c6i.xlarge"|} };
        """), "PL1002.allowed_families = c5", Expect(0, "db.c6i.xlarge"));

    [Test]
    public Task Fix_writes_the_memory_optimized_twin_and_fixes_all() => Verify.VerifyCodeFixAsync(Stack("""
        new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.C5|}, InstanceSize.LARGE) };
        new Rds.CfnDBInstanceProps { DbInstanceClass = {|#1:"db.c5.large"|} };
        new CfnCacheClusterProps { CacheNodeType = {|#2:"cache.c5.large"|} };
        """), new[] { Expect(0, "db.c5.large"), Expect(1, "db.c5.large"), Expect(2, "cache.c5.large") }, Stack("""
        new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of(InstanceClass.R5, InstanceSize.LARGE) };
        new Rds.CfnDBInstanceProps { DbInstanceClass = "db.r5.large" };
        new CfnCacheClusterProps { CacheNodeType = "cache.r5.large" };
        """));

    [Test]
    public Task No_fix_when_the_value_is_built_by_concatenation() => Verify.VerifyNoFixAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = {|#0:"cache." + Family + ".large"|} };
        """, "const string Family = \"c5\";"), Expect(0, "cache.c5.large"));

    private static IEnumerable<TestCaseData> Shapes() =>
        ValueFlowShapes.For("new Rds.CfnDBInstanceProps { DbInstanceClass = {V} };", "string", "\"db.c5.large\"")
            .Concat(ValueFlowShapes.For("new Rds.DatabaseInstanceProps { InstanceType = InstanceType.Of({V}, InstanceSize.LARGE) };", "InstanceClass", "InstanceClass.COMPUTE5", "enum alias: "));

    [TestCaseSource(nameof(Shapes))]
    public Task Every_value_flow_shape(string source) => VerifyAnalyzer.VerifyAnalyzerAsync(source, Expect(0, "db.c5.large"));

    [Test]
    public Task Nothing_without_the_cdk() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        namespace Amazon.CDK.AWS.RDS { public class CfnDBInstanceProps { public string? DbInstanceClass { get; set; } } class U { object M() => new CfnDBInstanceProps { DbInstanceClass = "db.c5.large" }; } }
        """);
}
