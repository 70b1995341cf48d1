using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL5005: a real-time endpoint's model server set to wait longer than 60 s or accept more than 6 MB.</summary>
public class PL5005RealTimeEndpointLimitsTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\n";
    private const string Image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310";

    // Messages written by hand from Data/sagemaker-limits.csv: real-time 60 s and 6 MB (6 x 1,048,576 bytes),
    // asynchronous 1 GB and 3600 s.
    private const string Async = "; use asynchronous inference (AsyncInferenceConfig: requests up to 1 GB, processing up to 3600 s)";
    private const string Timeout300 =
        "SAGEMAKER_MODEL_SERVER_TIMEOUT = 300 s on a real-time endpoint, but a real-time invocation ends after 60 s: the caller gets an error while the worker keeps running" + Async;
    private const string Request100Mb =
        "TS_MAX_REQUEST_SIZE = 104857600 bytes (100 MB) on a real-time endpoint, but a real-time request carries at most 6 MB: larger ones are refused before they reach the container" + Async;

    /// <summary>One model with <paramref name="environment"/> (C# dictionary entries) served by a config with <paramref name="configExtra"/> props.</summary>
    private static string Endpoint(string environment, string configExtra = "", string variantExtra = "InstanceType = \"ml.c7i.xlarge\", InitialInstanceCount = 1") => Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty {
                    Image = "{{Image}}",
                    Environment = new Dictionary<string, object> { {{environment}} },
                },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", {{variantExtra}} } },
                {{configExtra}}
            });
        } }
        """;

    private static DiagnosticResult Finding(int location, string message) =>
        Verify.Diagnostic(RuleIds.RealTimeEndpointBeyondLimits).WithLocation(location).WithSeverity(DiagnosticSeverity.Warning).WithMessage(message);

    [Test]
    public Task Timeout_above_sixty_seconds_is_reported_on_the_value() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = {|#0:"300"|}"""),
        Finding(0, Timeout300));

    [Test]
    public Task Request_size_above_six_megabytes_is_reported() => Verify.VerifyAnalyzerAsync(
        Endpoint("""{ "TS_MAX_REQUEST_SIZE", {|#0:"104857600"|} }"""),
        Finding(0, Request100Mb));

    [Test]
    public Task Timeout_of_sixty_seconds_and_small_requests_are_silent() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["TS_DEFAULT_RESPONSE_TIMEOUT"] = "60", ["MMS_MAX_REQUEST_SIZE"] = "6291456", ["MMS_DEFAULT_RESPONSE_TIMEOUT"] = "30" """));

    [Test]
    public Task TorchServes_own_default_request_size_is_silent() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["TS_MAX_REQUEST_SIZE"] = "6553500" """));

    [Test]
    public Task Asynchronous_endpoint_config_is_silent() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = "900", ["TS_MAX_REQUEST_SIZE"] = "104857600" """,
            """AsyncInferenceConfig = new CfnEndpointConfig.AsyncInferenceConfigProperty { OutputConfig = new CfnEndpointConfig.AsyncInferenceOutputConfigProperty { S3OutputPath = "s3://b/out/" } },"""));

    [Test]
    public Task Serverless_variant_is_not_judged_here() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = "900" """, variantExtra:
            "ServerlessConfig = new CfnEndpointConfig.ServerlessConfigProperty { MaxConcurrency = 5, MemorySizeInMb = 2048 }"));

    [Test]
    public Task Values_that_are_not_numbers_or_other_servers_settings_are_silent() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = "5m", ["OPTION_MODEL_LOADING_TIMEOUT"] = "1800", ["TS_MAX_RESPONSE_SIZE"] = "104857600" """));

    [Test]
    public Task Stricter_budget_from_the_option() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["TS_DEFAULT_RESPONSE_TIMEOUT"] = {|#0:"45"|}, ["MMS_DEFAULT_RESPONSE_TIMEOUT"] = "30" """),
        "PL5005.max_timeout_seconds = 30",
        Finding(0, "TS_DEFAULT_RESPONSE_TIMEOUT = 45 s on a real-time endpoint, above the 30 s of PL5005.max_timeout_seconds (a real-time invocation ends after 60 s)" + Async));

    [Test]
    public Task Option_above_the_platform_limit_falls_back_to_sixty() => Verify.VerifyAnalyzerAsync(
        Endpoint("""["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = {|#0:"300"|}"""),
        "PL5005.max_timeout_seconds = 600",
        Finding(0, Timeout300));

    [Test]
    public Task Values_from_constants_locals_and_a_helper_are_reported_where_written_a_constant_at_its_declaration() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class Serving { public const string LongTimeout = {|#0:"300"|}; }
        class S : Stack {
            S(Construct s) : base(s, "s") {
                var env = new Dictionary<string, object> { ["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = Serving.LongTimeout };
                Serve("ranker", env, "ml.c7i.xlarge");
                Serve("video", new Dictionary<string, object> { ["TS_MAX_REQUEST_SIZE"] = {|#1:"104857600"|} }, "ml.m7i.xlarge");
                Serve("ok", new Dictionary<string, object> { ["TS_MAX_REQUEST_SIZE"] = "1048576" }, "ml.c7i.xlarge");
            }

            private void Serve(string name, Dictionary<string, object> environment, string instanceType)
            {
                var model = new CfnModel(this, name + "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{Image}}", Environment = environment },
                });
                new CfnEndpointConfig(this, name + "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = instanceType, InitialInstanceCount = 1 } },
                });
            }
        }
        """, Finding(0, Timeout300), Finding(1, Request100Mb));

    [Test]
    public Task Model_linked_by_literal_name_in_two_configs_is_reported_once() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            new CfnModel(this, "Model", new CfnModelProps {
                ModelName = "ranker",
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                Containers = new[] { new CfnModel.ContainerDefinitionProperty {
                    Image = "{{Image}}", Environment = new Dictionary<string, object> { ["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = {|#0:"300"|} } } },
            });
            foreach (var id in new[] { "Blue", "Green" })
            {
                new CfnEndpointConfig(this, id, new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = "ranker", VariantName = "AllTraffic", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 } },
                });
            }
        } }
        """, Finding(0, Timeout300));

    [Test]
    public Task Incomplete_code_does_not_throw() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Environment = new Dictionary<string, object> { ["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = {|CS0103:Missing|} } },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = model.AttrModelName } },
            });
        } }
        """);
}
