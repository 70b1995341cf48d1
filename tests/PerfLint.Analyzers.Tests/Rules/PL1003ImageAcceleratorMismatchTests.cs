using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Rules;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL1003: a SageMaker model's image and the instance type of the variant that serves it disagree.</summary>
public class PL1003ImageAcceleratorMismatchTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.Sagemaker;\n";
    private const string CpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310";
    private const string GpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04";
    private const string NeuronImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference-neuronx:1.13.1-neuronx-py310-sdk2.18.0-ubuntu20.04";

    /// <summary>PL1003 at <paramref name="image"/> (markup index), the instance type as additional location, with the knowledge base's message.</summary>
    private static DiagnosticResult Mismatch(int image, int instanceType, string imageUri, string type) =>
        Expected(image, instanceType, AcceleratorImageRule.Evaluate(imageUri, type)!.Message);

    /// <summary>PL1003 (a warning) at <paramref name="image"/>, the instance type as additional location, with exactly <paramref name="message"/>.</summary>
    private static DiagnosticResult Expected(int image, int instanceType, string message) =>
        Verify.Diagnostic(RuleIds.ImageAcceleratorMismatch)
            .WithLocation(image).WithLocation(instanceType)
            .WithSeverity(DiagnosticSeverity.Warning)
            .WithMessage(message);

    [Test]
    public Task Cpu_image_on_gpu_instance_is_reported_on_the_image() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var model = new CfnModel(this, "Model", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = {|#0:"{{CpuImage}}"|} },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = {|#1:"ml.g5.xlarge"|}, InitialInstanceCount = 1 } },
            });
        } }
        """, Mismatch(0, 1, CpuImage, "ml.g5.xlarge"));

    [Test]
    public Task Matching_images_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var gpu = new CfnModel(this, "Gpu", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{GpuImage}}" },
            });
            var cpu = new CfnModel(this, "Cpu", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{CpuImage}}" },
            });
            var neuron = new CfnModel(this, "Neuron", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{NeuronImage}}" },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] {
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = gpu.AttrModelName, VariantName = "Gpu", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 },
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = cpu.AttrModelName, VariantName = "Cpu", InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 },
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = neuron.AttrModelName, VariantName = "Inf", InstanceType = "ml.inf2.xlarge", InitialInstanceCount = 1 },
                },
            });
        } }
        """);

    [Test]
    public Task Gpu_image_on_cpu_instance_and_neuron_image_on_gpu_instance() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var gpu = new CfnModel(this, "Gpu", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = {|#0:"{{GpuImage}}"|} },
            });
            var neuron = new CfnModel(this, "Neuron", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = {|#2:"{{NeuronImage}}"|} },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] {
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = gpu.AttrModelName, VariantName = "A", InstanceType = {|#1:"ml.m5.xlarge"|}, InitialInstanceCount = 1 },
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = neuron.AttrModelName, VariantName = "B", InstanceType = {|#3:"ml.g5.2xlarge"|}, InitialInstanceCount = 1 },
                },
            });
        } }
        """,
        // ml.m5.xlarge: 4 vCPU, 16 GiB, no accelerator; ml.g5.2xlarge: 1x A10G, no Neuron device (sagemaker-types.csv).
        Expected(0, 1, "Container image '763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04' is a CUDA/GPU image on 'ml.m5.xlarge', which has no GPU: it fails or falls back to slow CPU kernels; use a GPU instance (g6, g5, p5) or a CPU image"),
        Expected(2, 3, "Container image '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference-neuronx:1.13.1-neuronx-py310-sdk2.18.0-ubuntu20.04' is an AWS Neuron image on 'ml.g5.2xlarge', which has no Inferentia or Trainium device; use an inf2/trn1 instance or a GPU image"));

    [Test]
    public Task Model_linked_by_name_constant_and_values_from_constants_in_another_class() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class Images { public const string Registry = "763104351884.dkr.ecr.us-east-1.amazonaws.com/"; public const string Cpu = {|#0:Registry + "pytorch-inference:2.1.0-cpu-py310"|}; }
        static class Names { public const string Model = "ranker"; }
        class S : Stack {
            private const string Family = "g5";
            S(Construct s) : base(s, "s") {
                new CfnModel(this, "Model", new CfnModelProps {
                    ModelName = Names.Model,
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = Images.Cpu },
                });
                var type = {|#1:$"ml.{Family}.xlarge"|};
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = Names.Model, VariantName = "AllTraffic", InstanceType = type, InitialInstanceCount = 1 } },
                });
            }
        }
        """, Mismatch(0, 1, CpuImage, "ml.g5.xlarge"));

    [Test]
    public Task Helper_method_reports_at_each_call_site_holding_the_value() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack {
            S(Construct s) : base(s, "s") {
                Serve("ranker", {|#0:"{{CpuImage}}"|}, {|#1:"ml.g5.xlarge"|});
                Serve("embedder", "{{CpuImage}}", "ml.c7i.xlarge");
                Serve("llm", "{{GpuImage}}", "ml.g5.12xlarge");
            }

            private void Serve(string name, string image, string instanceType)
            {
                var model = new CfnModel(this, name + "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = image },
                });
                var config = new CfnEndpointConfig(this, name + "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = instanceType, InitialInstanceCount = 1 } },
                });
            }
        }
        """, Mismatch(0, 1, CpuImage, "ml.g5.xlarge"));

    [Test]
    public Task Shared_constant_passed_to_a_helper_is_reported_at_the_argument_not_the_declaration() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack {
            private const string Cpu = "{{CpuImage}}";
            S(Construct s) : base(s, "s") {
                Serve("vision", {|#0:Cpu|}, {|#1:"ml.g5.xlarge"|});
                Serve("ranker", Cpu, "ml.c7i.xlarge");
            }

            private void Serve(string name, string image, string instanceType)
            {
                var model = new CfnModel(this, name + "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = image },
                });
                new CfnEndpointConfig(this, name + "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new object[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = instanceType, InitialInstanceCount = 1 } },
                });
            }
        }
        """, Mismatch(0, 1, CpuImage, "ml.g5.xlarge"));

    [Test]
    public Task Constructor_arguments_of_a_construct_class_are_followed() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class ModelServer : Construct {
            public ModelServer(Construct scope, string id, string image, string instanceType) : base(scope, id) {
                var model = new CfnModel(this, "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = image },
                });
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                    ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty {
                        ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = instanceType, InitialInstanceCount = 1 } },
                });
            }
        }
        class S : Stack { S(Construct s) : base(s, "s") {
            new ModelServer(this, "Ranker", {|#0:"{{GpuImage}}"|}, {|#1:"ml.c7i.2xlarge"|});
            new ModelServer(this, "Llm", "{{GpuImage}}", "ml.g5.2xlarge");
        } }
        """, Expected(0, 1, "Container image '763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04' is a CUDA/GPU image on 'ml.c7i.2xlarge', which has no GPU: it fails or falls back to slow CPU kernels; use a GPU instance (g6, g5, p5) or a CPU image"));

    [Test]
    public Task Fields_and_a_variants_list_in_a_local_are_followed() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack {
            private readonly CfnModel _model;
            // Not named Image: SourceFlowCache.IsAssignedInConstructor matches names syntactically, and the initializer's `Image = ..` would count.
            private static readonly string RankerImage = {|#0:"{{CpuImage}}"|};
            S(Construct s) : base(s, "s") {
                _model = new CfnModel(this, "Model", new CfnModelProps {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                    Containers = new[] { new CfnModel.ContainerDefinitionProperty { Image = RankerImage } },
                });
                var variants = new List<object> { new CfnEndpointConfig.ProductionVariantProperty {
                    ModelName = _model.AttrModelName, VariantName = "AllTraffic", InstanceType = {|#1:"ml.p4d.24xlarge"|}, InitialInstanceCount = 1 } };
                new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps { ProductionVariants = variants });
            }
        }
        """, Mismatch(0, 1, CpuImage, "ml.p4d.24xlarge"));

    [Test]
    public Task Unknown_images_pipelines_and_unlinked_models_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s, string fromParameter) : base(s, "s") {
            var custom = new CfnModel(this, "Custom", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/my-server:1" },
            });
            var pipeline = new CfnModel(this, "Pipeline", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                Containers = new[] {
                    new CfnModel.ContainerDefinitionProperty { Image = "{{CpuImage}}" },
                    new CfnModel.ContainerDefinitionProperty { Image = "{{GpuImage}}" },
                },
            });
            new CfnModel(this, "Orphan", new CfnModelProps {
                ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{CpuImage}}" },
            });
            new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps {
                ProductionVariants = new[] {
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = custom.AttrModelName, VariantName = "A", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 },
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = pipeline.AttrModelName, VariantName = "B", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 },
                    new CfnEndpointConfig.ProductionVariantProperty { ModelName = fromParameter, VariantName = "C", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 },
                },
            });
        } }
        """);

    [Test]
    public Task Incomplete_code_does_not_throw()
    {
        var run = AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { Usings + $$"""
            class S : Stack { S(Construct s) : base(s, "s") {
                var model = new CfnModel(this, "Model", new CfnModelProps { PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = "{{CpuImage}}"
                new CfnEndpointConfig(this, , new CfnEndpointConfigProps { ProductionVariants = new[] { new CfnEndpointConfig.ProductionVariantProperty { ModelName = model.
            """ }), System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new AppRulesAnalyzer()));
        return run.ContinueWith(t => Assert.That(t.Result.Exceptions, Is.Empty));
    }

    [Test]
    public void Descriptor_is_reported_at_compilation_end_and_links_its_rule_page()
    {
        var descriptor = new PerfLint.Analyzers.Rules.AppRulesAnalyzer().SupportedDiagnostics.Single(d => d.Id == "PL1003");
        Assert.That(descriptor.Id, Is.EqualTo("PL1003"));
        Assert.That(descriptor.CustomTags, Does.Contain(WellKnownDiagnosticTags.CompilationEnd));
        Assert.That(descriptor.HelpLinkUri, Does.EndWith("docs/rules/PL1003.md"));
        var page = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "docs", "rules", "PL1003.md");
        Assert.That(File.Exists(page), Is.True, page);
    }

    [Test]
    public Task No_cdk_referenced_gives_nothing() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync($$"""
        namespace Amazon.CDK.AWS.Sagemaker {
            public class CfnModel { public CfnModel(object scope, string id, object props) { } public string AttrModelName => ""; }
            public class ContainerDefinitionProperty { public string Image { get; set; } = ""; }
            public class CfnModelProps { public object? PrimaryContainer { get; set; } }
        }
        class S {
            void M() {
                new Amazon.CDK.AWS.Sagemaker.CfnModel(this, "Model", new Amazon.CDK.AWS.Sagemaker.CfnModelProps {
                    PrimaryContainer = new Amazon.CDK.AWS.Sagemaker.ContainerDefinitionProperty { Image = "{{CpuImage}}" } });
            }
        }
        """);
}
