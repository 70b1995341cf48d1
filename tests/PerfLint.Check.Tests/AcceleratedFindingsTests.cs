using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// PL2004 and PL5009 on a synthesized template (Apps/WholeApp/AcceleratedStack.cs): the whole-app rules as `perflint
/// check` reports them, the L2 scaling policy included (the analyzers report the same PL5009 on this file:
/// PL5009ScalingMetricTests.Analyzers_agree_with_check_on_the_synthesized_accelerated_stack).
/// </summary>
[TestFixture]
public sealed class AcceleratedFindingsTests
{
    private CheckRun.Result _result = null!;

    [OneTimeSetUp]
    public void SynthesizeAndCheck()
    {
        var assembly = Synth.Run(Paths.WholeAppAssembly, "accelerated", new Dictionary<string, string> { ["WHOLEAPP_STACK"] = "AcceleratedStack" });
        _result = CheckRun.Json(assembly, "--project", Paths.WholeAppSources, "--editorconfig", CheckRun.EditorConfig());
    }

    [Test]
    public void FleetWithoutEfaIsReportedAndTheEfaOneIsNot()
    {
        Assert.That(_result.FindingsOf("PL2004").Select(f => f.GetProperty("constructPath").GetString()),
            Is.EquivalentTo(new[] { "AcceleratedStack/Trainers", "AcceleratedStack/Pretrain" }), _result.Summary);
        var finding = _result.Single("PL2004", "AcceleratedStack/Trainers");
        // 8 / 2 = 4 instances; p5.48xlarge: 192 vCPU, 2048 GiB, 8x H100 of 80 GiB (instance-types.csv), 32 EFA interfaces and
        // 3,200 Gbps (efa-instance-types.csv, Karpenter, checked 2026-12-05).
        Assert.That((finding.GetProperty("severity").GetString(), finding.GetProperty("message").GetString()), Is.EqualTo(("info",
            "Up to 4 'p5.48xlarge' instances (192 vCPU, 2048 GiB, 8x H100 (640 GiB)) have no EFA network interface: collective operations between them run over the TCP stack; 'p5.48xlarge' supports up to 32 EFA interfaces and has 3,200 Gbps of network bandwidth (Karpenter instance-type reference, checked 2026-12-05); give the launch template a network interface with InterfaceType 'efa'")));
        Assert.That(finding.GetProperty("property").GetString(), Is.EqualTo("LaunchTemplateConfigs[0].Overrides[0].InstanceType"));
    }

    [Test]
    public void BatchMultiNodeJobWithoutTheEfaDeviceIsReportedAndTheOneWithItIsNot()
    {
        var finding = _result.Single("PL2004", "AcceleratedStack/Pretrain");
        // NumNodes 4, one node range "0:" of p5.48xlarge; the remedy from the AWS Batch user guide (Elastic Fabric Adapter).
        Assert.That((finding.GetProperty("severity").GetString(), finding.GetProperty("message").GetString()), Is.EqualTo(("info",
            "Up to 4 'p5.48xlarge' instances (192 vCPU, 2048 GiB, 8x H100 (640 GiB)) have no EFA network interface: collective operations between them run over the TCP stack; 'p5.48xlarge' supports up to 32 EFA interfaces and has 3,200 Gbps of network bandwidth (Karpenter instance-type reference, checked 2026-12-05); pass the device /dev/infiniband/uverbs0 to the node range's container (LinuxParameters.Devices) and give the compute environment's launch template a network interface with InterfaceType 'efa' (AWS Batch user guide)")));
        Assert.That(finding.GetProperty("property").GetString(), Is.EqualTo("NodeProperties.NodeRangeProperties[0].Container.InstanceType"));
    }

    [Test]
    public void L2PolicyOnHostCpuOfAGpuVariantIsReportedAndTheGpuOneIsNot()
    {
        var findings = _result.FindingsOf("PL5009");
        Assert.That(findings, Has.Count.EqualTo(1), _result.Summary);
        Assert.That(findings[0].GetProperty("constructPath").GetString(), Does.StartWith("AcceleratedStack/ChatScaling/HostCpu"));
        // ml.g5.xlarge: 4 vCPU, 16 GiB, 1x A10G of 22.35 GiB (sagemaker-types.csv); metrics from sagemaker-scaling-metrics.csv.
        Assert.That((findings[0].GetProperty("severity").GetString(), findings[0].GetProperty("message").GetString()), Is.EqualTo(("warning",
            "Target tracking on CPUUtilization (/aws/sagemaker/Endpoints) for 'ml.g5.xlarge' (4 vCPU, 16 GiB, 1x A10G (22.35 GiB)): host CPU does not follow the load on its GPUs, so the variant does not scale out while they saturate and requests queue; track GPUUtilization or GPUMemoryUtilization (/aws/sagemaker/Endpoints, a data point every 60 s), the predefined SageMakerVariantConcurrentRequestsPerModelHighResolution (every 10 s) or the predefined SageMakerVariantInvocationsPerInstance (every 60 s) (SageMaker developer guide, checked 2026-12-05)")));
    }
}
