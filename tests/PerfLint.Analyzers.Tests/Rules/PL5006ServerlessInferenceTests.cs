using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL5006: a serverless variant with a GPU image, a model larger than its memory, or more provisioned than maximum concurrency.</summary>
public class PL5006ServerlessInferenceTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\n";
    private const string CpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-transformers4.37.0-cpu-py310-ubuntu22.04";
    private const string GpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04";
    private const string NeuronImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference-neuronx:1.13.1-neuronx-py310-sdk2.18.0-ubuntu20.04";

    /// <summary>One model (image, environment entries) served by one serverless variant (<paramref name="serverless"/>: ServerlessConfigProperty members).</summary>
    private static string Endpoint(string image, string environment, string serverless) => Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty {
                    Image = {{image}},
                    Environment = new Dictionary<string, object> { {{environment}} },
                },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic",
                    ServerlessConfig = new CfnEndpointConfig.ServerlessConfigProperty { {{serverless}} } } },
            });
        } }
        """;

    private static DiagnosticResult Finding(string message, params int[] locations) =>
        Verify.Finding(RuleIds.ServerlessInferenceCannotWork, DiagnosticSeverity.Warning, message, locations);

    // Messages written by hand from Data/sagemaker-limits.csv (MaxConcurrency at most 200, memory 1024-6144 MB) and the
    // model rows of Data/model-parameters.csv; GiB = 2^30 bytes, MemorySizeInMB / 1024 = GiB.

    [Test]
    public Task Provisioned_above_max_concurrency_is_reported_on_the_provisioned_value() => Verify.VerifyAnalyzerAsync(
        Endpoint($"\"{CpuImage}\"", "", "MaxConcurrency = {|#1:20|}, MemorySizeInMb = 2048, ProvisionedConcurrency = {|#0:50|}"),
        Finding("ProvisionedConcurrency = 50 is above MaxConcurrency = 20: SageMaker requires ProvisionedConcurrency <= MaxConcurrency (at most 200); lower ProvisionedConcurrency or raise MaxConcurrency", 0, 1));

    [Test]
    public Task Provisioned_equal_to_max_and_cpu_images_are_silent() => Verify.VerifyAnalyzerAsync(
        Endpoint($"\"{CpuImage}\"", """["HF_MODEL_ID"] = "bigscience/bloom-560m" """, "MaxConcurrency = 20, MemorySizeInMb = 2048, ProvisionedConcurrency = 20"));

    [Test]
    public Task Gpu_image_is_reported_on_the_image() => Verify.VerifyAnalyzerAsync(
        Endpoint($"{{|#0:\"{GpuImage}\"|}}", "", "MaxConcurrency = 5, MemorySizeInMb = 4096"),
        Finding("Container image '" + GpuImage + "' is a CUDA/GPU image on a serverless endpoint, and serverless inference has no GPUs; use a CPU image, or an instance-based endpoint on a GPU instance", 0));

    [Test]
    public Task Neuron_and_unknown_images_are_not_judged() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var neuron = new CfnModel(this, "Neuron", new CfnModelProps { ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{NeuronImage}}" } });
            var custom = new CfnModel(this, "Custom", new CfnModelProps { ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/scorer:latest" } });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] {
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = neuron.AttrModelName, VariantName = "A",
                        ServerlessConfig = new CfnEndpointConfig.ServerlessConfigProperty { MaxConcurrency = 5, MemorySizeInMb = 4096 } },
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = custom.AttrModelName, VariantName = "B",
                        ServerlessConfig = new CfnEndpointConfig.ServerlessConfigProperty { MaxConcurrency = 5, MemorySizeInMb = 4096 } },
                },
            });
        } }
        """);

    [Test]
    public Task Model_larger_than_the_largest_memory_is_reported_on_the_model_id() => Verify.VerifyAnalyzerAsync(
        Endpoint($"\"{CpuImage}\"", """["HF_MODEL_ID"] = {|#0:"meta-llama/Meta-Llama-3-8B"|}""", "MaxConcurrency = 5, MemorySizeInMb = {|#1:6144|}"),
        // 8B x 2 bytes = 16e9 bytes = 14.9 GiB > 6 GiB.
        Finding("Model does not fit serverless memory: 'meta-llama/Meta-Llama-3-8B' has ~8B parameters (meta-llama/llama-models@a9c89c4:models/llama3/MODEL_CARD.md) x 2 bytes " +
                "(fp16/bf16 (default)) = 14.9 GiB of weights > MemorySizeInMB = 6144 (6 GiB); serverless memory ends at 6144 MB: serve it on an instance-based endpoint", 0, 1));

    [Test]
    public Task Model_that_fits_a_larger_memory_size_gets_that_advice() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class Sizes { public const int Small = 2048; }
        class S : Stack {
            private const string Model = {|#0:"bigcode/starcoder2-3b"|};
            S(Construct s) : base(s, "s") {
                var model = new CfnModel(this, "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{CpuImage}}", Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = Model } },
                });
                Serverless(model.AttrModelName, {|#1:Sizes.Small|});
            }

            private void Serverless(string modelName, int memory) =>
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = modelName, VariantName = "AllTraffic",
                        ServerlessConfig = new CfnEndpointConfig.ServerlessConfigProperty { MaxConcurrency = 5, MemorySizeInMb = memory } } },
                });
        }
        """,
        // 3B x 2 bytes = 5.59 GiB > 2 GiB, but fits 6144 MB.
        Finding("Model does not fit serverless memory: 'bigcode/starcoder2-3b' has ~3B parameters (StarCoder 2 paper arXiv:2402.19173 (3B, 7B, 15B)) x 2 bytes " +
                "(fp16/bf16 (default)) = 5.59 GiB of weights > MemorySizeInMB = 2048 (2 GiB); raise MemorySizeInMB (up to 6144 MB), or serve it on an instance-based endpoint", 0, 1));

    [Test]
    public Task Instance_based_variant_is_not_judged() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps { ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{GpuImage}}" } });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 } },
            });
        } }
        """);

    [Test]
    public Task Incomplete_code_does_not_throw() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ServerlessConfig = new CfnEndpointConfig.ServerlessConfigProperty { MaxConcurrency = {|CS0103:Missing|}, ProvisionedConcurrency = 3 } } },
            });
        } }
        """);
}
