using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// `perflint check` judges a SageMaker invocations-per-instance target against perflint.capacity.json beside the project,
/// as PL5002 in the analyzers does. Messages are written from the capacity file below (resnet-endpoint: 38/min at
/// p99 ≤ 500 ms on ml.g5.xlarge, 2026-12-05; recommended target 19).
/// </summary>
[TestFixture]
public sealed class CapacityFileTests
{
    private const string Capacity = """
        { "formatVersion": 1, "endpoints": [ { "endpoint": "resnet-endpoint", "instanceType": "ml.g5.xlarge", "sustainablePerMinute": 38,
          "targetValue": 19, "headroom": 0.5, "percentile": "p99", "budgetMs": 500, "measured": "2026-12-05", "interpolated": true } ] }
        """;

    private static string Policy(string endpoint, int target) => $$"""
        "{{endpoint}}Policy": { "Type": "AWS::ApplicationAutoScaling::ScalingPolicy", "Properties": {
          "PolicyName": "p", "PolicyType": "TargetTrackingScaling", "ServiceNamespace": "sagemaker",
          "ResourceId": "endpoint/{{endpoint}}/variant/AllTraffic", "ScalableDimension": "sagemaker:variant:DesiredInstanceCount",
          "TargetTrackingScalingPolicyConfiguration": { "TargetValue": {{target}},
            "PredefinedMetricSpecification": { "PredefinedMetricType": "SageMakerVariantInvocationsPerInstance" } } } }
        """;

    private static CheckRun.Result Check(string resources, bool withCapacity)
    {
        var project = Paths.NewScratchDirectory("capacity");
        File.WriteAllText(Path.Combine(project, "App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        if (withCapacity) File.WriteAllText(Path.Combine(project, "perflint.capacity.json"), Capacity);
        var assembly = TemplateAssembly.Write(("Scaling", "{ \"Resources\": {\n" + resources + "\n} }"));
        return CheckRun.Json(assembly, "--project", project, "--fail-on", "never");
    }

    private static IEnumerable<string> Messages(CheckRun.Result result) =>
        result.FindingsOf("PL5002").Select(f => f.GetProperty("severity").GetString() + ": " + f.GetProperty("message").GetString());

    [Test]
    public void TargetsAreJudgedAgainstTheMeasurementOfTheirEndpoint()
    {
        var result = Check(Policy("resnet-endpoint", 70) + ",\n" + Policy("other-endpoint", 70), withCapacity: true);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(Messages(result), Is.EquivalentTo(new[]
        {
            "warning: SageMaker endpoint 'resnet-endpoint' scales above what its model sustains: target 70/min, measured sustainable 38/min at p99 ≤ 500 ms on ml.g5.xlarge, 2026-12-05 (perflint.capacity.json); an instance saturates before target tracking adds another; set the target to 19 (the sustainable rate × 0.5)",
            // No entry: today's documentation-example check.
            "warning: Scaling target value 70 for SageMakerVariantInvocationsPerInstance is the AWS documentation's example, not a load-tested figure; measure the maximum invocations per instance at your latency budget (perflint bench) and set the target to about half of it",
        }));
    }

    [Test]
    public void AFittingTargetIsSilentAndAnIdleOneIsInfo()
    {
        var result = Check(Policy("resnet-endpoint", 19), withCapacity: true);
        Assert.That(Messages(result), Is.Empty);
        result = Check(Policy("resnet-endpoint", 9), withCapacity: true);
        Assert.That(Messages(result), Is.EqualTo(new[]
        {
            "info: SageMaker endpoint 'resnet-endpoint' scales out far below what its model sustains: target 9/min, measured sustainable 38/min at p99 ≤ 500 ms on ml.g5.xlarge, 2026-12-05 (perflint.capacity.json); more than 4× below it, instances are added while mostly idle; the recommended target is 19 (the sustainable rate × 0.5)",
        }));
    }

    [Test]
    public void WithoutACapacityFileTheTargetIsNotJudgedAgainstOne()
    {
        Assert.That(Messages(Check(Policy("resnet-endpoint", 9), withCapacity: false)), Is.Empty);
    }
}
