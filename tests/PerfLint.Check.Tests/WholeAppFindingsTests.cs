using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// The rules on a real synthesized multi-stack app (Apps/WholeApp): values only the template has (config file,
/// helper loop, L2 defaults), cross-resource and cross-stack rules, a nested stack and a stage.
/// </summary>
[TestFixture]
public sealed class WholeAppFindingsTests
{
    private CheckRun.Result _result = null!;

    [OneTimeSetUp]
    public void CheckWholeApp() => _result = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", CheckRun.EditorConfig());

    [Test]
    public void InstanceTypeFromConfigFileIsPreviousGeneration()
    {
        var finding = _result.Single("PL1001", "ComputeStack/WebServer");
        Assert.That(finding.GetProperty("message").GetString(), Does.Contain("'m4.large'"));
        Assert.That(finding.GetProperty("property").GetString(), Is.EqualTo("InstanceType"));
    }

    [Test]
    public void HelperLoopFleetWithoutPlacementGroup()
    {
        var fleet = _result.FindingsOf("PL2002").Select(f => f.GetProperty("constructPath").GetString()).ToList();
        Assert.That(fleet, Is.EquivalentTo(new[] { "ComputeStack/TrainingNode0", "ComputeStack/TrainingNode1", "ComputeStack/TrainingNode2" }));
        // p3.8xlarge in instance-types.csv: 32 vCPU, 244 GiB, 4x V100 of 16 GiB.
        Assert.That(_result.FindingsOf("PL2002").Select(f => (f.GetProperty("severity").GetString(), f.GetProperty("message").GetString())), Is.All.EqualTo(("info",
            "Up to 3 'p3.8xlarge' instances (32 vCPU, 244 GiB, 4x V100 (64 GiB)) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'")));
    }

    [Test]
    public void L2VolumeDefaultIsGp2() => _result.Single("PL4001", "ComputeStack/ScratchVolume");

