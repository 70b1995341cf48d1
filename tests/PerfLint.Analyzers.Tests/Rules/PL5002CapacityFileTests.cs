using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<PerfLint.Analyzers.Rules.ScalingConfigurationAnalyzer, PerfLint.CodeFixes.ScalingTargetFixer>;
using VerifyAnalyzer = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.ScalingConfigurationAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>
/// PL5002 with a perflint.capacity.json additional file (as `perflint recommend --write` writes it): an endpoint's
/// invocations-per-instance target is judged against its measured sustainable rate. Messages are written from the file
/// below: resnet-endpoint sustained 38/min at p99 ≤ 500 ms on ml.g5.xlarge on 2026-12-05; recommended target 19.
/// </summary>
public class PL5002CapacityFileTests
{
    private const string Capacity = """
        { "formatVersion": 1, "generator": "perflint recommend", "endpoints": [
          { "endpoint": "resnet-endpoint", "instanceType": "ml.g5.xlarge", "sustainablePerMinute": 38, "targetValue": 19, "headroom": 0.5,
            "percentile": "p99", "budgetMs": 500, "measured": "2026-12-05", "interpolated": true } ] }
        """;

    private const string Above = "SageMaker endpoint 'resnet-endpoint' scales above what its model sustains: target 70/min, measured sustainable 38/min at p99 ≤ 500 ms on ml.g5.xlarge, 2026-12-05 (perflint.capacity.json); an instance saturates before target tracking adds another; set the target to 19 (the sustainable rate × 0.5)";

    private static string Tracking(string resourceId, string target) => $$"""
        var target = new ScalableTarget(this, "T", new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = {{resourceId}}, ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4 });
        target.ScaleToTrackMetric("Invocations", new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = {{target}} });
        """;

    private static async Task Run(string source, params DiagnosticResult[] expected)
    {
        var test = new VerifyAnalyzer.Test();
        test.TestState.Sources.Add(Stack(source, "const string EndpointName = \"resnet-endpoint\";"));
        test.TestState.AdditionalFiles.Add(("/0/perflint.capacity.json", Capacity));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    [Test]
    public Task A_target_above_the_measured_sustainable_rate_is_a_warning_with_the_numbers() =>
        Run(Tracking("\"endpoint/resnet-endpoint/variant/AllTraffic\"", "{|#0:70|}"),
            VerifyAnalyzer.Diagnostic("PL5002").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(Above));

    [Test]
    public Task A_target_that_fits_the_measurement_is_silent() =>
        Run(Tracking("\"endpoint/resnet-endpoint/variant/AllTraffic\"", "19") + "\n" +
            // 10 × 4 = 40 is not below 38: within the idle bound.
            "new ScalableTarget(this, \"U\", new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = \"endpoint/resnet-endpoint/variant/AllTraffic\", ScalableDimension = \"sagemaker:variant:DesiredInstanceCount\", MinCapacity = 1, MaxCapacity = 4 })" +
            ".ScaleToTrackMetric(\"I\", new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = 10 });");

    [Test]
    public Task A_target_more_than_four_times_below_is_info() =>
        Run(Tracking("$\"endpoint/{EndpointName}/variant/AllTraffic\"", "{|#0:9|}"),
            VerifyAnalyzer.Diagnostic("PL5002").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(
                "SageMaker endpoint 'resnet-endpoint' scales out far below what its model sustains: target 9/min, measured sustainable 38/min at p99 ≤ 500 ms on ml.g5.xlarge, 2026-12-05 (perflint.capacity.json); more than 4× below it, instances are added while mostly idle; the recommended target is 19 (the sustainable rate × 0.5)"));

    [Test]
    public Task A_cfn_scaling_policy_is_judged_through_its_resource_id() =>
        Run("""
            new CfnScalingPolicy(this, "P", new CfnScalingPolicyProps
            {
                PolicyName = "invocations", PolicyType = "TargetTrackingScaling", ServiceNamespace = "sagemaker",
                ResourceId = "endpoint/resnet-endpoint/variant/AllTraffic", ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
                TargetTrackingScalingPolicyConfiguration = new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty
                {
                    TargetValue = {|#0:70|},
                    PredefinedMetricSpecification = new CfnScalingPolicy.PredefinedMetricSpecificationProperty { PredefinedMetricType = "SageMakerVariantInvocationsPerInstance" },
                },
            });
            """,
            VerifyAnalyzer.Diagnostic("PL5002").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(Above));

    [Test]
    public Task An_endpoint_without_an_entry_keeps_the_documentation_example_check() =>
        Run(Tracking("\"endpoint/other-endpoint/variant/AllTraffic\"", "{|#0:70|}") + "\n" +
            // The endpoint cannot be named from the code (a token): no measurement applies.
            "new ScalableTarget(this, \"U\", new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = Fn.Join(\"/\", new[] { \"endpoint\", Aws.STACK_NAME, \"variant\", \"AllTraffic\" }), ScalableDimension = \"sagemaker:variant:DesiredInstanceCount\", MinCapacity = 1, MaxCapacity = 4 })" +
            ".ScaleToTrackMetric(\"I\", new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = 500 });",
            VerifyAnalyzer.Diagnostic("PL5002").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(
                "Scaling target value 70 for SageMakerVariantInvocationsPerInstance is the AWS documentation's example, not a load-tested figure; measure the maximum invocations per instance at your latency budget (perflint bench) and set the target to about half of it"));

    [Test]
    public async Task The_fix_sets_the_recommended_target()
    {
        var test = new Verify.Test
        {
            TestCode = Stack(Tracking("\"endpoint/resnet-endpoint/variant/AllTraffic\"", "{|#0:70|}")),
            FixedCode = Stack(Tracking("\"endpoint/resnet-endpoint/variant/AllTraffic\"", "19")),
        };
        test.TestState.AdditionalFiles.Add(("/0/perflint.capacity.json", Capacity));
        test.FixedState.AdditionalFiles.Add(("/0/perflint.capacity.json", Capacity));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PL5002").WithLocation(0).WithMessage(Above));
        await test.RunAsync(CancellationToken.None);
    }
}
