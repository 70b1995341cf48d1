using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL5001: a SageMaker endpoint with no scalable target for its variant.</summary>
public class PL5001EndpointAutoScalingTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\nusing Amazon.CDK.AWS.ApplicationAutoScaling;\n";

    /// <summary>A model, an endpoint config with one variant, and <c>var endpoint</c>; the endpoint's construct id is marked #0 when <paramref name="markId"/>.</summary>
    private static string Endpoint(string endpointName = "\"llm\"", bool markId = false, string variant = "InstanceType = \"ml.g5.xlarge\", InitialInstanceCount = 1") => $$"""
                var model = new CfnModel(this, "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/tgi:gpu" },
                });
                var config = new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", {{variant}} } },
                });
                var endpoint = new CfnEndpoint(this, {{(markId ? "{|#0:\"Endpoint\"|}" : "\"Endpoint\"")}}, new CfnEndpointProps {
                    EndpointConfigName = config.AttrEndpointConfigName,
                    EndpointName = {{endpointName}},
                });
        """;

    private static DiagnosticResult NoScaling(int location, string endpoint) =>
        Expected(location, ScalingRule.EndpointWithoutAutoScaling(endpoint).Message);

    /// <summary>PL5001 (an info) on the endpoint's construct id with exactly <paramref name="message"/>.</summary>
    private static DiagnosticResult Expected(int location, string message) =>
        Verify.Diagnostic(RuleIds.EndpointWithoutAutoScaling).WithLocation(location).WithSeverity(DiagnosticSeverity.Info).WithMessage(message);

    [Test]
    public Task Endpoint_without_scalable_target_is_reported_on_its_id() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint(markId: true)}}
        } }
        """, Expected(0, "SageMaker endpoint 'llm' has no auto-scaling (no scalable target for its variant): it runs a fixed instance count; register a scalable target and a target-tracking policy sized from a load test (perflint bench)"));

    [Test]
    public Task L2_scalable_target_naming_the_endpoint_in_a_constant_resource_id() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack {
            const string Name = "llm";
            S(Construct s) : base(s, "s") {
        {{Endpoint("Name")}}
                new ScalableTarget(this, "Scaling", new ScalableTargetProps {
                    ServiceNamespace = ServiceNamespace.SAGEMAKER,
                    ResourceId = "endpoint/" + Name + "/variant/AllTraffic",
                    ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
                    MinCapacity = 1, MaxCapacity = 4,
                });
            }
        }
        """);

    [Test]
    public Task L1_scalable_target_mentioning_the_endpoint_attribute_in_an_interpolation() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("null")}}
            new CfnScalableTarget(this, "Scaling", new CfnScalableTargetProps {
                ServiceNamespace = "sagemaker",
                ResourceId = $"endpoint/{endpoint.AttrEndpointName}/variant/AllTraffic",
                ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
                MinCapacity = 1, MaxCapacity = 4,
            });
        } }
        """);

    [Test]
    public Task Target_for_another_endpoint_or_service_does_not_count() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint(markId: true)}}
            new ScalableTarget(this, "Other", new ScalableTargetProps {
                ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = "endpoint/other/variant/AllTraffic",
                ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4,
            });
            new ScalableTarget(this, "Table", new ScalableTargetProps {
                ServiceNamespace = ServiceNamespace.DYNAMODB, ResourceId = "table/llm",
                ScalableDimension = "dynamodb:table:ReadCapacityUnits", MinCapacity = 1, MaxCapacity = 4,
            });
        } }
        """, NoScaling(0, "llm"));

    [Test]
    public Task Endpoints_made_by_a_helper_are_judged_per_call_site() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack {
            S(Construct s) : base(s, "s") {
                var scaled = Serve({|#0:"Ranker"|}, "ranker");
                Serve({|#1:"Embedder"|}, "embedder");
                new CfnScalableTarget(this, "Scaling", new CfnScalableTargetProps {
                    ServiceNamespace = "sagemaker", ResourceId = "endpoint/" + scaled.AttrEndpointName + "/variant/AllTraffic",
                    ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4,
                });
            }

            CfnEndpoint Serve(string id, string name) {
                var config = new CfnEndpointConfig(this, id + "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = name, VariantName = "AllTraffic", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 } },
                });
                return new CfnEndpoint(this, id, new CfnEndpointProps { EndpointConfigName = config.AttrEndpointConfigName });
            }
        }
        """, Expected(1, "SageMaker endpoint 'Embedder' has no auto-scaling (no scalable target for its variant): it runs a fixed instance count; register a scalable target and a target-tracking policy sized from a load test (perflint bench)"));

    [Test]
    public Task Serverless_variants_scale_by_themselves() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint(variant: "ServerlessConfig = new CfnEndpointConfig.ServerlessConfigProperty { MaxConcurrency = 10, MemorySizeInMb = 4096 }")}}
        } }
        """,
        // The shared model's GPU image on a serverless variant is PL5006's finding, not this test's subject.
        "dotnet_diagnostic.PL5006.severity = none");

    [Test]
    public Task Unreadable_sagemaker_target_keeps_the_rule_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s, string resourceId) : base(s, "s") {
        {{Endpoint()}}
            new CfnScalableTarget(this, "Scaling", new CfnScalableTargetProps {
                ServiceNamespace = "sagemaker", ResourceId = resourceId,
                ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4,
            });
        } }
        """);

    [Test]
    public Task Target_in_another_file_counts() => Verify.VerifyAnalyzerAsync(new[]
    {
        Usings + $$"""
        partial class S : Stack { S(Construct s) : base(s, "s") {
        {{Endpoint("Names.Endpoint")}}
            AddScaling();
        } }
        static class Names { public const string Endpoint = "llm"; }
        """,
        Usings + """
        partial class S {
            void AddScaling() => new ScalableTarget(this, "Scaling", new ScalableTargetProps {
                ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = $"endpoint/{Names.Endpoint}/variant/AllTraffic",
                ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4,
            });
        }
        """,
    }, null);

    [Test]
    public async Task Incomplete_code_as_typed_does_not_throw()
    {
        var source = Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var e = new CfnEndpoint(this, "E", new CfnEndpointProps { EndpointConfigName = , EndpointName = 
            new ScalableTarget(this, "T", new ScalableTargetProps { ResourceId = $"endpoint/{e.}/variant/", ServiceNamespace = ServiceNamespace. });
            new CfnScalableTarget(this, "U", new CfnScalableTargetProps { ResourceId = "endpoint/" + 
        """;
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source }),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PerfLint.Analyzers.Rules.AppRulesAnalyzer()));
        Assert.That(run.CompilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), Is.True, "the source is incomplete");
        Assert.That(run.Exceptions, Is.Empty);
    }

    [Test]
    public void Descriptor_is_reported_at_compilation_end_and_links_its_rule_page()
    {
        var descriptor = new PerfLint.Analyzers.Rules.AppRulesAnalyzer().SupportedDiagnostics.Single(d => d.Id == "PL5001");
        Assert.That(descriptor.Id, Is.EqualTo("PL5001"));
        Assert.That(descriptor.CustomTags, Does.Contain(WellKnownDiagnosticTags.CompilationEnd));
        Assert.That(descriptor.HelpLinkUri, Does.EndWith("docs/rules/PL5001.md"));
        var page = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "docs", "rules", "PL5001.md");
        Assert.That(File.Exists(page), Is.True, page);
    }

    [Test]
    public Task No_cdk_referenced_gives_nothing() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        namespace Amazon.CDK.AWS.Sagemaker { public class CfnEndpoint { public CfnEndpoint(object scope, string id, object props) { } } }
        class S { void M() => new Amazon.CDK.AWS.Sagemaker.CfnEndpoint(this, "Endpoint", new object()); }
        """);
}
