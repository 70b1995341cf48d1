using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<PerfLint.Analyzers.Rules.VolumeTypeAnalyzer, PerfLint.CodeFixes.VolumeTypeFixer>;
using VerifyAnalyzer = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.VolumeTypeAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>
/// PL4001 (gp2 → gp3) and PL4002 (io1 → io2), per service. Expected messages are written by hand from
/// analyzers/PerfLint.Knowledge/Data/storage-volume-types.csv (checked 2026-12-05), never taken from the rule.
/// </summary>
public class PL4001PL4002VolumeTypeTests
{
    private const string EbsGp2 =
        "gp2 volume: gp3 costs 20% less per GiB-month ($0.08 vs $0.10, EBS us-east-1, checked 2026-12-05) and gives 3,000 IOPS and 125 MiB/s at any size, where gp2 gives 3 IOPS per GiB (a 100 GiB gp2 volume: 300 IOPS baseline); use gp3";

    private const string EbsIo1 =
        "io1 volume: io2 costs the same per GiB-month ($0.125, EBS us-east-1, checked 2026-12-05) and per provisioned IOPS up to 32,000 ($0.065), is more durable (99.999% vs 99.8%-99.9%) and goes up to 256,000 IOPS, 4,000 MiB/s, 64 TiB per volume (io1: 64,000 IOPS, 1,000 MiB/s, 16 TiB); use io2";

    private const string RdsGp2MySql =
        "gp2 storage: on RDS for MySQL, gp3 gives a 3,000 IOPS and 125 MiB/s baseline below 400 GiB and 12,000 IOPS and 500 MiB/s from 400 GiB, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private const string RdsGp2Oracle =
        "gp2 storage: on RDS for Oracle, gp3 gives a 3,000 IOPS and 125 MiB/s baseline below 200 GiB and 12,000 IOPS and 500 MiB/s from 200 GiB, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private const string RdsGp2SqlServer =
        "gp2 storage: on RDS for SQL Server, gp3 gives a 3,000 IOPS and 125 MiB/s baseline at any size, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private const string RdsGp2AnyEngine =
        "gp2 storage: on RDS, gp3 gives a 3,000 IOPS and 125 MiB/s baseline at any size, and 12,000 IOPS and 500 MiB/s from 400 GiB (MariaDB, MySQL, PostgreSQL) or 200 GiB (Oracle), where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private const string RdsIo1 =
        "io1 storage: RDS recommends io2 Block Express storage for I/O-intensive and latency-sensitive workloads (RDS user guide, checked 2026-12-05); use io2";

    private const string OpenSearchGp2 =
        "gp2 volume: OpenSearch Service data nodes also take gp3 EBS volumes (OpenSearch EBSOptions API, checked 2026-12-05); consider gp3";

    private const string UnsetPostgres =
        "StorageType is unset and defaults to gp2 for a CDK DatabaseInstance: on RDS for PostgreSQL, gp3 gives a 3,000 IOPS and 125 MiB/s baseline below 400 GiB and 12,000 IOPS and 500 MiB/s from 400 GiB, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private const string UnsetMySql =
        "StorageType is unset and defaults to gp2 for a CDK DatabaseInstance: on RDS for MySQL, gp3 gives a 3,000 IOPS and 125 MiB/s baseline below 400 GiB and 12,000 IOPS and 500 MiB/s from 400 GiB, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private const string UnsetAnyEngine =
        "StorageType is unset and defaults to gp2 for a CDK DatabaseInstance: on RDS, gp3 gives a 3,000 IOPS and 125 MiB/s baseline at any size, and 12,000 IOPS and 500 MiB/s from 400 GiB (MariaDB, MySQL, PostgreSQL) or 200 GiB (Oracle), where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private static DiagnosticResult Finding(string id, int location, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        VerifyAnalyzer.Diagnostic(id).WithLocation(location).WithMessage(message).WithSeverity(severity);

    private static DiagnosticResult Gp2(int location) => Finding(RuleIds.Gp2Volume, location, EbsGp2);

    private static DiagnosticResult Io1(int location) => Finding(RuleIds.Io1Volume, location, EbsIo1);

    private static DiagnosticResult Gp2Rds(int location, string message = RdsGp2AnyEngine, DiagnosticSeverity severity = DiagnosticSeverity.Info) =>
        Finding(RuleIds.Gp2Volume, location, message, severity);

