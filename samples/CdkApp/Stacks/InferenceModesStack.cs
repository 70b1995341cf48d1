using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Sagemaker;
using CdkApp.Config;
using Constructs;

namespace CdkApp.Stacks
{
    /// <summary>
    /// Inference modes beside the real-time tier: document scoring that outgrew real-time limits, a serverless
    /// embedder, and per-tenant models on one multi-model endpoint. Each mistake sits next to the right choice.
    /// </summary>
    public sealed class InferenceModesStack : Stack
    {
        private const string PyTorchCpuImage = InstanceChoices.DlcRegistry + "/pytorch-inference:2.3.0-cpu-py311-ubuntu20.04-sagemaker";
        private const string PyTorchGpuImage = InstanceChoices.DlcRegistry + "/pytorch-inference:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker";
        private const string TritonImage = "785573368785.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tritonserver:24.03-py3";

        private readonly Role _role;

        public InferenceModesStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
        {
            _role = new Role(this, "InferenceRole", new RoleProps { AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com") });

            // Long documents: a 15-minute model-server timeout on a real-time endpoint, which answers within 60 s.
            var scorer = Model("DocumentScorer", PyTorchCpuImage, new Dictionary<string, string> { ["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = "900" }); // expect: PL5005
            new CfnEndpointConfig(this, "DocumentScorerConfig", new CfnEndpointConfigProps
            {
                ProductionVariants = new object[]
                {
                    new CfnEndpointConfig.ProductionVariantProperty { VariantName = "AllTraffic", ModelName = scorer.AttrModelName, InstanceType = "ml.c7i.2xlarge", InitialInstanceCount = 1 },
                },
            });

            // Correct: the same server behind an asynchronous endpoint (requests up to 1 GB, one hour each).
            var archive = Model("ArchiveScorer", PyTorchCpuImage, new Dictionary<string, string> { ["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = "900" });
            new CfnEndpointConfig(this, "ArchiveScorerConfig", new CfnEndpointConfigProps
            {
                ProductionVariants = new object[]
                {
                    new CfnEndpointConfig.ProductionVariantProperty { VariantName = "AllTraffic", ModelName = archive.AttrModelName, InstanceType = "ml.c7i.2xlarge", InitialInstanceCount = 1 },
                },
                AsyncInferenceConfig = new CfnEndpointConfig.AsyncInferenceConfigProperty
                {
                    OutputConfig = new CfnEndpointConfig.AsyncInferenceOutputConfigProperty { S3OutputPath = "s3://shop-inference/archive-scores/" },
                },
            });

            // Serverless embeddings: more provisioned than the maximum concurrency allows.
            var embedder = Model("QueryEmbedder", PyTorchCpuImage, new Dictionary<string, string>());
            new CfnEndpointConfig(this, "QueryEmbedderConfig", new CfnEndpointConfigProps
            {
                ProductionVariants = new object[]
                {
                    new CfnEndpointConfig.ProductionVariantProperty
                    {
                        VariantName = "AllTraffic",
                        ModelName = embedder.AttrModelName,
                        ServerlessConfig = new CfnEndpointConfig.ServerlessConfigProperty
                        {
                            MaxConcurrency = 10,
                            MemorySizeInMb = 3072,
                            ProvisionedConcurrency = 20, // expect: PL5006
                        },
                    },
                },
            });

            // Per-tenant models on GPUs: the PyTorch image cannot serve a GPU multi-model endpoint; Triton can.
            MultiModelEndpoint("TenantModels", PyTorchGpuImage, "ml.g5.xlarge"); // expect: PL5007
            MultiModelEndpoint("TritonTenantModels", TritonImage, "ml.g5.xlarge");
        }

        /// <summary>One model in multi-model mode (its models under one S3 prefix) on one instance type.</summary>
        private void MultiModelEndpoint(string id, string image, string instanceType)
        {
            var model = new CfnModel(this, id, new CfnModelProps
            {
                ExecutionRoleArn = _role.RoleArn,
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = image, Mode = "MultiModel", ModelDataUrl = "s3://shop-models/tenants/" },
            });
            new CfnEndpointConfig(this, id + "Config", new CfnEndpointConfigProps
            {
                ProductionVariants = new object[]
                {
                    new CfnEndpointConfig.ProductionVariantProperty
                    {
                        VariantName = "AllTraffic",
                        ModelName = model.AttrModelName,
                        InstanceType = instanceType,
                        InitialInstanceCount = 1,
                    },
                },
            });
        }

        private CfnModel Model(string id, string image, Dictionary<string, string> environment) =>
            new CfnModel(this, id, new CfnModelProps
            {
                ExecutionRoleArn = _role.RoleArn,
                PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = image, Environment = environment },
            });
    }
}
