using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using PerfLint.Testing;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL5009: an accelerated SageMaker variant whose target-tracking policy tracks host CPU or memory.</summary>
public class PL5009ScalingMetricTests
{
    private const string Usings = PerfLint.Analyzers.Tests.Infrastructure.TestReferences.CdkUsings +
                                  "using Amazon.CDK.AWS.Sagemaker;\nusing Amazon.CDK.AWS.ApplicationAutoScaling;\nusing Amazon.CDK.AWS.CloudWatch;\n";

    // Hardware from sagemaker-types.csv: ml.g5.xlarge 4 vCPU, 16 GiB, 1x A10G (22.35 GiB); ml.inf2.xlarge 4 vCPU, 16 GiB,
    // 1x Inferentia2 (32 GiB). Metrics and their frequencies from sagemaker-scaling-metrics.csv (checked 2026-12-05).
    private const string GpuOnCpu = "Target tracking on CPUUtilization (/aws/sagemaker/Endpoints) for 'ml.g5.xlarge' (4 vCPU, 16 GiB, 1x A10G (22.35 GiB)): host CPU does not follow the load on its GPUs, so the variant does not scale out while they saturate and requests queue; track GPUUtilization or GPUMemoryUtilization (/aws/sagemaker/Endpoints, a data point every 60 s), the predefined SageMakerVariantConcurrentRequestsPerModelHighResolution (every 10 s) or the predefined SageMakerVariantInvocationsPerInstance (every 60 s) (SageMaker developer guide, checked 2026-12-05)";

    /// <summary>PL5009 (a warning) on the metric name <paramref name="metric"/>, with the instance type <paramref name="instanceType"/> related.</summary>
    private static DiagnosticResult Expected(int metric, int instanceType, string message) =>
        Verify.Diagnostic(RuleIds.AcceleratedEndpointScalesOnHostMetric).WithLocation(metric).WithLocation(instanceType)
            .WithSeverity(DiagnosticSeverity.Warning).WithMessage(message);

    /// <summary>An endpoint config with one variant <c>AllTraffic</c> of <paramref name="instanceType"/> and endpoint <c>llm</c> (no model: PL1003/PL1004 stay out).</summary>
    private static string Endpoint(string instanceType) => $$"""
                var config = new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = "llm-model", VariantName = "AllTraffic", InstanceType = {{instanceType}}, InitialInstanceCount = 1 } },
                });
                var endpoint = new CfnEndpoint(this, "Endpoint", new CfnEndpointProps { EndpointConfigName = config.AttrEndpointConfigName, EndpointName = "llm" });
        """;

    private const string Target = """
                var target = new CfnScalableTarget(this, "Target", new CfnScalableTargetProps {
                    ServiceNamespace = "sagemaker", ResourceId = "endpoint/llm/variant/AllTraffic",
                    ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4,
                });
        """;

    /// <summary>A target-tracking policy on <c>target</c> tracking <paramref name="metric"/> in <paramref name="ns"/>.</summary>
    private static string Policy(string metric, string ns = "\"/aws/sagemaker/Endpoints\"", string link = "ScalingTargetId = target.Ref") => $$"""
                new CfnScalingPolicy(this, "Policy", new CfnScalingPolicyProps {
                    PolicyName = "scale", PolicyType = "TargetTrackingScaling", {{link}},
                    TargetTrackingScalingPolicyConfiguration = new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty {
                        TargetValue = 60,
                        CustomizedMetricSpecification = new CfnScalingPolicy.CustomizedMetricSpecificationProperty {
                            MetricName = {{metric}}, Namespace = {{ns}}, Statistic = "Average",
                            Dimensions = new[] {
                                new CfnScalingPolicy.MetricDimensionProperty { Name = "EndpointName", Value = "llm" },
                                new CfnScalingPolicy.MetricDimensionProperty { Name = "VariantName", Value = "AllTraffic" },
                            },
                        },
                    },
                });
        """;

