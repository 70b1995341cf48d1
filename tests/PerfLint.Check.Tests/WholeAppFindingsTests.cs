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
        Assert.That(_result.FindingsOf("PL2002")[0].GetProperty("message").GetString(), Does.StartWith("Up to 3 'p3.8xlarge' instances"));
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
        Assert.That(finding.GetProperty("message").GetString(), Does.Contain("'ComputeStack/AppServer' (AZ #0").And.Contain("'ComputeStack/OrdersDb' (AZ #1"));
        Assert.That(_result.FindingsOf("PL2001"), Has.Count.EqualTo(1), _result.Summary);
    }

    [Test]
    public void LambdaStraightToRdsButNotThroughProxy()
    {
        _result.Single("PL3001", "ComputeStack/OrdersApi");
        Assert.That(_result.FindingsOf("PL3001").Select(f => f.GetProperty("constructPath").GetString()), Does.Not.Contain("ComputeStack/ReportsApi"));
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
        _result.Single("PL5001", "EndpointsStack/ClassifierEndpoint");
        Assert.That(_result.FindingsOf("PL5001"), Has.Count.EqualTo(1), _result.Summary);
    }

    [Test]
    public void ScalingRulesOnTheImportedEndpoint()
    {
        _result.Single("PL5003", "ScalingStack/LlmScaling");
        Assert.That(_result.Single("PL5002", "ScalingStack/LlmScaling/InvocationsTracking").GetProperty("message").GetString(), Does.Contain("70"));
    }

    [Test]
    public void StageStackWebsiteBucketWithoutCloudFront()
    {
        var finding = _result.Single("PL2003", "Prod/SiteStack/SiteBucket");
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
