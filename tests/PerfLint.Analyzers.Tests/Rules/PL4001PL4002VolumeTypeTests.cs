using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<PerfLint.Analyzers.Rules.VolumeTypeAnalyzer, PerfLint.CodeFixes.VolumeTypeFixer>;
using VerifyAnalyzer = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.VolumeTypeAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL4001 (gp2 → gp3) and PL4002 (io1 → io2).</summary>
public class PL4001PL4002VolumeTypeTests
{
    private static DiagnosticResult Gp2(int location) =>
        VerifyAnalyzer.Diagnostic(RuleIds.Gp2Volume).WithLocation(location).WithMessage(VolumeTypeRule.Evaluate("gp2")!.Message);

    private static DiagnosticResult Io1(int location) =>
        VerifyAnalyzer.Diagnostic(RuleIds.Io1Volume).WithLocation(location).WithMessage(VolumeTypeRule.Evaluate("io1")!.Message);

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
    public Task Rds_storage_types() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new Rds.DatabaseInstanceProps { StorageType = {|#0:Rds.StorageType.GP2|} };
        new Rds.DatabaseInstanceProps { StorageType = {|#1:Rds.StorageType.IO1|} };
        new Rds.CfnDBInstanceProps { StorageType = {|#2:"gp2"|} };
        """), Gp2(0), Io1(1), Gp2(2));

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
        """), new[] { Gp2(0), Io1(1), Gp2(2), Io1(3), Gp2(4), Gp2(5) }, Stack("""
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
    public Task Every_value_flow_shape_PL4002(string source) => VerifyAnalyzer.VerifyAnalyzerAsync(source, Io1(0));

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
