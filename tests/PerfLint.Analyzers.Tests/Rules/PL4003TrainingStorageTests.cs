using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL4003: an EFS file system in Bursting throughput or Max I/O mode read by GPU or training-accelerator compute.</summary>
public class PL4003TrainingStorageTests
{
    private const string Usings = TestReferences.CdkUsings + "using Efs = Amazon.CDK.AWS.EFS;\nusing Amazon.CDK.AWS.AutoScaling;\n";

    /// <summary>
    /// A VPC, an L2 file system with <paramref name="props"/> (its creation wrapped in <paramref name="open"/> and
    /// <paramref name="close"/>, for a marker), and an instance of <paramref name="instanceType"/> connected by <paramref name="connect"/>.
    /// </summary>
    private static string Stack(string props, string instanceType, string connect = "fs.Connections.AllowDefaultPortFrom(gpu);", string open = "", string close = "") => Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            var fs = {{open}}new Efs.FileSystem(this, "Data", new Efs.FileSystemProps { Vpc = vpc, {{props}} }){{close}};
            var gpu = new Instance_(this, "Gpu", new InstanceProps { Vpc = vpc, InstanceType = {{instanceType}}, MachineImage = MachineImage.LatestAmazonLinux2() });
            {{connect}}
        } }
        """;

    // Written by hand: g5.xlarge from Data/instance-types.csv (4 vCPU, 16 GiB, 1x A10G of 22.35 GiB); the EFS and FSx
    // figures from Data/file-storage-throughput.csv.
    private const string Remedy =
        "use Elastic throughput (20-60 GiBps read, 1-5 GiBps write per file system) or FSx for Lustre PERSISTENT_2 (125, 250, 500, 1000 MB/s per TiB of storage)";

    private const string Bursting = "gives a baseline of 50 KiB/s per GiB stored and bursts to 100 MiB/s only while burst credits last";

    private static string Message(string compute, string hardware, string problems, bool maxIo = false) =>
        "EFS file system 'Data' is read by accelerated compute '" + compute + "' (" + hardware + "): " + problems + "; " +
        (maxIo ? Remedy.Replace("use Elastic", "use General Purpose with Elastic") : Remedy);

    private const string G5 = "'g5.xlarge', 4 vCPU, 16 GiB, 1x A10G (22.35 GiB)";

    private static DiagnosticResult Finding(string message, params int[] locations) =>
        Verify.Finding(RuleIds.TrainingDataOnThrottledEfs, DiagnosticSeverity.Info, message, locations);

    [Test]
    public Task L2_file_system_with_the_default_throughput_mode_read_by_a_gpu_instance_is_reported() => Verify.VerifyAnalyzerAsync(
        Stack("", "new InstanceType(\"g5.xlarge\")", "{|#1:fs.Connections.AllowDefaultPortFrom(gpu)|};").Replace("\"Data\"", "{|#0:\"Data\"|}"),
        Finding(Message("Gpu", G5, "Bursting throughput (the EFS default when ThroughputMode is unset) " + Bursting), 0, 1));

    [Test]
    public Task Bursting_written_is_reported_on_the_mode() => Verify.VerifyAnalyzerAsync(
        Stack("ThroughputMode = {|#0:Efs.ThroughputMode.BURSTING|}", "new InstanceType(\"g5.xlarge\")", "{|#1:fs.GrantRead(gpu)|};"),
        Finding(Message("Gpu", G5, "Bursting throughput " + Bursting), 0, 1));

    [Test]
    public Task Max_io_with_provisioned_throughput_is_reported_on_the_performance_mode() => Verify.VerifyAnalyzerAsync(
        Stack("PerformanceMode = {|#0:Efs.PerformanceMode.MAX_IO|}, ThroughputMode = Efs.ThroughputMode.PROVISIONED, ProvisionedThroughputPerSecond = Size.Mebibytes(100)",
            "new InstanceType(\"g5.xlarge\")", "{|#1:fs.Connections.AllowDefaultPortFrom(gpu)|};"),
        Finding(Message("Gpu", G5, MaxIo, maxIo: true), 0, 1));

    private const string MaxIo = "Max I/O performance mode has higher per-operation latencies than General Purpose, and Elastic throughput needs General Purpose";

    [Test]
    public Task Max_io_with_the_default_throughput_names_both() => Verify.VerifyAnalyzerAsync(
        Stack("PerformanceMode = {|#0:Efs.PerformanceMode.MAX_IO|}", "new InstanceType(\"g5.xlarge\")", "{|#1:fs.Connections.AllowDefaultPortFrom(gpu)|};"),
        Finding(Message("Gpu", G5, "Bursting throughput (the EFS default when ThroughputMode is unset) " + Bursting + "; " + MaxIo, maxIo: true), 0, 1));

    // p4d.24xlarge: 96 vCPU, 1152 GiB, 8x A100 of 40 GiB (Data/instance-types.csv); a group of one is no PL2002/PL2004 fleet.
    [Test]
    public Task Gpu_auto_scaling_group_with_the_mode_in_a_constant_is_reported_on_the_constant() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Modes { public const Efs.ThroughputMode Cheap = {|#0:Efs.ThroughputMode.BURSTING|}; }
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            var fs = new Efs.FileSystem(this, "Data", new Efs.FileSystemProps { Vpc = vpc, ThroughputMode = Modes.Cheap });
            var group = new AutoScalingGroup(this, "Trainers", new AutoScalingGroupProps {
                Vpc = vpc, InstanceType = new InstanceType("p4d.24xlarge"), MachineImage = MachineImage.LatestAmazonLinux2(), MinCapacity = 1, MaxCapacity = 1 });
            {|#1:fs.Connections.AllowDefaultPortFrom(group)|};
        } }
        """, Finding(Message("Trainers", "'p4d.24xlarge', 96 vCPU, 1152 GiB, 8x A100 (320 GiB)", "Bursting throughput " + Bursting), 0, 1));

    [Test]
    public Task Inferentia_compute_is_silent() => Verify.VerifyAnalyzerAsync(
        Stack("ThroughputMode = Efs.ThroughputMode.BURSTING", "new InstanceType(\"inf2.xlarge\")"));

    [Test]
    public Task Incomplete_file_system_does_not_throw() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var fs = new Efs.FileSystem(this, "Data", {|CS1503:"props"|});
            var gpu = new Instance_(this, "Gpu", new InstanceProps { InstanceType = new InstanceType("g5.xlarge") });
            fs.Connections.AllowDefaultPortFrom(gpu);
        } }
        """);

    [Test]
    public Task Elastic_throughput_is_silent() => Verify.VerifyAnalyzerAsync(
        Stack("ThroughputMode = Efs.ThroughputMode.ELASTIC", "new InstanceType(\"g5.xlarge\")"));

    [Test]
    public Task Cpu_compute_is_silent() => Verify.VerifyAnalyzerAsync(
        Stack("ThroughputMode = Efs.ThroughputMode.BURSTING", "new InstanceType(\"c7i.xlarge\")"));

    [Test]
    public Task File_system_nothing_accelerated_connects_to_is_silent() => Verify.VerifyAnalyzerAsync(
        Stack("", "new InstanceType(\"g5.xlarge\")", connect: ""));
}
