using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Sagemaker;
using CdkApp.Config;
using Constructs;

namespace CdkApp.Stacks
{
    /// <summary>
    /// The inference tier: LLM chat and summarization (Hugging Face TGI), reranking, product vision, OCR and
    /// recommendations. Endpoints are made by <see cref="DeployModel"/> and scaled by <see cref="ScaleOnInvocations"/>;
    /// PerfLint follows the arguments and reports at the call that passes the bad value.
    /// </summary>
    public sealed class MlEndpointsStack : Stack
    {
        private const string Variant = "AllTraffic";

        /// <summary>HF_MODEL_QUANTIZE left empty: the SageMaker TGI entrypoint only sets QUANTIZE when it is non-empty.</summary>
        private const string NoQuantization = "";

        // Images: AWS Deep Learning Containers (https://github.com/aws/deep-learning-containers/blob/master/available_images.md).
        private const string TgiGpuImage = InstanceChoices.DlcRegistry + "/huggingface-pytorch-tgi-inference:2.3.0-tgi2.2.0-gpu-py310-cu121-ubuntu22.04";
        private const string TgiNeuronImage = InstanceChoices.DlcRegistry + "/huggingface-pytorch-tgi-inference:2.1.2-optimum0.0.25-neuronx-py310-ubuntu22.04";
        private const string PyTorchCpuImage = InstanceChoices.DlcRegistry + "/pytorch-inference:2.3.0-cpu-py311-ubuntu20.04-sagemaker";

        private readonly Role _executionRole;

        public MlEndpointsStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
        {
            _executionRole = new Role(this, "ExecutionRole", new RoleProps
            {
                AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com"),
                ManagedPolicies = new[] { ManagedPolicy.FromAwsManagedPolicyName("AmazonSageMakerFullAccess") },
            });

            // Correct: Llama 3 8B in fp16 (~18 GiB with headroom) on one 24 GiB A10G, scaled on a load-tested target.
            var chat = DeployModel("shop-chat", TgiGpuImage, "ml.g5.2xlarge", "meta-llama/Meta-Llama-3-8B-Instruct", NoQuantization);
            ScaleOnInvocations(chat, 1, 4, 120);

            // Llama 3 70B in fp16 needs ~158 GiB with headroom; one A10G has 24 GiB.
            var summarizer = DeployModel("support-summarizer", TgiGpuImage, "ml.g5.2xlarge", "meta-llama/Meta-Llama-3-70B-Instruct", NoQuantization); // expect: PL1004
            ScaleOnInvocations(summarizer, 1, 3, 70); // expect: PL5002

            // Correct: the same size of model, AWQ-quantized (~39 GiB) over the four GPUs (89 GiB) of ml.g5.12xlarge.
            var agent = DeployModel("support-agent", TgiGpuImage, "ml.g5.12xlarge", "meta-llama/Meta-Llama-3.1-70B-Instruct", "awq");
            ScaleOnInvocations(agent, 1, 2, 40);

            // A 4-bit 7B reranker on eight GPUs: ~4 GiB of 179 GiB.
            var rerank = DeployModel("search-rerank", TgiGpuImage, "ml.g5.48xlarge", "mistralai/Mistral-7B-Instruct-v0.3", "awq"); // expect: PL1004
            ScaleOnInvocations(rerank, 2, 2, 150); // expect: PL5003

            // The FAQ bot stayed on the fine-tuning instance: an 8B model (~18 GiB with headroom) on eight 80 GiB A100s.
            var faq = DeployModel("faq-bot", TgiGpuImage, "ml.p4de.24xlarge", "meta-llama/Meta-Llama-3-8B-Instruct", NoQuantization); // expect: PL1006, PL1004
            ScaleOnInvocations(faq, 1, 2, 100);

            // Product vision: a CPU build of PyTorch on a GPU instance.
            var vision = DeployModel("product-vision", PyTorchCpuImage, "ml.g5.xlarge", "shop/product-vision-resnet50", NoQuantization); // expect: PL1003
            ScaleOnInvocations(vision, 1, 6, 300);

            // Embeddings moved to Inferentia2 for cost, but the CUDA image came along.
            var embeddings = DeployModel("embeddings", TgiGpuImage, "ml.inf2.xlarge", "BAAI/bge-large-en-v1.5", NoQuantization); // expect: PL1003
            ScaleOnInvocations(embeddings, 1, 4, 400);

            // Invoice OCR still on first-generation Inferentia.
            var ocr = DeployModel("invoice-ocr", TgiNeuronImage, "ml.inf1.xlarge", "shop/invoice-ocr-layoutlmv3", NoQuantization); // expect: PL1001
            ScaleOnInvocations(ocr, 1, 2, 90);

            // The help-centre assistant: the chat model again, scaled on host CPU, which idles while the GPU saturates.
            var assistant = DeployModel("help-assistant", TgiGpuImage, "ml.g5.2xlarge", "meta-llama/Meta-Llama-3-8B-Instruct", NoQuantization);
            ScaleOnEndpointMetric(assistant, 1, 4, "CPUUtilization"); // expect: PL5009

            // Recommendations: built by hand, never given auto-scaling.
            var recommendationsModel = new CfnModel(this, "RecommendationsModel", new CfnModelProps
            {
                ExecutionRoleArn = _executionRole.RoleArn,
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty
                {
                    Image = PyTorchCpuImage,
                    ModelDataUrl = "s3://shop-models/recommendations/model.tar.gz",
                },
            });
            var recommendationsConfig = new CfnEndpointConfig(this, "RecommendationsConfig", new CfnEndpointConfigProps
            {
                ProductionVariants = new object[]
                {
                    new CfnEndpointConfig.ProductionVariantProperty
                    {
                        VariantName = Variant,
                        ModelName = recommendationsModel.AttrModelName,
                        InstanceType = "ml.c7i.xlarge",
                        InitialInstanceCount = 2,
                        InitialVariantWeight = 1,
                    },
                },
            });
            new CfnEndpoint(this, "RecommendationsEndpoint", new CfnEndpointProps // expect: PL5001
            {
                EndpointName = "recommendations",
                EndpointConfigName = recommendationsConfig.AttrEndpointConfigName,
            });
        }

