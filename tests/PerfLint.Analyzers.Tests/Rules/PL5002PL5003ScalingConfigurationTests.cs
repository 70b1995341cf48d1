using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using VerifyAnalyzer = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.ScalingConfigurationAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL5002 (documentation-example target value) and PL5003 (MinCapacity = MaxCapacity). Neither has a code fix: the right values come from a load test.</summary>
public class PL5002PL5003ScalingConfigurationTests
{
    private const string Invocations = "SageMakerVariantInvocationsPerInstance";

    private static DiagnosticResult Example(int location, double value, string metric = Invocations, RuleOptions? options = null) =>
        VerifyAnalyzer.Diagnostic(RuleIds.ScalingTargetIsDocumentationExample).WithLocation(location)
            .WithMessage("Scaling target value " + value + " for " + metric +
                         " is the AWS documentation's example, not a load-tested figure; measure the maximum invocations per instance at your latency budget (perflint bench) and set the target to about half of it");

    private static DiagnosticResult Pinned(int location, double capacity) =>
        VerifyAnalyzer.Diagnostic(RuleIds.ScalingCannotScale).WithLocation(location).WithMessage("MinCapacity equals MaxCapacity (" + capacity + "): the scaling policy can never change the capacity; raise MaxCapacity to what a load test says peak traffic needs");

    /// <summary>A warning of <paramref name="ruleId"/> at <paramref name="location"/> with exactly <paramref name="message"/>.</summary>
    private static DiagnosticResult Expected(string ruleId, int location, string message) =>
        VerifyAnalyzer.Diagnostic(ruleId).WithLocation(location).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithMessage(message);

