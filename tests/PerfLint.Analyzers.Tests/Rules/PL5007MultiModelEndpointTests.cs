using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL5007: a multi-model endpoint on a GPU instance whose container is a known image other than the SageMaker Triton image.</summary>
public class PL5007MultiModelEndpointTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\n";
    private const string GpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310-cu118-ubuntu20.04-sagemaker";
    private const string CpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310";
    private const string TritonImage = "785573368785.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tritonserver:24.03-py3";

    /// <summary>One model (image, mode) served on one instance type.</summary>
    private static string Endpoint(string image, string mode, string instanceType) => Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = {{image}}, Mode = {{mode}}, ModelDataUrl = "s3://models/" },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = {{instanceType}}, InitialInstanceCount = 1 } },
            });
        } }
        """;

    // Written by hand: ml.g5.xlarge's hardware from Data/sagemaker-types.csv, the Triton repository from Data/sagemaker-limits.csv.
    private static string Message(string image) =>
        "Multi-model endpoint (Mode = MultiModel) on GPU instance 'ml.g5.xlarge' (4 vCPU, 16 GiB, 1x A10G (22.35 GiB)) with image '" + image +
        "': GPU multi-model endpoints are served only by the SageMaker Triton Inference Server image (ECR repository 'sagemaker-tritonserver'); use that image, a CPU instance, or one endpoint per model";

    private static DiagnosticResult Finding(string message, int image, int instanceType) =>
        Verify.Diagnostic(RuleIds.MultiModelEndpointWithoutTriton).WithLocation(image).WithLocation(instanceType).WithSeverity(DiagnosticSeverity.Warning).WithMessage(message);

    [Test]
    public Task Gpu_image_in_multi_model_mode_on_a_gpu_instance_is_reported_on_the_image() => Verify.VerifyAnalyzerAsync(
        Endpoint($"{{|#0:\"{GpuImage}\"|}}", "\"MultiModel\"", "{|#1:\"ml.g5.xlarge\"|}"),
        Finding(Message(GpuImage), 0, 1));

    [Test]
    public Task Triton_image_on_a_gpu_instance_is_silent() => Verify.VerifyAnalyzerAsync(
        Endpoint($"\"{TritonImage}\"", "\"MultiModel\"", "\"ml.g5.xlarge\""));

    [Test]
    public Task Multi_model_on_a_cpu_instance_is_silent() => Verify.VerifyAnalyzerAsync(
        Endpoint($"\"{CpuImage}\"", "\"MultiModel\"", "\"ml.c7i.xlarge\""));

    [Test]
    public Task Single_model_mode_is_silent() => Verify.VerifyAnalyzerAsync(
        Endpoint($"\"{GpuImage}\"", "\"SingleModel\"", "\"ml.g5.xlarge\""));

    [Test]
    public Task Unknown_image_name_is_never_guessed() => Verify.VerifyAnalyzerAsync(
        Endpoint("\"123456789012.dkr.ecr.us-east-1.amazonaws.com/our-model-server:3.2\"", "\"MultiModel\"", "\"ml.g5.xlarge\""));

    [Test]
    public Task Values_through_constants_and_a_helper_are_reported_at_the_call_site() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class Modes { public const string Many = "MultiModel"; }
        class S : Stack {
            private const string Tgi = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04";
            S(Construct s) : base(s, "s") {
                Serve("chat", {|#0:Tgi|}, {|#1:"ml.g5.xlarge"|});
                Serve("triton", "{{TritonImage}}", "ml.g5.xlarge");
            }

            private void Serve(string name, string image, string instanceType)
            {
                var model = new CfnModel(this, name + "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = image, Mode = Modes.Many },
                });
                new CfnEndpointConfig(this, name + "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = instanceType, InitialInstanceCount = 1 } },
                });
            }
        }
        """, Finding(Message("763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04"), 0, 1));

    [Test]
    public Task Incomplete_code_does_not_throw() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = {|CS0103:Missing|}, Mode = "MultiModel" },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = model.AttrModelName, InstanceType = "ml.g5.xlarge" } },
            });
        } }
        """);
}