    private static DiagnosticResult Io1Rds(int location) => Finding(RuleIds.Io1Volume, location, RdsIo1);

    [Test]
    public Task Ebs_volumes_block_devices_and_launch_templates() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new VolumeProps { AvailabilityZone = "us-east-1a", Size = Size.Gibibytes(100), VolumeType = {|#0:EbsDeviceVolumeType.GP2|} };
        BlockDeviceVolume.Ebs(100, new EbsDeviceOptions { VolumeType = {|#1:EbsDeviceVolumeType.IO1|}, Iops = 3000 });
        new CfnVolumeProps { AvailabilityZone = "us-east-1a", VolumeType = {|#2:"gp2"|} };
        new CfnLaunchTemplate.EbsProperty { VolumeType = {|#3:"io1"|} };
        new CfnInstance.EbsProperty { VolumeType = {|#4:"gp2"|} };
        """), Gp2(0), Io1(1), Gp2(2), Io1(3), Gp2(4));

    /// <summary>
    /// Auto Scaling block devices use Amazon.CDK.AWS.AutoScaling.EbsDeviceVolumeType, a separate enum. In CDK 2.160.0
    /// it has GP3 but no IO2 member (STANDARD, IO1, GP2, GP3, ST1, SC1): io1 is reported, with no fix to offer.
    /// </summary>
    [Test]
    public Task Auto_scaling_block_devices_and_their_fix() => Verify.VerifyCodeFixAsync(Stack("""
        Amazon.CDK.AWS.AutoScaling.BlockDeviceVolume.Ebs(50, new Amazon.CDK.AWS.AutoScaling.EbsDeviceOptions { VolumeType = {|#0:Amazon.CDK.AWS.AutoScaling.EbsDeviceVolumeType.GP2|} });
        Amazon.CDK.AWS.AutoScaling.BlockDeviceVolume.Ebs(50, new Amazon.CDK.AWS.AutoScaling.EbsDeviceOptions { VolumeType = {|#1:Amazon.CDK.AWS.AutoScaling.EbsDeviceVolumeType.IO1|}, Iops = 3000 });
        """), new[] { Gp2(0), Io1(1) }, Stack("""
        Amazon.CDK.AWS.AutoScaling.BlockDeviceVolume.Ebs(50, new Amazon.CDK.AWS.AutoScaling.EbsDeviceOptions { VolumeType = Amazon.CDK.AWS.AutoScaling.EbsDeviceVolumeType.GP3 });
        Amazon.CDK.AWS.AutoScaling.BlockDeviceVolume.Ebs(50, new Amazon.CDK.AWS.AutoScaling.EbsDeviceOptions { VolumeType = {|#1:Amazon.CDK.AWS.AutoScaling.EbsDeviceVolumeType.IO1|}, Iops = 3000 });
        """), remaining: new[] { Io1(1) });

    [Test]
    public Task Rds_storage_types_without_an_engine_list_every_engine() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new Rds.DatabaseInstanceProps { StorageType = {|#0:Rds.StorageType.GP2|} };
        new Rds.DatabaseInstanceProps { StorageType = {|#1:Rds.StorageType.IO1|} };
        new Rds.CfnDBInstanceProps { StorageType = {|#2:"gp2"|} };
        """), Gp2Rds(0), Io1Rds(1), Gp2Rds(2));

    [Test]
    public Task Rds_storage_types_with_the_engine_beside_them() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new Rds.DatabaseInstanceProps { Engine = Rds.DatabaseInstanceEngine.Mysql(new Rds.MySqlInstanceEngineProps { Version = Rds.MysqlEngineVersion.VER_8_0 }), StorageType = {|#0:Rds.StorageType.GP2|} };
        new Rds.CfnDBInstanceProps { Engine = "oracle-ee", StorageType = {|#1:"gp2"|} };
        new Rds.DatabaseInstanceProps { Engine = Rds.DatabaseInstanceEngine.SQL_SERVER_SE, StorageType = {|#2:Rds.StorageType.GP2|} };
        new Rds.CfnDBInstanceProps { Engine = Engines.Postgres, StorageType = {|#3:"io1"|} };
        """, types: "static class Engines { public const string Postgres = \"postgres\"; }"),
        Gp2Rds(0, RdsGp2MySql, DiagnosticSeverity.Warning), Gp2Rds(1, RdsGp2Oracle, DiagnosticSeverity.Warning), Gp2Rds(2, RdsGp2SqlServer), Io1Rds(3));

    /// <summary>OpenSearch data nodes take gp3 (no figures of its own are sourced: info) and no io2 (io1 is not reported).</summary>
    [Test]
    public Task OpenSearch_ebs_options() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new Os.EbsOptions { VolumeSize = 10, VolumeType = {|#0:EbsDeviceVolumeType.GP2|} };
        new Os.EbsOptions { VolumeSize = 10, VolumeType = EbsDeviceVolumeType.IO1, Iops = 3000 };
        new Os.CfnDomain.EBSOptionsProperty { VolumeType = {|#1:"gp2"|} };
        new Os.CfnDomain.EBSOptionsProperty { VolumeType = "io1" };
        """), Finding(RuleIds.Gp2Volume, 0, OpenSearchGp2, DiagnosticSeverity.Info), Finding(RuleIds.Gp2Volume, 1, OpenSearchGp2, DiagnosticSeverity.Info));

    /// <summary>
    /// CDK 2.160's DatabaseInstance writes StorageType gp2 when props leave it unset (aws-cdk-lib rds/lib/instance.ts:
    /// <c>props.storageType ?? StorageType.GP2</c>); Aurora clusters have their own storage and are not reported.
    /// </summary>
    [Test]
    public Task Rds_instance_with_storage_type_unset_is_gp2() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        var vpc = new Vpc(this, "Vpc");
        var db = new Rds.DatabaseInstance(this, "Db", new {|#0:Rds.DatabaseInstanceProps|} { Engine = Rds.DatabaseInstanceEngine.Postgres(new Rds.PostgresInstanceEngineProps { Version = Rds.PostgresEngineVersion.VER_16 }), Vpc = vpc });
        new Rds.DatabaseInstanceFromSnapshot(this, "Restored", new {|#1:Rds.DatabaseInstanceFromSnapshotProps|} { SnapshotIdentifier = "snap", Engine = Rds.DatabaseInstanceEngine.MYSQL, Vpc = vpc });
        new Rds.DatabaseInstanceReadReplica(this, "Replica", new {|#2:Rds.DatabaseInstanceReadReplicaProps|} { SourceDatabaseInstance = db, InstanceType = InstanceType.Of(InstanceClass.R7G, InstanceSize.LARGE), Vpc = vpc });
        new Rds.DatabaseInstance(this, "Gp3", new Rds.DatabaseInstanceProps { Engine = Rds.DatabaseInstanceEngine.POSTGRES, Vpc = vpc, StorageType = Rds.StorageType.GP3 });
        new Rds.DatabaseCluster(this, "Aurora", new Rds.DatabaseClusterProps { Engine = Rds.DatabaseClusterEngine.AURORA_POSTGRESQL, Vpc = vpc, Writer = Rds.ClusterInstance.Provisioned("writer") });
        var later = new Rds.DatabaseInstanceProps { Engine = Rds.DatabaseInstanceEngine.POSTGRES, Vpc = vpc };
        """),
        Gp2Rds(0, UnsetPostgres, DiagnosticSeverity.Warning), Gp2Rds(1, UnsetMySql, DiagnosticSeverity.Warning), Gp2Rds(2, UnsetAnyEngine));

    /// <summary>The props type behind an alias: the gate still admits the body, by the construct's name.</summary>
    [Test]
    public Task Rds_props_behind_an_alias_are_judged() => VerifyAnalyzer.VerifyAnalyzerAsync(
        "using Props = Amazon.CDK.AWS.RDS.DatabaseInstanceProps;\n" + Stack("""
        new Rds.DatabaseInstance(this, "Db", new {|#0:Props|} { Engine = Rds.DatabaseInstanceEngine.POSTGRES, Vpc = new Vpc(this, "Vpc") });
        """), Gp2Rds(0, UnsetPostgres, DiagnosticSeverity.Warning));

    [Test]
    public Task Fix_adds_gp3_to_rds_props_that_leave_storage_type_unset() => Verify.VerifyCodeFixAsync(Stack("""
        new Rds.DatabaseInstance(this, "Db", new {|#0:Rds.DatabaseInstanceProps|} { Engine = Rds.DatabaseInstanceEngine.POSTGRES, Vpc = new Vpc(this, "Vpc") });
        """), new[] { Gp2Rds(0, UnsetPostgres, DiagnosticSeverity.Warning) }, Stack("""
        new Rds.DatabaseInstance(this, "Db", new Rds.DatabaseInstanceProps { Engine = Rds.DatabaseInstanceEngine.POSTGRES, Vpc = new Vpc(this, "Vpc"), StorageType = Rds.StorageType.GP3 });
        """));

    [Test]
    public Task Current_types_other_properties_and_unknown_values_are_not_reported() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new VolumeProps { AvailabilityZone = "a", Size = Size.Gibibytes(1), VolumeType = EbsDeviceVolumeType.GP3 };
        new VolumeProps { AvailabilityZone = "a", Size = Size.Gibibytes(1), VolumeType = EbsDeviceVolumeType.IO2 };
        new VolumeProps { AvailabilityZone = "a", Size = Size.Gibibytes(1), VolumeType = EbsDeviceVolumeType.ST1 };
        new Rds.DatabaseInstanceProps { StorageType = Rds.StorageType.GP3 };
        new CfnVolumeProps { AvailabilityZone = "gp2", VolumeType = System.Environment.GetEnvironmentVariable("T") };
        new Amazon.CDK.AWS.FSx.CfnFileSystemProps { StorageType = "SSD", FileSystemType = "LUSTRE", SubnetIds = new string[0] };
        new MyVolume { VolumeType = "gp2" };
        """, "class MyVolume { public string VolumeType { get; set; } = \"\"; }"));

    [Test]
    public Task Value_flow_shapes() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new CfnVolumeProps { AvailabilityZone = "a", VolumeType = Defaults.VolumeType };
        var type = {|#1:EbsDeviceVolumeType.GP2|};
        BlockDeviceVolume.Ebs(8, new EbsDeviceOptions { VolumeType = type });
        new CfnVolumeProps { AvailabilityZone = "a", VolumeType = {|#2:$"{Prefix}2"|} };
        AddVolume({|#3:EbsDeviceVolumeType.IO1|});
        new Disk(this, {|#4:"io1"|});
        """, """
        const string Prefix = "gp";
        static void AddVolume(EbsDeviceVolumeType type) => BlockDeviceVolume.Ebs(8, new EbsDeviceOptions { VolumeType = type });
        }
        static class Defaults { public static readonly string VolumeType = {|#0:"gp2"|}; }
        class Disk : Construct
        {
            public Disk(Construct scope, string type) : base(scope, "Disk") { new CfnVolumeProps { AvailabilityZone = "a", VolumeType = type }; }
        """), Gp2(0), Gp2(1), Gp2(2), Io1(3), Io1(4));

    [Test]
    public void Cdk_2_160_has_no_alias_members_for_volume_types()
    {
        // The TypeScript aliases (GENERAL_PURPOSE_SSD, PROVISIONED_IOPS_SSD...) are not in the .NET enum of the
        // CDK we compile with, so the fix maps GP2 -> GP3 and IO1 -> IO2 only.
        Assert.That(CdkTypes.TryCreate(AnalyzerRunner.Compile(new[] { "class C { }" }), out var cdk));
        var members = cdk.EbsDeviceVolumeType!.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name).ToArray();
        Assert.That(members, Does.Contain("GP3").And.Contain("IO2").And.Not.Contain("GENERAL_PURPOSE_SSD"));
        Assert.That(cdk.RdsStorageType!.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name), Does.Contain("GP3").And.Contain("IO2"));
    }

    [Test]
    public Task Fix_writes_gp3_and_io2_in_the_values_form_and_fixes_all() => Verify.VerifyCodeFixAsync(Stack("""
        new VolumeProps { AvailabilityZone = "a", Size = Size.Gibibytes(100), VolumeType = {|#0:EbsDeviceVolumeType.GP2|} };
        BlockDeviceVolume.Ebs(100, new EbsDeviceOptions { VolumeType = {|#1:EbsDeviceVolumeType.IO1|} });
        new CfnVolumeProps { AvailabilityZone = "a", VolumeType = {|#2:"gp2"|} };
        new CfnLaunchTemplate.EbsProperty { VolumeType = {|#3:"io1"|} };
        new Rds.DatabaseInstanceProps { StorageType = {|#4:Rds.StorageType.GP2|} };
        new CfnVolumeProps { AvailabilityZone = "b", VolumeType = {|#5:"gp2"|} };
        """), new[] { Gp2(0), Io1(1), Gp2(2), Io1(3), Gp2Rds(4), Gp2(5) }, Stack("""
        new VolumeProps { AvailabilityZone = "a", Size = Size.Gibibytes(100), VolumeType = EbsDeviceVolumeType.GP3 };
        BlockDeviceVolume.Ebs(100, new EbsDeviceOptions { VolumeType = EbsDeviceVolumeType.IO2 });
        new CfnVolumeProps { AvailabilityZone = "a", VolumeType = "gp3" };
        new CfnLaunchTemplate.EbsProperty { VolumeType = "io2" };
        new Rds.DatabaseInstanceProps { StorageType = Rds.StorageType.GP3 };
        new CfnVolumeProps { AvailabilityZone = "b", VolumeType = "gp3" };
        """), fixAllIterations: 2);

    [Test]
    public Task Fix_is_offered_under_the_rules_stable_equivalence_key() => Verify.VerifyCodeFixAsync(Stack("""
        new CfnVolumeProps { AvailabilityZone = "a", VolumeType = {|#0:"gp2"|} };
        """), new[] { Gp2(0) }, Stack("""
        new CfnVolumeProps { AvailabilityZone = "a", VolumeType = "gp3" };
        """), equivalenceKey: PerfLint.CodeFixes.ValueReplacementFixer.EquivalenceKeyFor("PL4001"));

    [Test]
    public Task No_fix_for_an_interpolation() => Verify.VerifyNoFixAsync(Stack("""
        new CfnVolumeProps { AvailabilityZone = "a", VolumeType = {|#0:$"{Prefix}2"|} };
        """, "const string Prefix = \"gp\";"), Gp2(0));

    [Test]
    public Task Suppression_by_editorconfig_severity() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new CfnVolumeProps { AvailabilityZone = "a", VolumeType = "gp2" };
        new CfnVolumeProps { AvailabilityZone = "a", VolumeType = {|#0:"io1"|} };
        """), "dotnet_diagnostic.PL4001.severity = none", Io1(0));

    private static IEnumerable<TestCaseData> Gp2Shapes() =>
        ValueFlowShapes.For("new CfnVolumeProps { AvailabilityZone = \"a\", VolumeType = {V} };", "string", "\"gp2\"")
            .Concat(ValueFlowShapes.For("BlockDeviceVolume.Ebs(8, new EbsDeviceOptions { VolumeType = {V} });", "EbsDeviceVolumeType", "EbsDeviceVolumeType.GP2", "enum: "));

    private static IEnumerable<TestCaseData> Io1Shapes() =>
        ValueFlowShapes.For("new CfnVolumeProps { AvailabilityZone = \"a\", VolumeType = {V} };", "string", "\"io1\"")
            .Concat(ValueFlowShapes.For("new Rds.DatabaseInstanceProps { StorageType = {V} };", "Rds.StorageType", "Rds.StorageType.IO1", "RDS enum: "));

    [TestCaseSource(nameof(Gp2Shapes))]
    public Task Every_value_flow_shape_PL4001(string source) => VerifyAnalyzer.VerifyAnalyzerAsync(source, Gp2(0));

    [TestCaseSource(nameof(Io1Shapes))]
    public Task Every_value_flow_shape_PL4002(string source) =>
        VerifyAnalyzer.VerifyAnalyzerAsync(source, source.Contains("Rds.") ? Io1Rds(0) : Io1(0));

    [Test]
    public Task Nothing_without_the_cdk() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        namespace Amazon.CDK.AWS.EC2
        {
            public enum EbsDeviceVolumeType { GP2, IO1 }
            public class VolumeProps { public EbsDeviceVolumeType? VolumeType { get; set; } public string? StorageType { get; set; } }
            class U { object M() => new VolumeProps { VolumeType = EbsDeviceVolumeType.GP2, StorageType = "gp2" }; }
        }
        """);
}
