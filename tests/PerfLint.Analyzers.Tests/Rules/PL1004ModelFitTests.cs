using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL1004: the model a variant serves does not fit (or grossly over-provisions) the instance's accelerator memory.</summary>
public class PL1004ModelFitTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\n";
    private const string Tgi = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04";

    /// <summary>A stack with one model (environment given as C# initializer entries) served on one instance type.</summary>
    private static string Endpoint(string environment, string instanceType) => Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty {
                    Image = "{{Tgi}}",
                    Environment = new Dictionary<string, object> { {{environment}} },
                },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = {{instanceType}}, InitialInstanceCount = 1 } },
            });
        } }
        """;

    /// <summary>The expected diagnostic at the instance type (#<paramref name="instanceType"/>) with the model id as additional location.</summary>
    private static DiagnosticResult Finding(int instanceType, int modelId, DiagnosticSeverity severity, string message) =>
        Verify.Diagnostic(RuleIds.ModelDoesNotFitAccelerator).WithLocation(instanceType).WithLocation(modelId).WithSeverity(severity).WithMessage(message);

    // Messages below are written by hand from the data: model rows of the reference data's ml_model_parameters.csv,
    // accelerator memory and prices of Data/sagemaker-types.csv; GiB = 2^30 bytes, headroom 20% unless set.

    /// <summary>Llama 2 70B (70B, llama2 model card) in fp16 on one A10G: 130 GiB of weights, x 1.2 = 156 GiB.</summary>
    private const string Llama70OnOneA10g =
        "Model does not fit: 'meta-llama/Llama-2-70b-chat-hf' has ~70B parameters (meta-llama/llama-models@a9c89c4:models/llama2/MODEL_CARD.md) x 2 bytes " +
        "(fp16/bf16 (default)) = 130 GiB of weights, 156 GiB with 20% headroom for KV cache and runtime > 1 of 1x A10G on 'ml.g5.2xlarge' = 22.35 GiB; " +
        "choices: even 4-bit quantization (39.12 GiB) does not fit; a larger instance such as 'ml.g7e.12xlarge' (48 vCPU, 512 GiB, 2x RTX PRO 6000 Server (192 GiB), $8.28608/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))";

    [Test]
    public Task Seventy_billion_model_on_one_a10g_does_not_fit() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["HF_MODEL_ID"] = {|#1:"meta-llama/Llama-2-70b-chat-hf"|}""", """{|#0:"ml.g5.2xlarge"|}"""),
        Finding(0, 1, DiagnosticSeverity.Warning, Llama70OnOneA10g));

    [Test]
    public Task Seven_billion_model_on_one_a10g_fits() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["HF_MODEL_ID"] = "mistralai/Mistral-7B-Instruct-v0.2", ["SM_NUM_GPUS"] = "1" """, "\"ml.g5.2xlarge\""));

    // Each of these was once sized by a pattern found inside its id (671B, 176B, 15.5B) and reported as not fitting.
    [TestCase("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "ml.g5.2xlarge")] // 7B: 15.65 GiB with headroom of 22.35
    [TestCase("bigscience/bloom-560m", "ml.g5.xlarge")] // 0.56B: 1.25 GiB
    [TestCase("bigcode/starcoder2-3b", "ml.g5.xlarge")] // 3B: 6.71 GiB
    public Task Small_model_whose_id_names_a_large_family_fits(string modelId, string instanceType) => Verify.VerifyAnalyzerAsync(
        Endpoint($$"""["HF_MODEL_ID"] = "{{modelId}}" """, "\"" + instanceType + "\""));

    [Test]
    public Task Awq_quantization_makes_seventy_billion_fit_on_four_a10g() => Verify.VerifyAnalyzerAsync(
        Endpoint("""{ "HF_MODEL_ID", "meta-llama/Llama-2-70b-chat-hf" }, { "HF_MODEL_QUANTIZE", "awq" }""", "\"ml.g5.12xlarge\""));

    [Test]
    public Task Without_quantization_seventy_billion_does_not_fit_on_four_a10g() => Verify.VerifyAnalyzerAsync(
        Endpoint("""{ "HF_MODEL_ID", {|#1:"meta-llama/Llama-2-70b-chat-hf"|} }""", """{|#0:"ml.g5.12xlarge"|}"""),
        // 4 x 22.3525 = 89.41 GiB; fp8 65.19 GiB x 1.2 = 78.23 GiB fits.
        Finding(0, 1, DiagnosticSeverity.Warning,
            "Model does not fit: 'meta-llama/Llama-2-70b-chat-hf' has ~70B parameters (meta-llama/llama-models@a9c89c4:models/llama2/MODEL_CARD.md) x 2 bytes " +
            "(fp16/bf16 (default)) = 130 GiB of weights, 156 GiB with 20% headroom for KV cache and runtime > 4 of 4x A10G on 'ml.g5.12xlarge' = 89.41 GiB; " +
            "choices: quantize to fp8/int8 (78.23 GiB fits); a larger instance such as 'ml.g7e.12xlarge' (48 vCPU, 512 GiB, 2x RTX PRO 6000 Server (192 GiB), $8.28608/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))"));

    [Test]
    public Task Gpu_count_setting_limits_the_memory_used() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["HF_MODEL_ID"] = {|#1:"meta-llama/Llama-2-13b-chat-hf"|}, ["SM_NUM_GPUS"] = "1" """, """{|#0:"ml.g5.12xlarge"|}"""),
        // 13B x 2 = 24.21 GiB, x 1.2 = 29.06 GiB > one A10G; the cheapest type with 29.06 GiB is ml.g6e.xlarge.
        Finding(0, 1, DiagnosticSeverity.Warning,
            "Model does not fit: 'meta-llama/Llama-2-13b-chat-hf' has ~13B parameters (meta-llama/llama-models@a9c89c4:models/llama2/MODEL_CARD.md) x 2 bytes " +
            "(fp16/bf16 (default)) = 24.21 GiB of weights, 29.06 GiB with 20% headroom for KV cache and runtime > 1 of 4x A10G on 'ml.g5.12xlarge' = 22.35 GiB; " +
            "choices: quantize to fp8/int8 (14.53 GiB fits); shard over all 4 devices (89.41 GiB); " +
            "a larger instance such as 'ml.g6e.xlarge' (4 vCPU, 32 GiB, 1x L40S (44.7 GiB), $1.861/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))"));

    [Test]
    public Task Small_model_on_eight_gpus_is_over_provisioned_info() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["HF_MODEL_ID"] = {|#1:"mistralai/Mistral-7B-Instruct-v0.2"|}""", """{|#0:"ml.g5.48xlarge"|}"""),
        // 7.3B x 2 = 13.6 GiB, x 1.2 = 16.32 GiB = 9.13% of 178.81 GiB.
        Finding(0, 1, DiagnosticSeverity.Info,
            "Accelerator memory over-provisioned: 'mistralai/Mistral-7B-Instruct-v0.2' has ~7.3B parameters (mistral.ai/news/announcing-mistral-7b; paper arXiv:2310.06825) x 2 bytes " +
            "(fp16/bf16 (default)) = 13.6 GiB of weights, 16.32 GiB with 20% headroom for KV cache and runtime uses 9.13% of 179 GiB on 'ml.g5.48xlarge' ($16.288/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)); " +
            "a smaller instance such as 'ml.g6.xlarge' (4 vCPU, 16 GiB, 1x L4 (22.35 GiB), $0.8048/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)) fits, unless a load test shows the throughput needs more"));

    [Test]
    public Task Option_over_provision_ratio_zero_turns_the_info_off() => Verify.VerifyAnalyzerAsync(
        new[] { Endpoint("""["HF_MODEL_ID"] = "mistralai/Mistral-7B-Instruct-v0.2" """, "\"ml.g5.48xlarge\"") },
        "PL1004.over_provision_ratio = 0");

    [Test]
    public Task Option_headroom_makes_a_tight_fit_fail() => Verify.VerifyAnalyzerAsync(
        new[] { Endpoint("""["HF_MODEL_ID"] = {|#1:"mistralai/Mistral-7B-Instruct-v0.2"|}""", """{|#0:"ml.g5.2xlarge"|}""") },
        "PL1004.headroom = 0.8",
        // 13.6 GiB x 1.8 = 24.48 GiB > 22.35 (fits with the default 20%: 16.32 GiB).
        Finding(0, 1, DiagnosticSeverity.Warning,
            "Model does not fit: 'mistralai/Mistral-7B-Instruct-v0.2' has ~7.3B parameters (mistral.ai/news/announcing-mistral-7b; paper arXiv:2310.06825) x 2 bytes " +
            "(fp16/bf16 (default)) = 13.6 GiB of weights, 24.48 GiB with 80% headroom for KV cache and runtime > 1 of 1x A10G on 'ml.g5.2xlarge' = 22.35 GiB; " +
            "choices: quantize to fp8/int8 (12.24 GiB fits); a larger instance such as 'ml.g6e.xlarge' (4 vCPU, 32 GiB, 1x L40S (44.7 GiB), $1.861/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))"));

    [Test]
    public Task Unknown_model_size_is_info_naming_the_option() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["HF_MODEL_ID"] = {|#1:"acme/ranker"|}""", """{|#0:"ml.g5.xlarge"|}"""),
        Finding(0, 1, DiagnosticSeverity.Info,
            "Model size unknown: 'acme/ranker' is not in PerfLint's model table and its name states no size; " +
            "set PL1004.model_parameters = acme/ranker:<billions> to check that it fits 1x A10G (22.35 GiB) on 'ml.g5.xlarge'"));

    // No string of this source sizes a model and no literal is a whole instance type: the gate must still admit it.
    [Test]
    public Task Unknown_model_size_through_a_concatenated_instance_type() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            const string size = "12xlarge";
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty {
                    Image = "{{Tgi}}", Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = {|#1:"acme/ranker"|}, ["SM_NUM_GPUS"] = "2" } },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = {|#0:"ml.g5." + size|}, InitialInstanceCount = 1 } },
            });
        } }
        """,
        // 2 of the 4 A10G: 89.41 / 4 x 2 = 44.705 GiB.
        Finding(0, 1, DiagnosticSeverity.Info,
            "Model size unknown: 'acme/ranker' is not in PerfLint's model table and its name states no size; " +
            "set PL1004.model_parameters = acme/ranker:<billions> to check that it fits 2x A10G (44.71 GiB) on 'ml.g5.12xlarge'"));

    // The usual custom model: an artifact in S3. Its URL names no model, so there is no size to state and no Info.
    [Test]
    public Task Model_artifact_url_of_unknown_size_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{Tgi}}", ModelDataUrl = "s3://models-1/model.tar.gz" },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 } },
            });
        } }
        """);

    [Test]
    public Task Model_artifact_url_named_after_a_table_model_is_judged() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{Tgi}}", ModelDataUrl = {|#1:"s3://b/models/Llama-2-70b-chat-hf/"|} },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = {|#0:"ml.g5.2xlarge"|}, InitialInstanceCount = 1 } },
            });
        } }
        """,
        Finding(0, 1, DiagnosticSeverity.Warning, Llama70OnOneA10g.Replace("'meta-llama/Llama-2-70b-chat-hf'", "'s3://b/models/Llama-2-70b-chat-hf/'")));

    [Test]
    public Task Option_model_parameters_sizes_a_private_model() => Verify.VerifyAnalyzerAsync(
        new[] { Endpoint("""["HF_MODEL_ID"] = {|#1:"acme/private-llm"|}""", """{|#0:"ml.g5.2xlarge"|}""") },
        "PL1004.model_parameters = acme/private-llm:13, other-model:0.5",
        Finding(0, 1, DiagnosticSeverity.Warning,
            "Model does not fit: 'acme/private-llm' has ~13B parameters (stated in PL1004.model_parameters) x 2 bytes (fp16/bf16 (default)) = 24.21 GiB of weights, " +
            "29.06 GiB with 20% headroom for KV cache and runtime > 1 of 1x A10G on 'ml.g5.2xlarge' = 22.35 GiB; choices: quantize to fp8/int8 (14.53 GiB fits); " +
            "a larger instance such as 'ml.g6e.xlarge' (4 vCPU, 32 GiB, 1x L40S (44.7 GiB), $1.861/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))"));

    [Test]
    public Task Option_model_parameters_silences_the_unknown_size_info_when_it_fits() => Verify.VerifyAnalyzerAsync(
        new[] { Endpoint("""["HF_MODEL_ID"] = "acme/ranker" """, "\"ml.g5.xlarge\"") },
        "PL1004.model_parameters = ranker:0.35");

    [Test]
    public Task Model_id_and_instance_type_through_constants_locals_and_a_dictionary_local() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class Models { public const string Org = "meta-llama/"; public const string Llama70 = {|#1:Org + "Llama-2-70b-chat-hf"|}; }
        class S : Stack { S(Construct s) : base(s, "s") {
            var environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = Models.Llama70, ["MAX_INPUT_LENGTH"] = "2048" };
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{Tgi}}", Environment = environment },
            });
            const string size = "2xlarge";
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = {|#0:"ml.g5." + size|}, InitialInstanceCount = 1 } },
            });
        } }
        """, Finding(0, 1, DiagnosticSeverity.Warning, Llama70OnOneA10g));

    [Test]
    public Task Helper_method_reports_at_each_call_site() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack {
            S(Construct s) : base(s, "s") {
                Llm("Big", {|#1:"meta-llama/Llama-2-70b-chat-hf"|}, {|#0:"ml.g5.2xlarge"|});
                Llm("Small", "mistralai/Mistral-7B-Instruct-v0.2", "ml.g5.2xlarge");
            }

            void Llm(string name, string modelId, string instanceType) {
                var model = new CfnModel(this, name, new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty {
                        Image = "{{Tgi}}",
                        Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = modelId },
                    },
                });
                new CfnEndpointConfig(this, name + "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = instanceType, InitialInstanceCount = 1 } },
                });
            }
        }
        """, Finding(0, 1, DiagnosticSeverity.Warning, Llama70OnOneA10g));

    [Test]
    public Task Unresolved_model_and_cpu_instance_are_silent_unknown_size_is_info() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s, string modelFromContext) : base(s, "s") {
            var custom = new CfnModel(this, "Custom", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{Tgi}}", Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = {|#1:"acme/ranker"|} } },
            });
            var unresolved = new CfnModel(this, "Unresolved", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{Tgi}}", Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = modelFromContext } },
            });
            var onCpu = new CfnModel(this, "OnCpu", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{Tgi}}", Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = "meta-llama/Llama-2-70b-chat-hf" } },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] {
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = custom.AttrModelName, VariantName = "A", InstanceType = {|#0:"ml.g5.xlarge"|}, InitialInstanceCount = 1 },
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = unresolved.AttrModelName, VariantName = "B", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 },
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = onCpu.AttrModelName, VariantName = "C", InstanceType = "ml.m5.xlarge", InitialInstanceCount = 1 },
                },
            });
        } }
        """,
        // The GPU image on ml.m5.xlarge is PL1003's, reported by the same analyzer: off here.
        "dotnet_diagnostic.PL1003.severity = none",
        Finding(0, 1, DiagnosticSeverity.Info,
            "Model size unknown: 'acme/ranker' is not in PerfLint's model table and its name states no size; " +
            "set PL1004.model_parameters = acme/ranker:<billions> to check that it fits 1x A10G (22.35 GiB) on 'ml.g5.xlarge'"));

    [Test]
    public async Task Incomplete_code_as_typed_does_not_throw()
    {
        var source = Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var m = new CfnModel(this, "M", new CfnModelProps { PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = , ["SM_NUM_GPUS"] = 
            new CfnEndpointConfig(this, "C", new CfnEndpointConfigProps { ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = m.AttrModelName, InstanceType = "ml.g5.
        """;
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source }),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PerfLint.Analyzers.Rules.AppRulesAnalyzer()));
        Assert.That(run.CompilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), Is.True, "the source is incomplete");
        Assert.That(run.Exceptions, Is.Empty);
    }

    [Test]
    public void Descriptor_is_reported_at_compilation_end_and_links_its_rule_page()
    {
        var descriptor = new PerfLint.Analyzers.Rules.AppRulesAnalyzer().SupportedDiagnostics.Single(d => d.Id == "PL1004");
        Assert.That(descriptor.Id, Is.EqualTo("PL1004"));
        Assert.That(descriptor.CustomTags, Does.Contain(WellKnownDiagnosticTags.CompilationEnd));
        Assert.That(descriptor.HelpLinkUri, Does.EndWith("docs/rules/PL1004.md"));
        var page = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "docs", "rules", "PL1004.md");
        Assert.That(File.Exists(page), Is.True, page);
    }

    [Test]
    public Task No_cdk_referenced_gives_nothing() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        using System.Collections.Generic;
        namespace Amazon.CDK.AWS.Sagemaker { public class CfnEndpointConfig { public string InstanceType { get; set; } = ""; } }
        class S { object M() => new Dictionary<string, object> { ["HF_MODEL_ID"] = "meta-llama/Llama-2-70b-chat-hf", ["T"] = new Amazon.CDK.AWS.Sagemaker.CfnEndpointConfig { InstanceType = "ml.g5.2xlarge" } }; }
        """);
}
