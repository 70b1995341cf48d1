using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Sagemaker;
using Constructs;

namespace WholeApp;

public sealed class EndpointsStack : Stack
{
    public EndpointsStack(Construct scope, string id, FleetConfig config) : base(scope, id)
    {
        // PL1003: a CPU image (built with Fn::Sub) served on a GPU instance; PL5001: no auto-scaling.
        var classifier = new CfnModel(this, "ClassifierModel", new CfnModelProps
        {
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/SageMakerRole",
            PrimaryContainer = new CfnModel.ContainerDefinitionProperty
            {
                Image = Fn.Sub("763104351884.dkr.ecr.${AWS::Region}.amazonaws.com/pytorch-inference:2.1.0-cpu-py310-ubuntu20.04-sagemaker"),
            },
        });
        var classifierConfig = NewEndpointConfig("ClassifierConfig", classifier, "ml.g5.xlarge");
        new CfnEndpoint(this, "ClassifierEndpoint", new CfnEndpointProps { EndpointConfigName = classifierConfig.AttrEndpointConfigName });

        // PL1004 (template only): model id and instance type come from fleet.json.
        var llm = new CfnModel(this, "LlmModel", new CfnModelProps
        {
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/SageMakerRole",
            PrimaryContainer = new CfnModel.ContainerDefinitionProperty
            {
                Image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu22.04",
                Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = config.LlmModelId, ["SM_NUM_GPUS"] = "1" },
            },
        });
        var llmConfig = NewEndpointConfig("LlmConfig", llm, config.LlmInstanceType);
        var llmEndpoint = new CfnEndpoint(this, "LlmEndpoint", new CfnEndpointProps { EndpointConfigName = llmConfig.AttrEndpointConfigName });
        // Same construct id as in ScalingStack: the mapping tells them apart by the enclosing stack class.
        new CfnVolume(this, "ModelCache", new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 200, VolumeType = "gp2" });
        new CfnOutput(this, "LlmEndpointName", new CfnOutputProps { Value = llmEndpoint.AttrEndpointName, ExportName = "WholeAppLlmEndpointName" });

        // PL5008: 5 copies of 2 GPUs on a variant whose managed instance scaling (so no PL5001) runs up to 2
        // ml.g5.12xlarge of 4 GPUs: 10 > 8.
        var sharedConfig = new CfnEndpointConfig(this, "SharedConfig", new CfnEndpointConfigProps
        {
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/SageMakerRole",
            ProductionVariants = new[]
            {
                new CfnEndpointConfig.ProductionVariantProperty
                {
                    VariantName = "Shared",
                    InstanceType = "ml.g5.12xlarge",
                    InitialInstanceCount = 1,
                    ManagedInstanceScaling = new CfnEndpointConfig.ManagedInstanceScalingProperty { Status = "ENABLED", MinInstanceCount = 1, MaxInstanceCount = 2 },
                },
            },
        });
        var sharedEndpoint = new CfnEndpoint(this, "SharedEndpoint", new CfnEndpointProps { EndpointConfigName = sharedConfig.AttrEndpointConfigName });
        new CfnInferenceComponent(this, "Reranker", new CfnInferenceComponentProps
        {
            EndpointName = sharedEndpoint.AttrEndpointName,
            VariantName = "Shared",
            Specification = new CfnInferenceComponent.InferenceComponentSpecificationProperty
            {
                ModelName = "reranker",
                ComputeResourceRequirements = new CfnInferenceComponent.InferenceComponentComputeResourceRequirementsProperty
                {
                    NumberOfAcceleratorDevicesRequired = 2,
                    MinMemoryRequiredInMb = 8192,
                },
            },
            RuntimeConfig = new CfnInferenceComponent.InferenceComponentRuntimeConfigProperty { CopyCount = 5 },
        });
    }

    private CfnEndpointConfig NewEndpointConfig(string id, CfnModel model, string instanceType) =>
        new CfnEndpointConfig(this, id, new CfnEndpointConfigProps
        {
            ProductionVariants = new[]
            {
                new CfnEndpointConfig.ProductionVariantProperty
                {
                    VariantName = "AllTraffic",
                    ModelName = model.AttrModelName,
                    InstanceType = instanceType,
                    InitialInstanceCount = 1,
                    InitialVariantWeight = 1,
                },
            },
        });
}
