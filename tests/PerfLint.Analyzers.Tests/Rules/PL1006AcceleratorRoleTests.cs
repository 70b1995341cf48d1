using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL1006: training on inference accelerators (Step Functions SageMakerCreateTrainingJob), serving a small model on a training instance.</summary>
public class PL1006AcceleratorRoleTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\nusing Tasks = Amazon.CDK.AWS.StepFunctions.Tasks;\n";

    /// <summary>A training task whose <c>ResourceConfig</c> is <paramref name="resourceConfig"/> (C#, or nothing for CDK's default).</summary>
    private static string TrainingTask(string id, string resourceConfig) => $$"""
                new Tasks.SageMakerCreateTrainingJob(this, "{{id}}", new Tasks.SageMakerCreateTrainingJobProps {
                    TrainingJobName = "{{id}}",
                    AlgorithmSpecification = new Tasks.AlgorithmSpecification {
                        TrainingImage = Tasks.DockerImage.FromRegistry("123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:1"), TrainingInputMode = Tasks.InputMode.FILE },
                    InputDataConfig = new[] { new Tasks.Channel { ChannelName = "train", DataSource = new Tasks.DataSource {
                        S3DataSource = new Tasks.S3DataSource { S3Location = Tasks.S3Location.FromJsonExpression("$.TrainUri") } } } },
                    OutputDataConfig = new Tasks.OutputDataConfig { S3OutputLocation = Tasks.S3Location.FromJsonExpression("$.OutUri") },{{resourceConfig}}
                });
        """;

    private static string Config(string instanceType) => $$"""

                    ResourceConfig = new Tasks.ResourceConfig { InstanceCount = 1, InstanceType = {{instanceType}}, VolumeSize = Size.Gibibytes(50) },
        """;

    private static string Stack(string body) => Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{body}}
        } }
        """;

    /// <summary>A model (environment as initializer entries, or a model artifact) served on one instance type; an unknown private image keeps PL1003 silent.</summary>
    private static string Endpoint(string container, string instanceType) => Stack($$"""
                var model = new CfnModel(this, "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/our-server:1", {{container}} },
                });
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = {{instanceType}}, InitialInstanceCount = 1 } },
                });
        """);

    private const string Mistral = """Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = {|#1:"mistralai/Mistral-7B-Instruct-v0.2"|} }""";

    // PL1004's own over-provisioning info is turned off so that each test shows PL1006 alone.
    private const string NoPl1004Info = "PL1004.over_provision_ratio = 0";

    // Written by hand from Data/accelerator-roles.csv (inf1 inference only; inf2 inference; trn1, trn1n, trn2 training,
    // their chips AWS Trainium and AWS Trainium2).
    private const string Inf1Training =
        "Training job on 'ml.inf1.xlarge': AWS Inferentia supports inference only, so the job cannot train there; train on a training accelerator (AWS Trainium, AWS Trainium2) or a GPU type";

    private static string Inf2Training(string type) =>
        "Training job on '" + type + "': AWS Inferentia2 is an inference accelerator; AWS's training accelerators are AWS Trainium, AWS Trainium2: benchmark the job there";

    private static DiagnosticResult Finding(DiagnosticSeverity severity, string message, params int[] locations) =>
        Verify.Finding(RuleIds.AcceleratorRoleMismatch, severity, message, locations);

    [Test]
    public Task Training_task_on_inferentia_is_a_warning_on_the_instance_type() => Verify.VerifyAnalyzerAsync(
        Stack(TrainingTask("Train", Config("InstanceType.Of({|#0:InstanceClass.INF1|}, InstanceSize.XLARGE)"))),
        Finding(DiagnosticSeverity.Warning, Inf1Training, 0));

    [Test]
    public Task Training_task_on_inferentia2_is_info() => Verify.VerifyAnalyzerAsync(
        Stack(TrainingTask("Train", Config("new InstanceType({|#0:\"inf2.xlarge\"|})"))),
        Finding(DiagnosticSeverity.Info, Inf2Training("ml.inf2.xlarge"), 0));

    [Test]
    public Task Training_type_written_with_the_ml_prefix_is_read_as_meant() => Verify.VerifyAnalyzerAsync(
        Stack(TrainingTask("Train", Config("new InstanceType({|#0:\"ml.inf2.8xlarge\"|})"))),
        Finding(DiagnosticSeverity.Info, Inf2Training("ml.inf2.8xlarge"), 0));

    [Test]
    [TestCase("InstanceType.Of(InstanceClass.TRN1, InstanceSize.XLARGE2)")]
    [TestCase("new InstanceType(\"p4d.24xlarge\")")]
    [TestCase("InstanceType.Of(InstanceClass.M5, InstanceSize.XLARGE)")]
    public Task Training_on_training_gpu_and_cpu_types_is_silent(string instanceType) => Verify.VerifyAnalyzerAsync(
        Stack(TrainingTask("Train", Config(instanceType))));

    [Test]
    public Task Training_task_with_cdk_default_resources_is_silent() => Verify.VerifyAnalyzerAsync(
        Stack(TrainingTask("Train", string.Empty)));

    [Test]
    public Task Training_type_through_a_constant_and_a_helper_is_reported_on_the_constant() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class Types { public const string Cheap = {|#0:"inf1.xlarge"|}; }
        class S : Stack {
            S(Construct s) : base(s, "s") {
                Train("A", Types.Cheap);
                Train("B", "trn1.2xlarge");
            }

            private void Train(string id, string type)
            {
                var config = new Tasks.ResourceConfig { InstanceCount = 1, InstanceType = new InstanceType(type), VolumeSize = Size.Gibibytes(50) };
        {{TrainingTask("id", "\n            ResourceConfig = config,").Replace("\"id\"", "id")}}
            }
        }
        """, Finding(DiagnosticSeverity.Warning, Inf1Training, 0));

    [Test]
    public Task Incomplete_training_task_does_not_throw() => Verify.VerifyAnalyzerAsync(Stack("""
                new Amazon.CDK.AWS.StepFunctions.Tasks.SageMakerCreateTrainingJob(this, "Train", {|CS1503:null as string|});
                new Amazon.CDK.AWS.StepFunctions.Tasks.ResourceConfig { InstanceType = new InstanceType("inf1.xlarge") };
        """));

    // Mistral 7B: 7.3B x 2 bytes = 13.6 GiB of weights, x 1.2 = 16.32 GiB (PL1004's math); ml.p4de.24xlarge has
    // 8x A100 = 640 GiB (Data/sagemaker-types.csv), 640 >= 4 x 16.32. The GPU hosting types whose total accelerator
    // memory is at least 16.32 GiB, smallest first (then by name), offered and not superseded: see the message.
    [Test]
    public Task Small_model_on_a_training_gpu_instance_is_info_with_candidates() => Verify.VerifyAnalyzerAsync(
        new[] { Endpoint(Mistral, """{|#0:"ml.p4de.24xlarge"|}""") }, NoPl1004Info,
        Finding(DiagnosticSeverity.Info,
            "Training instance serving a model that fits a much smaller one: 'mistralai/Mistral-7B-Instruct-v0.2' needs 16.32 GiB (~7.3B parameters x 2 bytes (fp16/bf16 (default)) + 20% headroom), " +
            "at most 1/4 of the 640 GiB of 8x A100 on 'ml.p4de.24xlarge', a training instance; benchmark inference instances whose accelerators hold it: " +
            "'ml.g5.xlarge' (4 vCPU, 16 GiB, 1x A10G (22.35 GiB)), 'ml.g6.xlarge' (4 vCPU, 16 GiB, 1x L4 (22.35 GiB)), 'ml.g5.2xlarge' (8 vCPU, 32 GiB, 1x A10G (22.35 GiB))", 0, 1));

    // ml.trn1.32xlarge: 16x Trainium, 512 GiB. Candidates are Inferentia2 hosting types (NeuronCore-v2, as Trainium):
    // ml.inf2.xlarge and ml.inf2.8xlarge (1x 32 GiB), then ml.inf2.24xlarge (6x, 192 GiB), by accelerator memory, then vCPUs.
    [Test]
    public Task Small_model_on_trainium_is_info_with_inferentia2_candidates() => Verify.VerifyAnalyzerAsync(
        new[] { Endpoint(Mistral, """{|#0:"ml.trn1.32xlarge"|}""") }, NoPl1004Info,
        Finding(DiagnosticSeverity.Info,
            "Training instance serving a model that fits a much smaller one: 'mistralai/Mistral-7B-Instruct-v0.2' needs 16.32 GiB (~7.3B parameters x 2 bytes (fp16/bf16 (default)) + 20% headroom), " +
            "at most 1/4 of the 512 GiB of 16x AWS Trainium on 'ml.trn1.32xlarge', a training instance; benchmark inference instances whose accelerators hold it: " +
            "'ml.inf2.xlarge' (4 vCPU, 16 GiB, 1x AWS Inferentia2 (32 GiB)), 'ml.inf2.8xlarge' (32 vCPU, 128 GiB, 1x AWS Inferentia2 (32 GiB)), 'ml.inf2.24xlarge' (96 vCPU, 384 GiB, 6x AWS Inferentia2 (192 GiB))", 0, 1));

    // Llama 2 70B: 70B x 2 bytes = 130.39 GiB, x 1.2 = 156.46 GiB; 640 / 156.46 = 4.09: reported at the default ratio 4, not at 5.
    [Test]
    public Task Option_much_smaller_ratio_raises_the_bar() => Verify.VerifyAnalyzerAsync(
        new[] { Endpoint("""Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = "meta-llama/Llama-2-70b-chat-hf" }""", "\"ml.p4de.24xlarge\"") },
        NoPl1004Info + "\nPL1006.much_smaller_ratio = 5");

    [Test]
    public Task Model_that_needs_a_large_share_of_the_instance_is_silent() => Verify.VerifyAnalyzerAsync(
        Endpoint(Mistral.Replace("{|#1:", string.Empty).Replace("|}", string.Empty), "\"ml.trn1.2xlarge\""));

    [Test]
    public Task Model_of_unknown_size_is_silent() => Verify.VerifyAnalyzerAsync(
        new[] { Endpoint("ModelDataUrl = \"s3://models/custom/model.tar.gz\"", "\"ml.p4de.24xlarge\"") }, NoPl1004Info);

    [Test]
    public Task Small_model_on_an_inference_gpu_instance_is_silent() => Verify.VerifyAnalyzerAsync(
        new[] { Endpoint(Mistral.Replace("{|#1:", string.Empty).Replace("|}", string.Empty), "\"ml.g5.48xlarge\"") }, NoPl1004Info);
}
