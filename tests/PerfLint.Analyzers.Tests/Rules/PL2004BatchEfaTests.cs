using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL2004 for AWS Batch multi-node parallel jobs: a node range of EFA-capable instances whose container is not given the EFA device.</summary>
public class PL2004BatchEfaTests
{
    private const string Usings = PerfLint.Analyzers.Tests.Infrastructure.TestReferences.CdkUsings + "using Amazon.CDK.AWS.Batch;\n";

    // Hardware from instance-types.csv, EFA facts from efa-instance-types.csv (Karpenter, checked 2026-12-05): p5.48xlarge
    // 192 vCPU, 2048 GiB, 8x H100 of 80 GiB, 32 EFA interfaces, 3,200 Gbps; p4d.24xlarge 96 vCPU, 1152 GiB, 8x A100 of
    // 40 GiB, 4 EFA interfaces, 400 Gbps. The remedy: AWS Batch user guide, Elastic Fabric Adapter (read 2026-12-05).
    private const string BatchRemedy = "pass the device /dev/infiniband/uverbs0 to the node range's container (LinuxParameters.Devices) and give the compute environment's launch template a network interface with InterfaceType 'efa' (AWS Batch user guide)";

    private const string P5Job = "Up to 4 'p5.48xlarge' instances (192 vCPU, 2048 GiB, 8x H100 (640 GiB)) have no EFA network interface: collective operations between them run over the TCP stack; 'p5.48xlarge' supports up to 32 EFA interfaces and has 3,200 Gbps of network bandwidth (Karpenter instance-type reference, checked 2026-12-05); " + BatchRemedy;

    private static DiagnosticResult Expected(int location, string message) =>
        Verify.Diagnostic(RuleIds.AcceleratedFleetWithoutEfa).WithLocation(location).WithSeverity(DiagnosticSeverity.Info).WithMessage(message);

    /// <summary>A multi-node job of <paramref name="numNodes"/> nodes with the node ranges <paramref name="ranges"/>.</summary>
    private static string Job(string ranges, string numNodes = "4", string type = "\"multinode\"") => $$"""
                new CfnJobDefinition(this, "Training", new CfnJobDefinitionProps {
                    Type = {{type}},
                    NodeProperties = new CfnJobDefinition.NodePropertiesProperty {
                        NumNodes = {{numNodes}}, MainNode = 0,
                        NodeRangeProperties = new[] { {{ranges}} },
                    },
                });
        """;

    /// <summary>One node range over <paramref name="targetNodes"/> of <paramref name="instanceType"/>, its container given <paramref name="linux"/>.</summary>
    private static string Range(string instanceType, string targetNodes = "\"0:\"", string linux = "") => $$"""
                            new CfnJobDefinition.NodeRangePropertyProperty {
                                TargetNodes = {{targetNodes}},
                                Container = new CfnJobDefinition.ContainerPropertiesProperty {
                                    Image = "trainer:latest", InstanceType = {{instanceType}},{{linux}}
                                },
                            },
        """;

    private static string Devices(string hostPath) => $$"""

                                    LinuxParameters = new CfnJobDefinition.LinuxParametersProperty {
                                        Devices = new[] { new CfnJobDefinition.DeviceProperty { HostPath = {{hostPath}}, ContainerPath = "/dev/infiniband/uverbs0", Permissions = new[] { "READ", "WRITE", "MKNOD" } } },
                                    },
        """;

    [Test]
    public Task Multi_node_job_without_the_efa_device_is_reported_on_the_type() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Job(Range("{|#0:\"p5.48xlarge\"|}"))}}
        } }
        """, Expected(0, P5Job));

    [Test]
    public Task Multi_node_job_passing_the_efa_device_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Job(Range("\"p5.48xlarge\"", linux: Devices("\"/dev/infiniband/uverbs0\"")))}}
        } }
        """);

    // Another device is not EFA; each node range is counted on its own: one p5 main node is no fleet, three p4d workers are.
    [Test]
    public Task Node_ranges_are_judged_apart_and_another_device_is_not_efa() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Job(Range("\"p5.48xlarge\"", "\"0\"") + Range("{|#0:\"p4d.24xlarge\"|}", "\"1:3\"", Devices("\"/dev/fuse\"")), numNodes: "4")}}
        } }
        """, Expected(0, "Up to 3 'p4d.24xlarge' instances (96 vCPU, 1152 GiB, 8x A100 (320 GiB)) have no EFA network interface: collective operations between them run over the TCP stack; 'p4d.24xlarge' supports up to 4 EFA interfaces and has 400 Gbps of network bandwidth (Karpenter instance-type reference, checked 2026-12-05); " + BatchRemedy));

    // A device whose host path is not written cannot be told apart from the EFA device: it counts as EFA (silent), and no AD0001.
    [Test]
    public Task Device_without_a_host_path_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Job(Range("\"p5.48xlarge\"", linux: """

                                    LinuxParameters = new CfnJobDefinition.LinuxParametersProperty {
                                        Devices = new[] { new CfnJobDefinition.DeviceProperty { ContainerPath = "/dev/infiniband/uverbs0" } },
                                    },
        """))}}
        } }
        """);

    [Test]
    public Task Single_node_and_container_jobs_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Job(Range("\"p5.48xlarge\""), numNodes: "1")}}
        } }
        class T : Stack { T(Construct s) : base(s, "t") {
        {{Job(Range("\"p5.48xlarge\""), type: "\"container\"")}}
        } }
        """);

    [Test]
    public Task Minimum_fleet_size_option_raises_the_bar() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Job(Range("\"p5.48xlarge\""))}}
        } }
        """, "PL2004.min_instances = 8");

    // Code still being written or decided elsewhere: no type yet (the compute environment decides), a device path or a
    // node count handed in, a node range that cannot be read.
    [Test]
    public Task Incomplete_jobs_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s, string devicePath, double nodes, string range) : base(s, "s") {
                new CfnJobDefinition(this, "NoType", new CfnJobDefinitionProps {
                    Type = "multinode",
                    NodeProperties = new CfnJobDefinition.NodePropertiesProperty { NumNodes = 4, MainNode = 0, NodeRangeProperties = new[] {
                        new CfnJobDefinition.NodeRangePropertyProperty { TargetNodes = "0:", Container = new CfnJobDefinition.ContainerPropertiesProperty { Image = "trainer" } } } },
                });
        {{Job(Range("\"p5.48xlarge\"", linux: Devices("devicePath")))}}
        {{Job(Range("\"p5.48xlarge\""), numNodes: "nodes").Replace("\"Training\"", "\"Counted\"")}}
        {{Job(Range("\"p5.48xlarge\"", "range")).Replace("\"Training\"", "\"Ranged\"")}}
        } }
        """);
}