        /// <summary>Model (Hugging Face container settings), endpoint configuration and endpoint on one instance type.</summary>
        private CfnEndpoint DeployModel(string name, string image, string instanceType, string modelId, string quantize)
        {
            var model = new CfnModel(this, name + "-model", new CfnModelProps
            {
                ExecutionRoleArn = _executionRole.RoleArn,
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty
                {
                    Image = image,
                    Environment = new Dictionary<string, string>
                    {
                        ["HF_MODEL_ID"] = modelId,
                        ["HF_MODEL_QUANTIZE"] = quantize,
                        ["MAX_INPUT_LENGTH"] = "4096",
                        ["MAX_TOTAL_TOKENS"] = "8192",
                    },
                },
            });
            var config = new CfnEndpointConfig(this, name + "-config", new CfnEndpointConfigProps
            {
                ProductionVariants = new object[]
                {
                    new CfnEndpointConfig.ProductionVariantProperty
                    {
                        VariantName = Variant,
                        ModelName = model.AttrModelName,
                        InstanceType = instanceType,
                        InitialInstanceCount = 1,
                        InitialVariantWeight = 1,
                    },
                },
            });
            return new CfnEndpoint(this, name + "-endpoint", new CfnEndpointProps
            {
                EndpointName = name,
                EndpointConfigName = config.AttrEndpointConfigName,
            });
        }

        /// <summary>Target tracking on an endpoint instance metric (L1 policy), between <paramref name="min"/> and <paramref name="max"/> instances.</summary>
        private void ScaleOnEndpointMetric(CfnEndpoint endpoint, double min, double max, string metricName)
        {
            var target = new CfnScalableTarget(this, endpoint.EndpointName + "-metric-scaling", new CfnScalableTargetProps
            {
                ServiceNamespace = "sagemaker",
                ResourceId = $"endpoint/{endpoint.EndpointName}/variant/{Variant}",
                ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
                MinCapacity = min,
                MaxCapacity = max,
            });
            target.AddDependency(endpoint);
            new CfnScalingPolicy(this, endpoint.EndpointName + "-metric-policy", new CfnScalingPolicyProps
            {
                PolicyName = endpoint.EndpointName + "-" + metricName,
                PolicyType = "TargetTrackingScaling",
                ScalingTargetId = target.Ref,
                TargetTrackingScalingPolicyConfiguration = new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty
                {
                    TargetValue = 60,
                    CustomizedMetricSpecification = new CfnScalingPolicy.CustomizedMetricSpecificationProperty
                    {
                        Namespace = "/aws/sagemaker/Endpoints",
                        MetricName = metricName,
                        Statistic = "Average",
                        Dimensions = new[]
                        {
                            new CfnScalingPolicy.MetricDimensionProperty { Name = "EndpointName", Value = endpoint.EndpointName },
                            new CfnScalingPolicy.MetricDimensionProperty { Name = "VariantName", Value = Variant },
                        },
                    },
                },
            });
        }

        /// <summary>Target tracking on invocations per instance, between <paramref name="min"/> and <paramref name="max"/> instances.</summary>
        private void ScaleOnInvocations(CfnEndpoint endpoint, double min, double max, double invocationsPerInstance)
        {
            var target = new ScalableTarget(this, endpoint.EndpointName + "-scaling", new ScalableTargetProps
            {
                ServiceNamespace = ServiceNamespace.SAGEMAKER,
                ResourceId = $"endpoint/{endpoint.EndpointName}/variant/{Variant}",
                ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
                MinCapacity = min,
                MaxCapacity = max,
            });
            target.Node.AddDependency(endpoint);
            target.ScaleToTrackMetric("Invocations", new BasicTargetTrackingScalingPolicyProps
            {
                PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
                TargetValue = invocationsPerInstance,
            });
        }
    }
}
