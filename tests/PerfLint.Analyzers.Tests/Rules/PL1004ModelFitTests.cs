using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.ModelFitAnalyzer>;

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

    /// <summary>The expected diagnostic: the knowledge base's decision for the same deployment (message and severity).</summary>
    private static DiagnosticResult Fit(int instanceType, int modelId, string type, Dictionary<string, string> environment, RuleOptions? options = null)
    {
        var finding = ModelFitRule.Evaluate(new ModelDeployment(null, type, environment), options);
        Assert.That(finding, Is.Not.Null, "the knowledge base must judge this deployment");
        return Verify.Diagnostic(RuleIds.ModelDoesNotFitAccelerator)
            .WithLocation(instanceType).WithLocation(modelId)
            .WithSeverity(finding!.Severity == RuleSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info)
            .WithMessage(finding.Message);
    }

    [Test]
    public Task Seventy_billion_model_on_one_a10g_does_not_fit() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["HF_MODEL_ID"] = {|#1:"meta-llama/Llama-2-70b-chat-hf"|}""", """{|#0:"ml.g5.2xlarge"|}"""),
        Fit(0, 1, "ml.g5.2xlarge", new() { ["HF_MODEL_ID"] = "meta-llama/Llama-2-70b-chat-hf" }));

    [Test]
    public Task Seven_billion_model_on_one_a10g_fits() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["HF_MODEL_ID"] = "mistralai/Mistral-7B-Instruct-v0.2", ["SM_NUM_GPUS"] = "1" """, "\"ml.g5.2xlarge\""));

    [Test]
    public Task Awq_quantization_makes_seventy_billion_fit_on_four_a10g() => Verify.VerifyAnalyzerAsync(
        Endpoint("""{ "HF_MODEL_ID", "meta-llama/Llama-2-70b-chat-hf" }, { "HF_MODEL_QUANTIZE", "awq" }""", "\"ml.g5.12xlarge\""));

    [Test]
    public Task Without_quantization_seventy_billion_does_not_fit_on_four_a10g() => Verify.VerifyAnalyzerAsync(
        Endpoint("""{ "HF_MODEL_ID", {|#1:"meta-llama/Llama-2-70b-chat-hf"|} }""", """{|#0:"ml.g5.12xlarge"|}"""),
        Fit(0, 1, "ml.g5.12xlarge", new() { ["HF_MODEL_ID"] = "meta-llama/Llama-2-70b-chat-hf" }));

    [Test]
    public Task Gpu_count_setting_limits_the_memory_used() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["HF_MODEL_ID"] = {|#1:"meta-llama/Llama-2-13b-chat-hf"|}, ["SM_NUM_GPUS"] = "1" """, """{|#0:"ml.g5.12xlarge"|}"""),
        Fit(0, 1, "ml.g5.12xlarge", new() { ["HF_MODEL_ID"] = "meta-llama/Llama-2-13b-chat-hf", ["SM_NUM_GPUS"] = "1" }));

    [Test]
    public Task Small_model_on_eight_gpus_is_over_provisioned_info() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["HF_MODEL_ID"] = {|#1:"mistralai/Mistral-7B-Instruct-v0.2"|}""", """{|#0:"ml.g5.48xlarge"|}"""),
        Fit(0, 1, "ml.g5.48xlarge", new() { ["HF_MODEL_ID"] = "mistralai/Mistral-7B-Instruct-v0.2" }));

    [Test]
    public Task Option_over_provision_ratio_zero_turns_the_info_off() => Verify.VerifyAnalyzerAsync(
        new[] { Endpoint("""["HF_MODEL_ID"] = "mistralai/Mistral-7B-Instruct-v0.2" """, "\"ml.g5.48xlarge\"") },
        "PL1004.over_provision_ratio = 0");

    [Test]
    public Task Option_headroom_makes_a_tight_fit_fail()
    {
        var environment = new Dictionary<string, string> { ["HF_MODEL_ID"] = "mistralai/Mistral-7B-Instruct-v0.2" };
        var options = new RuleOptions(key => key == RuleOptions.HeadroomKey ? "0.8" : null);
        Assert.That(ModelFitRule.Evaluate(new ModelDeployment(null, "ml.g5.2xlarge", environment)), Is.Null, "fits with the default headroom");
        return Verify.VerifyAnalyzerAsync(
            new[] { Endpoint("""["HF_MODEL_ID"] = {|#1:"mistralai/Mistral-7B-Instruct-v0.2"|}""", """{|#0:"ml.g5.2xlarge"|}""") },
            "PL1004.headroom = 0.8",
            Fit(0, 1, "ml.g5.2xlarge", environment, options));
    }

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
        """, Fit(0, 1, "ml.g5.2xlarge", new() { ["HF_MODEL_ID"] = "meta-llama/Llama-2-70b-chat-hf", ["MAX_INPUT_LENGTH"] = "2048" }));

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
        """, Fit(0, 1, "ml.g5.2xlarge", new() { ["HF_MODEL_ID"] = "meta-llama/Llama-2-70b-chat-hf" }));

    [Test]
    public Task Unknown_model_cpu_instance_and_unresolved_values_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s, string modelFromContext) : base(s, "s") {
            var custom = new CfnModel(this, "Custom", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{Tgi}}", Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = "acme/ranker" } },
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
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = custom.AttrModelName, VariantName = "A", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 },
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = unresolved.AttrModelName, VariantName = "B", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 },
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = onCpu.AttrModelName, VariantName = "C", InstanceType = "ml.m5.xlarge", InitialInstanceCount = 1 },
                },
            });
        } }
        """);

    [Test]
    public async Task Incomplete_code_as_typed_does_not_throw()
    {
        var source = Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var m = new CfnModel(this, "M", new CfnModelProps { PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = , ["SM_NUM_GPUS"] = 
            new CfnEndpointConfig(this, "C", new CfnEndpointConfigProps { ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = m.AttrModelName, InstanceType = "ml.g5.
        """;
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source }),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PerfLint.Analyzers.Rules.ModelFitAnalyzer()));
        Assert.That(run.CompilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), Is.True, "the source is incomplete");
        Assert.That(run.Exceptions, Is.Empty);
    }

    [Test]
    public void Descriptor_is_reported_at_compilation_end_and_links_its_rule_page()
    {
        var descriptor = new PerfLint.Analyzers.Rules.ModelFitAnalyzer().SupportedDiagnostics.Single();
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
