using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.ValueFlow;

/// <summary>The whole-app rules read construct props through the same value flow: settings records, switch arms, dictionary entries.</summary>
public class AppModelFlowTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\n";
    private const string Tgi = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04";

    /// <summary>As PL1004ModelFitTests: Llama 2 70B in fp16 on one A10G.</summary>
    private const string Llama70OnOneA10g =
        "Model does not fit: 'meta-llama/Llama-2-70b-chat-hf' has ~70B parameters (meta-llama/llama-models@a9c89c4:models/llama2/MODEL_CARD.md) x 2 bytes " +
        "(fp16/bf16 (default)) = 130 GiB of weights, 156 GiB with 20% headroom for KV cache and runtime > 1 of 1x A10G on 'ml.g5.2xlarge' = 22.35 GiB; " +
        "choices: even 4-bit quantization (39.12 GiB) does not fit; a larger instance such as 'ml.g7e.12xlarge' (48 vCPU, 512 GiB, 2x RTX PRO 6000 Server (192 GiB), $8.28608/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))";

    private static string Endpoint(string modelId, string instanceType, string types) => Usings + $$"""
        class S : Stack { S(Construct s, string stage) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty {
                    Image = "{{Tgi}}",
                    Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = {{modelId}} },
                },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = {{instanceType}}, InitialInstanceCount = 1 } },
            });
        } }
        {{types}}
        """;

    [Test]
    public Task Instance_type_from_a_record_and_model_from_the_switch_arm_a_known_stage_takes() => Verify.VerifyAnalyzerAsync(Endpoint(
        "Serving.ModelFor(\"prod\")",
        "Serving.Prod.InstanceType",
        """
        record Serving(string InstanceType)
        {
            public static readonly Serving Prod = new({|#0:"ml.g5.2xlarge"|});
            public static string ModelFor(string stage) => stage switch { "prod" => {|#1:"meta-llama/Llama-2-70b-chat-hf"|}, _ => "mistralai/Mistral-7B-Instruct-v0.2" };
        }
        """),
        Verify.Diagnostic(RuleIds.ModelDoesNotFitAccelerator).WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Warning).WithMessage(Llama70OnOneA10g));

    [Test]
    public Task A_model_id_that_is_a_choice_of_several_stays_silent() => Verify.VerifyAnalyzerAsync(Endpoint(
        """stage switch { "prod" => "meta-llama/Llama-2-70b-chat-hf", _ => "mistralai/Mistral-7B-Instruct-v0.2" }""", "\"ml.g5.2xlarge\"", ""));

    /// <summary>Each candidate instance type is judged on its own arm; the arm that fits (Mistral 7B on one A10G) is silent.</summary>
    [Test]
    public Task Each_candidate_instance_type_of_a_switch_is_judged_at_its_arm_with_its_branch() => Verify.VerifyAnalyzerAsync(Endpoint(
        "{|#1:\"meta-llama/Llama-2-70b-chat-hf\"|}",
        """stage switch { "prod" => {|#0:"ml.g5.2xlarge"|}, _ => "ml.g6e.12xlarge" }""", ""),
        Verify.Diagnostic(RuleIds.ModelDoesNotFitAccelerator).WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Warning)
            .WithMessage(Llama70OnOneA10g + " (when stage is \"prod\")"));

    /// <summary>PL1003 on a candidate: reported at the candidate (the image, shared by every candidate, is related). Message as in PL1003ImageAcceleratorMismatchTests.</summary>
    [Test]
    public Task A_GPU_image_on_a_CPU_candidate_is_reported_at_that_candidate() => Verify.VerifyAnalyzerAsync(Endpoint(
        "\"mistralai/Mistral-7B-Instruct-v0.2\"",
        """stage == "prod" ? "ml.g5.2xlarge" : {|#0:"ml.m5.xlarge"|}""", "").Replace("Image = \"" + Tgi + "\"", "Image = {|#1:\"" + Tgi + "\"|}"),
        Verify.Diagnostic(RuleIds.ImageAcceleratorMismatch).WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Warning)
            .WithMessage("Container image '" + Tgi + "' is a CUDA/GPU image on 'ml.m5.xlarge', which has no GPU: it fails or falls back to slow CPU kernels; " +
                "use a GPU instance (g6, g5, p5) or a CPU image (when stage == \"prod\" is false)"));

    [Test]
    public Task Candidates_that_all_fit_are_silent_and_an_unknown_arm_adds_none() => Verify.VerifyAnalyzerAsync(Endpoint(
        "\"mistralai/Mistral-7B-Instruct-v0.2\"",
        """stage switch { "prod" => "ml.g5.2xlarge", "dev" => System.Environment.GetEnvironmentVariable("TYPE")!, _ => "ml.g6.xlarge" }""", ""));

    /// <summary>PL2002 judges each candidate type of a group (message as in CdkContextTests' PL2002 case); the current general-purpose arm is silent.</summary>
    [Test]
    public Task Each_candidate_instance_type_of_an_Auto_Scaling_group_is_judged_at_its_arm() => Verify.VerifyAnalyzerAsync(TestReferences.CdkUsings + "using Amazon.CDK.AWS.AutoScaling;\n" + """
        class S : Stack { S(Construct s, string stage) : base(s, "s") {
            new AutoScalingGroup(this, "Trainers", new AutoScalingGroupProps {
                Vpc = new Vpc(this, "Vpc"), MachineImage = MachineImage.LatestAmazonLinux2(), MinCapacity = 2, MaxCapacity = 4,
                InstanceType = new InstanceType(stage switch { "train" => {|#0:"p4d.24xlarge"|}, _ => "m7i.large" }),
            });
        } }
        """,
        Verify.Diagnostic(RuleIds.FleetWithoutClusterPlacementGroup).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
            .WithMessage("Up to 4 'p4d.24xlarge' instances (96 vCPU, 1152 GiB, 8x A100 (320 GiB)) run without a cluster placement group: collective operations " +
                "between them cross the wider AZ network; add a placement group with strategy 'cluster' (when stage is \"train\")"),
        Verify.Diagnostic(RuleIds.AcceleratedFleetWithoutEfa).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
            .WithMessage("Up to 4 'p4d.24xlarge' instances (96 vCPU, 1152 GiB, 8x A100 (320 GiB)) have no EFA network interface: collective operations between them run over the TCP stack; " +
                "'p4d.24xlarge' supports up to 4 EFA interfaces and has 400 Gbps of network bandwidth (Karpenter instance-type reference, checked 2026-12-05); give the launch template a network interface with InterfaceType 'efa' (when stage is \"train\")"));

    [Test]
    public Task Instance_type_from_a_dictionary_whose_entries_all_fit_is_silent() => Verify.VerifyAnalyzerAsync(Endpoint(
        "\"meta-llama/Llama-2-70b-chat-hf\"",
        "Types[stage]",
        """static class Holder { }"""
    ).Replace("class S : Stack {", """class S : Stack { static readonly Dictionary<string, string> Types = new() { ["prod"] = "ml.g6e.12xlarge", ["dev"] = "ml.g6e.24xlarge" };"""));
}