    // 70 is the target value of the SageMaker developer guide's target-tracking example for
    // SageMakerVariantInvocationsPerInstance ("Define a scaling policy", endpoint-auto-scaling-add-code-define.html).
    [Test]
    public Task Target_tracking_on_a_sagemaker_metric_with_the_documentation_value() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        var target = new ScalableTarget(this, "T", new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = "endpoint/e/variant/v", ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4 });
        target.ScaleToTrackMetric("Invocations", new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = {|#0:70|} });
        new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty
        {
            TargetValue = {|#1:70.0|},
            PredefinedMetricSpecification = new CfnScalingPolicy.PredefinedMetricSpecificationProperty { PredefinedMetricType = "SageMakerVariantInvocationsPerInstance" },
        };
        """),
        Expected(RuleIds.ScalingTargetIsDocumentationExample, 0, "Scaling target value 70 for SageMakerVariantInvocationsPerInstance is the AWS documentation's example, not a load-tested figure; measure the maximum invocations per instance at your latency budget (perflint bench) and set the target to about half of it"),
        Expected(RuleIds.ScalingTargetIsDocumentationExample, 1, "Scaling target value 70 for SageMakerVariantInvocationsPerInstance is the AWS documentation's example, not a load-tested figure; measure the maximum invocations per instance at your latency budget (perflint bench) and set the target to about half of it"));

    [Test]
    public Task Custom_metrics_in_the_sagemaker_namespace() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new BasicTargetTrackingScalingPolicyProps
        {
            CustomMetric = new Amazon.CDK.AWS.CloudWatch.Metric(new Amazon.CDK.AWS.CloudWatch.MetricProps { Namespace = "AWS/SageMaker", MetricName = "InvocationsPerInstance" }),
            TargetValue = {|#0:70|},
        };
        new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty
        {
            TargetValue = {|#1:70|},
            CustomizedMetricSpecification = new CfnScalingPolicy.CustomizedMetricSpecificationProperty { Namespace = "AWS/SageMaker", MetricName = "ConcurrentRequestsPerModel", Statistic = "Average" },
        };
        new BasicTargetTrackingScalingPolicyProps
        {
            CustomMetric = new Amazon.CDK.AWS.CloudWatch.Metric(new Amazon.CDK.AWS.CloudWatch.MetricProps { Namespace = "AWS/ECS", MetricName = "CPUUtilization" }),
            TargetValue = 70,
        };
        """),
        Expected(RuleIds.ScalingTargetIsDocumentationExample, 0, "Scaling target value 70 for InvocationsPerInstance is the AWS documentation's example, not a load-tested figure; measure the maximum invocations per instance at your latency budget (perflint bench) and set the target to about half of it"),
        // Not pinned as a literal: the guide's example for ConcurrentRequestsPerModel is 5, not 70, so the message's
        // "documentation's example" is not a fact for this metric.
        Example(1, 70, "ConcurrentRequestsPerModel"));

    [Test]
    public Task Load_tested_values_and_other_services_are_not_reported() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = 42 };
        new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.ECS_SERVICE_AVERAGE_CPU_UTILIZATION, TargetValue = 70 };
        new BasicTargetTrackingScalingPolicyProps { TargetValue = 70 };
        new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty { TargetValue = 70, PredefinedMetricSpecification = new CfnScalingPolicy.PredefinedMetricSpecificationProperty { PredefinedMetricType = "DynamoDBReadCapacityUtilization" } };
        """));

    [Test]
    public Task Target_value_flow_and_example_values_option() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        Track({|#0:50|});
        Track(42);
        new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = Targets.Documented };
        new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = 70 };
        """, """
        static void Track(double target) =>
            new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = target };
        }
        static class Targets { public const double Documented = {|#1:50|}; }
        class Unused {
        """), "PL5002.example_values = 50, 100",
        Example(0, 50, options: Options50()), Example(1, 50, options: Options50()));

    private static RuleOptions Options50() => new(k => k == RuleOptions.ExampleValuesKey ? "50, 100" : null);

    [Test]
    public Task Min_equal_to_max_in_scalable_targets() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = "r", ScalableDimension = "d", MinCapacity = 2, MaxCapacity = {|#0:2|} };
        new CfnScalableTargetProps { ServiceNamespace = "sagemaker", ResourceId = "r", ScalableDimension = "d", RoleArn = "a", MinCapacity = 1, MaxCapacity = {|#1:1|} };
        new EnableScalingProps { MinCapacity = 3, MaxCapacity = {|#2:3|} };
        """),
        Expected(RuleIds.ScalingCannotScale, 0, "MinCapacity equals MaxCapacity (2): the scaling policy can never change the capacity; raise MaxCapacity to what a load test says peak traffic needs"),
        Expected(RuleIds.ScalingCannotScale, 1, "MinCapacity equals MaxCapacity (1): the scaling policy can never change the capacity; raise MaxCapacity to what a load test says peak traffic needs"),
        Expected(RuleIds.ScalingCannotScale, 2, "MinCapacity equals MaxCapacity (3): the scaling policy can never change the capacity; raise MaxCapacity to what a load test says peak traffic needs"));

    [Test]
    public Task Scalable_ranges_schedules_and_missing_bounds_are_not_reported() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = "r", ScalableDimension = "d", MinCapacity = 1, MaxCapacity = 4 };
        new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = "r", ScalableDimension = "d", MaxCapacity = 4 };
        new CfnScalableTargetProps
        {
            ServiceNamespace = "sagemaker", ResourceId = "r", ScalableDimension = "d", RoleArn = "a", MinCapacity = 2, MaxCapacity = 2,
            ScheduledActions = new object[] { new CfnScalableTarget.ScheduledActionProperty { Schedule = "cron(0 8 * * ? *)", ScheduledActionName = "day", ScalableTargetAction = new CfnScalableTarget.ScalableTargetActionProperty { MinCapacity = 2, MaxCapacity = 8 } } },
        };
        new ScalingSchedule { Schedule = Schedule.Cron(new CronOptions { Hour = "8" }), MinCapacity = 4, MaxCapacity = 4 };
        """));

    [Test]
    public Task Capacity_flow_through_locals_constants_and_helpers() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        var max = {|#0:2|};
        new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = "r", ScalableDimension = "d", MinCapacity = Fixed, MaxCapacity = max };
        Pin(3, {|#2:3|});
        Pin(1, 5);
        AtLeastTwo({|#3:2|});
        """, """
        const int Fixed = 2;
        static void Pin(double min, double max) => new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = "r", ScalableDimension = "d", MinCapacity = min, MaxCapacity = max };
        static void AtLeastTwo(double max) => new EnableScalingProps { MinCapacity = 2, MaxCapacity = max };
        """), Pinned(0, 2), Pinned(2, 3), Pinned(3, 2));

    [Test]
    public Task Only_min_from_the_call_site_is_reported_there() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        Floor({|#0:4|});
        Floor(1);
        """, """
        static void Floor(double min) => new EnableScalingProps { MinCapacity = min, MaxCapacity = 4 };
        """), Pinned(0, 4));

    [Test]
    public Task Pragma_suppresses() => VerifyAnalyzer.VerifyAnalyzerAsync(Stack("""
        #pragma warning disable PL5003 // fixed capacity on purpose: reserved capacity contract
        new EnableScalingProps { MinCapacity = 3, MaxCapacity = 3 };
        #pragma warning restore PL5003
        """));

    private static IEnumerable<TestCaseData> TargetShapes() =>
        ValueFlowShapes.For("new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = {V} };", "double", "70", "PL5002 ");

    [TestCaseSource(nameof(TargetShapes))]
    public Task Every_value_flow_shape_of_the_target_value(string source) => VerifyAnalyzer.VerifyAnalyzerAsync(source, Example(0, 70));

    private static IEnumerable<TestCaseData> CapacityShapes() =>
        ValueFlowShapes.For("new EnableScalingProps { MinCapacity = 2, MaxCapacity = {V} };", "double", "2", "PL5003 ");

    [TestCaseSource(nameof(CapacityShapes))]
    public Task Every_value_flow_shape_of_the_capacity(string source) => VerifyAnalyzer.VerifyAnalyzerAsync(source, Pinned(0, 2));

    [Test]
    public Task Nothing_without_the_cdk() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        namespace Amazon.CDK.AWS.ApplicationAutoScaling
        {
            public class EnableScalingProps { public double MinCapacity { get; set; } public double MaxCapacity { get; set; } public double TargetValue { get; set; } }
            class U { object M() => new EnableScalingProps { MinCapacity = 2, MaxCapacity = 2, TargetValue = 70 }; }
        }
        """);
}