    [Test]
    public void L2DatabaseDefaultStorageIsGp2AndFamilyIsComputeOptimized()
    {
        // The app leaves StorageType unset; CDK 2.160 synthesizes StorageType gp2 with Engine postgres, judged for RDS.
        var storage = _result.Single("PL4001", "ComputeStack/OrdersDb");
        Assert.That(storage.GetProperty("message").GetString(), Is.EqualTo(
            "gp2 storage: on RDS for PostgreSQL, gp3 gives a 3,000 IOPS and 125 MiB/s baseline below 400 GiB and 12,000 IOPS and 500 MiB/s from 400 GiB, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3"));
        Assert.That(storage.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        Assert.That(storage.GetProperty("property").GetString(), Is.EqualTo("StorageType"));
        Assert.That(_result.Single("PL1002", "ComputeStack/OrdersDb").GetProperty("message").GetString(), Does.Contain("'db.c5.large'").And.Contain("db.r5.large"));
    }

    [Test]
    public void CrossAzOnlyForTheConnectedPinnedPair()
    {
        var finding = _result.Single("PL2001", "ComputeStack/OrdersDb");
        Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("info"));
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(
            "'ComputeStack/AppServer' (AZ #0 of the region (Fn::Select over Fn::GetAZs)) and 'ComputeStack/OrdersDb' (AZ #1 of the region (Fn::Select over Fn::GetAZs)) are connected but pinned to different Availability Zones: every request crosses AZs (added round-trip latency, and traffic between AZs can incur data transfer charges); place them in the same AZ or let the chatty side follow the other"));
        Assert.That(_result.FindingsOf("PL2001"), Has.Count.EqualTo(1), _result.Summary);
    }

    [Test]
    public void LambdaStraightToRdsButNotThroughProxy()
    {
        var finding = _result.Single("PL3001", "ComputeStack/OrdersApi");
        Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(
            "Lambda function 'ComputeStack/OrdersApi' connects straight to 'ComputeStack/OrdersDb' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections"));
        Assert.That(_result.FindingsOf("PL3001").Select(f => f.GetProperty("constructPath").GetString()), Does.Not.Contain("ComputeStack/ReportsApi"));
    }

    [Test]
    public void InferenceComponentCopiesNeedMoreGpusThanTheVariantScalesTo()
    {
        var finding = _result.Single("PL5008", "EndpointsStack/Reranker");
        Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        // ml.g5.12xlarge in sagemaker-types.csv: 4x A10G; managed instance scaling up to 2 instances.
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(
            "Inference component cannot be placed: 5 copies x 2 accelerator devices = 10 > 2 instances x 4x A10G = 8; lower CopyCount to 4 or run more instances"));
        Assert.That(_result.FindingsOf("PL5008"), Has.Count.EqualTo(1), _result.Summary);
    }

    [Test]
    public void NestedStackTemplateIsChecked()
    {
        var finding = _result.Single("PL4002", "ComputeStack/Storage/JournalVolume");
        Assert.That(finding.GetProperty("template").GetProperty("file").GetString(), Does.EndWith(".nested.template.json"));
    }

    [Test]
    public void CpuImageBuiltWithSubOnGpuInstance()
    {
        var finding = _result.Single("PL1003", "EndpointsStack/ClassifierConfig");
        Assert.That(finding.GetProperty("message").GetString(), Does.Contain("CPU image on 'ml.g5.xlarge'").And.Contain("${AWS::Region}"));
    }

    [Test]
    public void ModelFromConfigFileDoesNotFit()
    {
        var message = _result.Single("PL1004", "EndpointsStack/LlmConfig").GetProperty("message").GetString();
        Assert.That(message, Does.StartWith("Model does not fit").And.Contain("Llama-2-70b").And.Contain("'ml.g5.2xlarge'"));
    }

    [Test]
    public void EndpointScaledFromAnotherStackThroughImportValueIsNotReported()
    {
        var finding = _result.Single("PL5001", "EndpointsStack/ClassifierEndpoint");
        Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("info"));
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(
            "SageMaker endpoint 'EndpointsStack/ClassifierEndpoint' has no auto-scaling (no scalable target for its variant): it runs a fixed instance count; register a scalable target and a target-tracking policy sized from a load test (perflint bench)"));
        Assert.That(_result.FindingsOf("PL5001"), Has.Count.EqualTo(1), _result.Summary);
    }

    [Test]
    public void ScalingRulesOnTheImportedEndpoint()
    {
        var pinned = _result.Single("PL5003", "ScalingStack/LlmScaling");
        Assert.That(pinned.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        Assert.That(pinned.GetProperty("message").GetString(), Is.EqualTo(
            "MinCapacity equals MaxCapacity (2): the scaling policy can never change the capacity; raise MaxCapacity to what a load test says peak traffic needs"));
        // 70 invocations per instance is the target of the SageMaker developer guide's target-tracking example.
        var example = _result.Single("PL5002", "ScalingStack/LlmScaling/InvocationsTracking");
        Assert.That(example.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        Assert.That(example.GetProperty("message").GetString(), Is.EqualTo(
            "Scaling target value 70 for SageMakerVariantInvocationsPerInstance is the AWS documentation's example, not a load-tested figure; measure the maximum invocations per instance at your latency budget (perflint bench) and set the target to about half of it"));
    }

    [Test]
    public void PinnedCapacityOfAnyServiceUnlessScheduled()
    {
        var pinned = _result.Single("PL5003", "ScalingStack/TableReads");
        Assert.That(pinned.GetProperty("message").GetString(), Is.EqualTo(
            "MinCapacity equals MaxCapacity (5): the scaling policy can never change the capacity; raise MaxCapacity to what a load test says peak traffic needs"));
        Assert.That(_result.FindingsOf("PL5003"), Has.Count.EqualTo(2), _result.Summary);
    }

    [Test]
    public void StageStackWebsiteBucketWithoutCloudFront()
    {
        var finding = _result.Single("PL2003", "Prod/SiteStack/SiteBucket");
        Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("info"));
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(
            "S3 website bucket 'Prod/SiteStack/SiteBucket' is served to users with no CloudFront distribution in front: every request goes to one region over HTTP; put a CloudFront distribution (S3 origin with origin access control) in front for edge caching and HTTPS"));
        Assert.That(finding.GetProperty("template").GetProperty("file").GetString(), Does.Contain("assembly-Prod"));
    }

    [Test]
    public void DefaultSeveritiesNeverFailTheCheck()
    {
        Assert.That(_result.ExitCode, Is.Zero, _result.Stderr);
        Assert.That(_result.Findings.Select(f => f.GetProperty("severity").GetString()).Distinct(), Is.SubsetOf(new[] { "warning", "info" }));
        Assert.That(_result.FindingsOf("PL1005"), Is.Empty, "PL1005 is off by default");
    }

    [Test]
    public void SummaryCountsTheWholeApp()
    {
        var summary = _result.Json.GetProperty("summary");
        Assert.That(summary.GetProperty("templates").GetInt32(), Is.EqualTo(5), "4 stacks in 2 assemblies + 1 nested stack");
        Assert.That(summary.GetProperty("findings").GetInt32(), Is.EqualTo(_result.Findings.Count));
    }
}