    [Test]
    public Task Gpu_variant_tracking_cpu_is_reported_on_the_metric_name() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("{|#1:\"ml.g5.xlarge\"|}")}}
        {{Target}}
        {{Policy("{|#0:\"CPUUtilization\"|}")}}
        } }
        """, Expected(0, 1, GpuOnCpu));

    [Test]
    public Task Inferentia_variant_tracking_memory_through_a_constant_is_reported_where_the_name_is_written() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class MetricNames { public const string Memory = {|#0:"MemoryUtilization"|}; }
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("{|#1:\"ml.inf2.xlarge\"|}")}}
        {{Target}}
        {{Policy("MetricNames.Memory")}}
        } }
        """, Expected(0, 1, "Target tracking on MemoryUtilization (/aws/sagemaker/Endpoints) for 'ml.inf2.xlarge' (4 vCPU, 16 GiB, 1x AWS Inferentia2 (32 GiB)): host memory does not follow the load on its AWS Inferentia2 accelerators, so the variant does not scale out while they saturate and requests queue; track the predefined SageMakerVariantConcurrentRequestsPerModelHighResolution (every 10 s) or the predefined SageMakerVariantInvocationsPerInstance (every 60 s) (SageMaker developer guide, checked 2026-12-05)"));

    [Test]
    public Task Policy_naming_the_endpoint_through_its_attribute_in_its_own_resource_id() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("{|#1:\"ml.g5.xlarge\"|}")}}
        {{Target}}
        {{Policy("{|#0:\"CPUUtilization\"|}", link: "ServiceNamespace = \"sagemaker\", ScalableDimension = \"sagemaker:variant:DesiredInstanceCount\", ResourceId = $\"endpoint/{endpoint.AttrEndpointName}/variant/AllTraffic\"")}}
        } }
        """, Expected(0, 1, GpuOnCpu));

    [Test]
    public Task Gpu_variant_tracking_gpu_utilization_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("\"ml.g5.xlarge\"")}}
        {{Target}}
        {{Policy("\"GPUUtilization\"")}}
        } }
        """);

    [Test]
    public Task Gpu_variant_on_a_predefined_invocation_metric_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("\"ml.g5.xlarge\"")}}
        {{Target}}
                new CfnScalingPolicy(this, "Policy", new CfnScalingPolicyProps {
                    PolicyName = "scale", PolicyType = "TargetTrackingScaling", ScalingTargetId = target.Ref,
                    TargetTrackingScalingPolicyConfiguration = new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty {
                        TargetValue = 5,
                        PredefinedMetricSpecification = new CfnScalingPolicy.PredefinedMetricSpecificationProperty { PredefinedMetricType = "SageMakerVariantConcurrentRequestsPerModelHighResolution" },
                    },
                });
        } }
        """);

    [Test]
    public Task Cpu_variant_tracking_cpu_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("\"ml.c5.xlarge\"")}}
        {{Target}}
        {{Policy("\"CPUUtilization\"")}}
        } }
        """);

    [Test]
    public Task Cpu_utilization_in_another_namespace_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("\"ml.g5.xlarge\"")}}
        {{Target}}
        {{Policy("\"CPUUtilization\"", "\"Acme/Inference\"")}}
        } }
        """);

    [Test]
    public Task Accepted_metric_option_silences_it() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("\"ml.g5.xlarge\"")}}
        {{Target}}
        {{Policy("\"CPUUtilization\"")}}
        } }
        """, "PL5009.accepted_metrics = MemoryUtilization, cpuutilization");

    // The target scales the CPU variant only; the GPU variant of the same endpoint is not its business.
    [Test]
    public Task Target_for_another_variant_of_the_endpoint_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
                var config = new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] {
                        new CfnEndpointConfig.ProductionVariantProperty { ModelName = "a", VariantName = "Gpu", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 },
                        new CfnEndpointConfig.ProductionVariantProperty { ModelName = "b", VariantName = "Cpu", InstanceType = "ml.c5.xlarge", InitialInstanceCount = 1 },
                    },
                });
                new CfnEndpoint(this, "Endpoint", new CfnEndpointProps { EndpointConfigName = config.AttrEndpointConfigName, EndpointName = "llm" });
                var target = new CfnScalableTarget(this, "Target", new CfnScalableTargetProps {
                    ServiceNamespace = "sagemaker", ResourceId = "endpoint/llm/variant/Cpu",
                    ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4,
                });
        {{Policy("\"CPUUtilization\"")}}
        } }
        """);

    // Code still being written: no target yet, a target whose endpoint is a parameter, a policy without its configuration.
    [Test]
    public Task Incomplete_policies_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s, string endpointName) : base(s, "s") {
        {{Endpoint("\"ml.g5.xlarge\"")}}
                var target = new CfnScalableTarget(this, "Target", new CfnScalableTargetProps {
                    ServiceNamespace = "sagemaker", ResourceId = "endpoint/" + endpointName + "/variant/AllTraffic",
                    ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4,
                });
        {{Policy("\"CPUUtilization\"")}}
                new CfnScalingPolicy(this, "Unlinked", new CfnScalingPolicyProps { PolicyName = "u", PolicyType = "TargetTrackingScaling" });
        } }
        """);
    /// <summary>The L2 scalable target of the endpoint <c>llm</c>'s variant <c>AllTraffic</c>.</summary>
    private const string L2Target = """
                var target = new ScalableTarget(this, "Target", new ScalableTargetProps {
                    ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = $"endpoint/{endpoint.AttrEndpointName}/variant/AllTraffic",
                    ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4,
                });
        """;

    [Test]
    public Task L2_policy_tracking_cpu_of_a_gpu_variant_is_reported_on_the_metric_name() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("{|#1:\"ml.g5.xlarge\"|}")}}
        {{L2Target}}
                target.ScaleToTrackMetric("HostCpu", new BasicTargetTrackingScalingPolicyProps {
                    TargetValue = 60,
                    CustomMetric = new Metric(new MetricProps { Namespace = "/aws/sagemaker/Endpoints", MetricName = {|#0:"CPUUtilization"|}, Statistic = "Average" }),
                });
        } }
        """, Expected(0, 1, GpuOnCpu));

    [Test]
    public Task L2_policy_construct_created_in_a_helper_with_a_metric_in_a_local_is_reported() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack {
            S(Construct s) : base(s, "s") {
        {{Endpoint("{|#1:\"ml.g5.xlarge\"|}")}}
        {{L2Target}}
                Track(target, {|#0:"CPUUtilization"|});
            }

            void Track(IScalableTarget target, string name)
            {
                var metric = new Metric(new MetricProps { Namespace = "/aws/sagemaker/Endpoints", MetricName = name });
                new TargetTrackingScalingPolicy(this, "Policy", new TargetTrackingScalingPolicyProps { ScalingTarget = target, TargetValue = 60, CustomMetric = metric });
            }
        }
        """, Expected(0, 1, GpuOnCpu));

    [Test]
    public Task L2_policies_on_gpu_utilization_or_a_predefined_metric_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("\"ml.g5.xlarge\"")}}
        {{L2Target}}
                target.ScaleToTrackMetric("Gpu", new BasicTargetTrackingScalingPolicyProps {
                    TargetValue = 60,
                    CustomMetric = new Metric(new MetricProps { Namespace = "/aws/sagemaker/Endpoints", MetricName = "GPUUtilization" }),
                });
                target.ScaleToTrackMetric("Requests", new BasicTargetTrackingScalingPolicyProps {
                    TargetValue = 5, PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
                });
        } }
        """);

    [Test]
    public Task L2_policy_on_a_cpu_variant_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("\"ml.c5.xlarge\"")}}
        {{L2Target}}
                target.ScaleToTrackMetric("HostCpu", new BasicTargetTrackingScalingPolicyProps {
                    TargetValue = 60,
                    CustomMetric = new Metric(new MetricProps { Namespace = "/aws/sagemaker/Endpoints", MetricName = "CPUUtilization" }),
                });
        } }
        """);

    // Code still being written: a metric handed in from outside, a metric whose props are not written yet, a policy without a target.
    [Test]
    public Task Incomplete_l2_policies_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s, IMetric given, MetricProps pending, IScalableTarget unknown) : base(s, "s") {
        {{Endpoint("\"ml.g5.xlarge\"")}}
        {{L2Target}}
                target.ScaleToTrackMetric("Given", new BasicTargetTrackingScalingPolicyProps { TargetValue = 60, CustomMetric = given });
                target.ScaleToTrackMetric("Pending", new BasicTargetTrackingScalingPolicyProps { TargetValue = 60, CustomMetric = new Metric(pending) });
                new TargetTrackingScalingPolicy(this, "Elsewhere", new TargetTrackingScalingPolicyProps {
                    ScalingTarget = unknown, TargetValue = 60,
                    CustomMetric = new Metric(new MetricProps { Namespace = "/aws/sagemaker/Endpoints", MetricName = "CPUUtilization" }),
                });
        } }
        """);

    /// <summary>
    /// The stack `perflint check` synthesizes in AcceleratedFindingsTests (tests/PerfLint.Check.Tests): the analyzers
    /// report the same PL5009 finding, with the same message, on the L2 policy's metric name.
    /// </summary>
    [Test]
    public async Task Analyzers_agree_with_check_on_the_synthesized_accelerated_stack()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "PerfLint.Check.Tests", "Apps", "WholeApp", "AcceleratedStack.cs"));
        var run = await AnalyzerRunner.RunAllAsync(source);
        Assert.That(run.Exceptions, Is.Empty);
        var findings = run.AnalyzerDiagnostics.Where(d => d.Id == RuleIds.AcceleratedEndpointScalesOnHostMetric).ToList();
        Assert.That(findings.Select(d => (d.Severity, d.GetMessage(), Text: d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan))),
            Is.EqualTo(new[] { (DiagnosticSeverity.Warning, GpuOnCpu, "\"CPUUtilization\"") }));
    }
}
