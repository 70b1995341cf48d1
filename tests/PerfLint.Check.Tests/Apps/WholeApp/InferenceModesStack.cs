using Amazon.CDK;
using Amazon.CDK.AWS.Sagemaker;
using Constructs;

namespace WholeApp;

/// <summary>
/// PL5005, PL5006 and PL5007 (InferenceModeFindingsTests): a real-time model server set beyond real-time limits, a
/// serverless variant that cannot work, and a GPU multi-model endpoint without the Triton image. Synthesized alone.
/// </summary>
public sealed class InferenceModesStack : Stack
{
    private const string Role = "arn:aws:iam::123456789012:role/SageMakerRole";
    private const string CpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310";
    private const string GpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310-cu118-ubuntu20.04-sagemaker";

    public InferenceModesStack(Construct scope, string id) : base(scope, id)
    {
        // PL5005: a 300 s timeout and a 100 MB request size on a real-time endpoint.
        var ranker = new CfnModel(this, "RankerModel", new CfnModelProps
        {
            ExecutionRoleArn = Role,
            PrimaryContainer = new CfnModel.ContainerDefinitionProperty
            {
                Image = CpuImage,
                Environment = new Dictionary<string, object> { ["SAGEMAKER_MODEL_SERVER_TIMEOUT"] = "300", ["TS_MAX_REQUEST_SIZE"] = "104857600" },
            },
        });
        Config("RankerConfig", ranker, new CfnEndpointConfig.ProductionVariantProperty { InstanceType = "ml.c7i.xlarge", InitialInstanceCount = 1 });

        // PL5006: a GPU image on a serverless variant that provisions more than its maximum concurrency.
        var embedder = new CfnModel(this, "EmbedderModel", new CfnModelProps
        {
            ExecutionRoleArn = Role,
            PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = GpuImage },
        });
        Config("EmbedderConfig", embedder, new CfnEndpointConfig.ProductionVariantProperty
        {
            ServerlessConfig = new CfnEndpointConfig.ServerlessConfigProperty { MaxConcurrency = 20, MemorySizeInMb = 4096, ProvisionedConcurrency = 50 },
        });

        // PL5007: a PyTorch GPU image in multi-model mode on a GPU instance.
        var tenants = new CfnModel(this, "TenantModels", new CfnModelProps
        {
            ExecutionRoleArn = Role,
            PrimaryContainer = new CfnModel.ContainerDefinitionProperty { Image = GpuImage, Mode = "MultiModel", ModelDataUrl = "s3://models/tenants/" },
        });
        Config("TenantConfig", tenants, new CfnEndpointConfig.ProductionVariantProperty { InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 });
    }

    private void Config(string id, CfnModel model, CfnEndpointConfig.ProductionVariantProperty variant)
    {
        variant.VariantName = "AllTraffic";
        variant.ModelName = model.AttrModelName;
        new CfnEndpointConfig(this, id, new CfnEndpointConfigProps { ProductionVariants = new[] { variant } });
    }
}
