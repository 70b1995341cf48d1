using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer, PerfLint.CodeFixes.AsyncInferenceFixer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>
/// PL5005's fix: "Use asynchronous inference" adds an AsyncInferenceConfig skeleton (placeholder S3 path) to the
/// real-time endpoint configs serving the model; the fixed code compiles and PL5005 no longer fires (async is not real-time).
/// </summary>
public class PL5005AsyncInferenceFixerTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\n";

    // Written by hand from Data/sagemaker-limits.csv: real-time 60 s; asynchronous 1 GB and 3600 s.
    private const string Timeout300 =
        "SAGEMAKER_MODEL_SERVER_TIMEOUT = 300 s on a real-time endpoint, but a real-time invocation ends after 60 s: the caller gets an error while the worker keeps running; use asynchronous inference (AsyncInferenceConfig: requests up to 1 GB, processing up to 3600 s)";

    private static DiagnosticResult Finding(int location) =>
        Verify.Diagnostic(RuleIds.RealTimeEndpointBeyondLimits).WithLocation(location).WithSeverity(DiagnosticSeverity.Warning).WithMessage(Timeout300);

    private const string Model = """
                var model = new CfnModel(this, "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty {
                        Image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310",
                        Environment = new Dictionary<string, object> { ["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = {|#0:"300"|} },
                    },
                });
        """;

    private static string Stack(string body) => Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{body}}
        } }
        """;

    [Test]
    public Task Adds_the_async_skeleton_to_the_config_serving_the_model() => Verify.VerifyCodeFixAsync(Stack(Model + """
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 } },
                });
        """), new[] { Finding(0) }, Stack(Model.Replace("{|#0:\"300\"|}", "\"300\"") + """
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 } },
                    AsyncInferenceConfig = new CfnEndpointConfig.AsyncInferenceConfigProperty { OutputConfig = new CfnEndpointConfig.AsyncInferenceOutputConfigProperty { S3OutputPath = "s3://TODO-bucket/async-output/" } },
                });
        """));

    // The config names the model by its literal name; a config serving another model is left alone.
    [Test]
    public Task Config_naming_the_model_by_name_gets_it_and_another_models_config_does_not() => Verify.VerifyCodeFixAsync(Stack(Model.Replace("ExecutionRoleArn", "ModelName = \"llm\", ExecutionRoleArn") + """
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps { ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = "llm", VariantName = "A", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 } } });
                new CfnEndpointConfig(this, "Other", new CfnEndpointConfigProps { ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = "other", VariantName = "A", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 } } });
        """), new[] { Finding(0) }, Stack(Model.Replace("ExecutionRoleArn", "ModelName = \"llm\", ExecutionRoleArn").Replace("{|#0:\"300\"|}", "\"300\"") + """
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps { ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = "llm", VariantName = "A", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 } }, AsyncInferenceConfig = new CfnEndpointConfig.AsyncInferenceConfigProperty { OutputConfig = new CfnEndpointConfig.AsyncInferenceOutputConfigProperty { S3OutputPath = "s3://TODO-bucket/async-output/" } } });
                new CfnEndpointConfig(this, "Other", new CfnEndpointConfigProps { ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = "other", VariantName = "A", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 } } });
        """));

    // The value lives in a constant outside the model's creation: the fix would not be where the author looks.
    [Test]
    public Task No_fix_when_the_setting_is_written_outside_the_model() => Verify.VerifyNoFixAsync(Usings + """
        static class Serving { public const string Timeout = {|#0:"300"|}; }
        class S : Stack { S(Construct s) : base(s, "s") {
                var model = new CfnModel(this, "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty {
                        Image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310",
                        Environment = new Dictionary<string, object> { ["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = Serving.Timeout },
                    },
                });
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps { ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = model.AttrModelName, VariantName = "A", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 } } });
        } }
        """, Finding(0));

    // The config's props are built elsewhere (a local): there is no initializer of the config to extend here.
    [Test]
    public Task No_fix_when_the_configs_props_are_not_written_inline() => Verify.VerifyNoFixAsync(Stack(Model + """
                var props = new CfnEndpointConfigProps { ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = model.AttrModelName, VariantName = "A", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 } } };
                new CfnEndpointConfig(this, "Config", props);
        """), Finding(0));
}
