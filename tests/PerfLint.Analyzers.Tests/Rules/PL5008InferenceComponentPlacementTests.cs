using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Rules;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL5008: an inference component asks for more than the instances of its endpoint variant have.</summary>
public class PL5008InferenceComponentPlacementTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\n";

    /// <summary>
    /// An endpoint whose variant (<paramref name="variant"/>: C# initializer entries after VariantName) hosts one
    /// inference component (<paramref name="requirements"/>: entries of its ComputeResourceRequirements).
    /// </summary>
    private static string Component(string variant, string requirements, string copies = "1", string modelEnvironment = "[\"HF_MODEL_ID\"] = \"acme/ranker\"", string componentVariant = "AllTraffic") => Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty {
                    Image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04",
                    Environment = new Dictionary<string, object> { {{modelEnvironment}} } },
            });
            var config = new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { VariantName = "AllTraffic", {{variant}} } },
            });
            var endpoint = new CfnEndpoint(this, "Endpoint", new CfnEndpointProps { EndpointConfigName = config.AttrEndpointConfigName });
            new CfnInferenceComponent(this, "Ranker", new CfnInferenceComponentProps {
                EndpointName = endpoint.AttrEndpointName,
                VariantName = "{{componentVariant}}",
                Specification = new CfnInferenceComponent.InferenceComponentSpecificationProperty {
                    ModelName = model.AttrModelName,
                    ComputeResourceRequirements = new CfnInferenceComponent.InferenceComponentComputeResourceRequirementsProperty { {{requirements}} },
                },
                RuntimeConfig = new CfnInferenceComponent.InferenceComponentRuntimeConfigProperty { CopyCount = {{copies}} },
            });
        } }
        """;

    /// <summary>The endpoints here have no scalable target: PL5001's Info is another rule's.</summary>
    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        Verify.VerifyAnalyzerAsync(new[] { source }, "dotnet_diagnostic.PL5001.severity = none", expected);

    private static DiagnosticResult Finding(string message) =>
        Verify.Diagnostic(RuleIds.InferenceComponentCannotBePlaced).WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Warning).WithMessage(message);

    // Messages below are written by hand from Data/sagemaker-types.csv: ml.g5.2xlarge 1x A10G (22.35 GiB), 32 GiB memory;
    // ml.g5.12xlarge 4x A10G (89.41 GiB), 192 GiB memory; ml.m5.xlarge no accelerators.

    [Test]
    public Task Copy_needing_two_gpus_on_a_one_gpu_instance() => VerifyAsync(
        Component("""InstanceType = {|#1:"ml.g5.2xlarge"|}, InitialInstanceCount = 1""", "NumberOfAcceleratorDevicesRequired = {|#0:2|}, MinMemoryRequiredInMb = 1024"),
        Finding("Inference component cannot be placed: each copy needs 2 accelerator devices (NumberOfAcceleratorDevicesRequired) but 'ml.g5.2xlarge' has 1x A10G; " +
                "give a copy at most 1 or choose an instance type with more accelerators"));

    [Test]
    public Task Copy_needing_an_accelerator_on_a_cpu_instance() => VerifyAsync(
        Component("""InstanceType = {|#1:"ml.m5.xlarge"|}, InitialInstanceCount = 1""", "NumberOfAcceleratorDevicesRequired = {|#0:1|}, MinMemoryRequiredInMb = 1024"),
        Finding("Inference component cannot be placed: each copy needs 1 accelerator devices (NumberOfAcceleratorDevicesRequired) but 'ml.m5.xlarge' has no accelerators; " +
                "give a copy at most 0 or choose an instance type with more accelerators"));

    [Test]
    public Task Copy_needing_more_memory_than_the_instance_has() => VerifyAsync(
        Component("""InstanceType = {|#1:"ml.g5.2xlarge"|}, InitialInstanceCount = 1""", "NumberOfAcceleratorDevicesRequired = 1, MinMemoryRequiredInMb = {|#0:40960|}"),
        // 32 GiB = 34,359,738,368 bytes = 34,359 MB (10^6 bytes).
        Finding("Inference component cannot be placed: each copy needs at least 40,960 MB of memory (MinMemoryRequiredInMb) but 'ml.g5.2xlarge' has 32 GiB (34,359 MB)"));

    // 34,000 is above 32 GiB read as MiB (32,768) but below it read as 10^6 bytes (34,359): not a fact, so silent.
    [Test]
    public Task Memory_between_the_two_readings_of_megabyte_is_silent() => VerifyAsync(
        Component("""InstanceType = "ml.g5.2xlarge", InitialInstanceCount = 1""", "NumberOfAcceleratorDevicesRequired = 1, MinMemoryRequiredInMb = 34000"));

    [Test]
    public Task Copies_need_more_gpus_than_the_instances_have() => VerifyAsync(
        Component("""InstanceType = {|#1:"ml.g5.12xlarge"|}, InitialInstanceCount = 1""", "NumberOfAcceleratorDevicesRequired = 2, MinMemoryRequiredInMb = 1024", copies: "{|#0:3|}"),
        Finding("Inference component cannot be placed: 3 copies x 2 accelerator devices = 6 > 1 instance x 4x A10G = 4; lower CopyCount to 2 or run more instances"));

    [Test]
    public Task Copies_fit_on_two_instances() => VerifyAsync(
        Component("""InstanceType = "ml.g5.12xlarge", InitialInstanceCount = 2""", "NumberOfAcceleratorDevicesRequired = 2, MinMemoryRequiredInMb = 1024", copies: "3"));

    [Test]
    public Task Copies_fit_within_managed_instance_scaling_maximum() => VerifyAsync(
        Component("""InstanceType = "ml.g5.12xlarge", InitialInstanceCount = 1, ManagedInstanceScaling = new CfnEndpointConfig.ManagedInstanceScalingProperty { Status = "ENABLED", MinInstanceCount = 1, MaxInstanceCount = 2 }""",
            "NumberOfAcceleratorDevicesRequired = 2, MinMemoryRequiredInMb = 1024", copies: "3"));

    [Test]
    public Task Copies_above_disabled_managed_scaling_count_the_initial_instances() => VerifyAsync(
        Component("""InstanceType = {|#1:"ml.g5.12xlarge"|}, InitialInstanceCount = 1, ManagedInstanceScaling = new CfnEndpointConfig.ManagedInstanceScalingProperty { Status = "DISABLED", MaxInstanceCount = 4 }""",
            "NumberOfAcceleratorDevicesRequired = 4, MinMemoryRequiredInMb = 1024", copies: "{|#0:2|}"),
        Finding("Inference component cannot be placed: 2 copies x 4 accelerator devices = 8 > 1 instance x 4x A10G = 4; lower CopyCount to 1 or run more instances"));

    [Test]
    public Task Model_does_not_fit_the_one_gpu_a_copy_is_given() => VerifyAsync(
        Component("""InstanceType = "ml.g5.12xlarge", InitialInstanceCount = 1""", "NumberOfAcceleratorDevicesRequired = {|#0:1|}, MinMemoryRequiredInMb = 1024",
            modelEnvironment: """["HF_MODEL_ID"] = {|#1:"meta-llama/Llama-2-13b-chat-hf"|}, ["SM_NUM_GPUS"] = "4" """),
        // PL1004's math on one of the four A10G (the copy's devices replace SM_NUM_GPUS): 13B x 2 bytes = 24.21 GiB, x 1.2 = 29.06 GiB > 22.35 GiB.
        Finding("Inference component cannot be placed: the model does not fit the accelerators a copy is given: 'meta-llama/Llama-2-13b-chat-hf' has ~13B parameters " +
                "(meta-llama/llama-models@a9c89c4:models/llama2/MODEL_CARD.md) x 2 bytes (fp16/bf16 (default)) = 24.21 GiB of weights, 29.06 GiB with 20% headroom for KV cache and runtime " +
                "> 1 of 4x A10G on 'ml.g5.12xlarge' = 22.35 GiB; choices: quantize to fp8/int8 (14.53 GiB fits); shard over all 4 devices (89.41 GiB); " +
                "a larger instance such as 'ml.g6e.xlarge' (4 vCPU, 32 GiB, 1x L40S (44.7 GiB), $1.861/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))"));

    [Test]
    public Task Model_fits_the_two_gpus_a_copy_is_given() => VerifyAsync(
        Component("""InstanceType = "ml.g5.12xlarge", InitialInstanceCount = 1""", "NumberOfAcceleratorDevicesRequired = 2, MinMemoryRequiredInMb = 1024",
            modelEnvironment: """["HF_MODEL_ID"] = "meta-llama/Llama-2-13b-chat-hf" """));

    // Unknown model size is PL1004's Info on an endpoint variant; for a component it says nothing.
    [Test]
    public Task Unknown_model_size_is_silent() => VerifyAsync(
        Component("""InstanceType = "ml.g5.12xlarge", InitialInstanceCount = 1""", "NumberOfAcceleratorDevicesRequired = 1, MinMemoryRequiredInMb = 1024"));

    [Test]
    public Task Requirements_that_fit_are_silent() => VerifyAsync(
        Component("""InstanceType = "ml.g5.12xlarge", InitialInstanceCount = 1""", "NumberOfAcceleratorDevicesRequired = 4, MinMemoryRequiredInMb = 65536"));

    // The endpoint and the component name each other by literal names; the figures flow through a constant, a local
    // and a helper that creates the component (reported at the call site that passes the value; the instance type is
    // related where its local is written).
    [Test]
    public Task Literal_names_constants_locals_and_a_helper() => VerifyAsync(Usings + """
        class S : Stack {
            const string Variant = "Main";
            const double Devices = 2;
            S(Construct s) : base(s, "s") {
                var instanceType = {|#1:"ml.g5.2xlarge"|};
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    EndpointConfigName = "ranker-config",
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { VariantName = Variant, InstanceType = instanceType, InitialInstanceCount = 1 } },
                });
                new CfnEndpoint(this, "Endpoint", new CfnEndpointProps { EndpointName = "ranker", EndpointConfigName = "ranker-config" });
                Component("Ranker", {|#0:Devices|});
                Component("Small", 1);
            }

            void Component(string id, double devices) {
                var needs = new CfnInferenceComponent.InferenceComponentComputeResourceRequirementsProperty { NumberOfAcceleratorDevicesRequired = devices, MinMemoryRequiredInMb = 2048 };
                new CfnInferenceComponent(this, id, new CfnInferenceComponentProps {
                    EndpointName = "ranker", VariantName = Variant,
                    Specification = new CfnInferenceComponent.InferenceComponentSpecificationProperty { ModelName = "ranker-model", ComputeResourceRequirements = needs },
                    RuntimeConfig = new CfnInferenceComponent.InferenceComponentRuntimeConfigProperty { CopyCount = 1 },
                });
            }
        }
        """,
        Finding("Inference component cannot be placed: each copy needs 2 accelerator devices (NumberOfAcceleratorDevicesRequired) but 'ml.g5.2xlarge' has 1x A10G; " +
                "give a copy at most 1 or choose an instance type with more accelerators"));

    [Test]
    public Task Component_on_another_variant_is_not_judged_on_this_one() => VerifyAsync(
        Component("""InstanceType = "ml.g5.2xlarge", InitialInstanceCount = 1""", "NumberOfAcceleratorDevicesRequired = 2, MinMemoryRequiredInMb = 1024", componentVariant: "Canary"));

    [Test]
    public Task Incomplete_code_does_not_throw()
    {
        var run = AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { Usings + """
            class S : Stack { S(Construct s) : base(s, "s") {
                var endpoint = new CfnEndpoint(this, "Endpoint", new CfnEndpointProps { EndpointConfigName =
                new CfnInferenceComponent(this, "Ranker", new CfnInferenceComponentProps { EndpointName = endpoint., VariantName = ,
                    Specification = new CfnInferenceComponent.InferenceComponentSpecificationProperty { ComputeResourceRequirements = new CfnInferenceComponent.InferenceComponentComputeResourceRequirementsProperty { NumberOfAcceleratorDevicesRequired = 
            """ }), System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new AppRulesAnalyzer()));
        return run.ContinueWith(t => Assert.That(t.Result.Exceptions, Is.Empty));
    }
}
