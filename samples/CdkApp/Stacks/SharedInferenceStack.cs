using Amazon.CDK;
using Amazon.CDK.AWS.Sagemaker;
using Constructs;

namespace CdkApp.Stacks
{
    /// <summary>
    /// Small models sharing one GPU endpoint as inference components: each copy is given its own GPUs, and the variant's
    /// managed instance scaling decides how many instances there are to place the copies on.
    /// </summary>
    public sealed class SharedInferenceStack : Stack
    {
        private const string Variant = "Shared";

        public SharedInferenceStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
        {
            // Up to 2 ml.g5.12xlarge (4 A10G each): 8 GPUs for every copy of every component.
            var config = new CfnEndpointConfig(this, "SharedConfig", new CfnEndpointConfigProps
            {
                ProductionVariants = new[]
                {
                    new CfnEndpointConfig.ProductionVariantProperty
                    {
                        VariantName = Variant,
                        InstanceType = "ml.g5.12xlarge",
                        InitialInstanceCount = 1,
                        ManagedInstanceScaling = new CfnEndpointConfig.ManagedInstanceScalingProperty { Status = "ENABLED", MinInstanceCount = 1, MaxInstanceCount = 2 },
                    },
                },
            });
            var endpoint = new CfnEndpoint(this, "SharedEndpoint", new CfnEndpointProps { EndpointConfigName = config.AttrEndpointConfigName });

            // Right: 2 copies of 1 GPU.
            Component("Classifier", endpoint, "product-classifier", devices: 1, copies: 2);

            // Wrong: 6 copies of 2 GPUs need 12, two instances have 8.
            new CfnInferenceComponent(this, "Reranker", new CfnInferenceComponentProps
            {
                EndpointName = endpoint.AttrEndpointName,
                VariantName = Variant,
                Specification = new CfnInferenceComponent.InferenceComponentSpecificationProperty
                {
                    ModelName = "search-reranker",
                    ComputeResourceRequirements = new CfnInferenceComponent.InferenceComponentComputeResourceRequirementsProperty { NumberOfAcceleratorDevicesRequired = 2, MinMemoryRequiredInMb = 8192 },
                },
                RuntimeConfig = new CfnInferenceComponent.InferenceComponentRuntimeConfigProperty { CopyCount = 6 }, // expect: PL5008
            });
        }

        private void Component(string id, CfnEndpoint endpoint, string modelName, double devices, double copies) =>
            new CfnInferenceComponent(this, id, new CfnInferenceComponentProps
            {
                EndpointName = endpoint.AttrEndpointName,
                VariantName = Variant,
                Specification = new CfnInferenceComponent.InferenceComponentSpecificationProperty
                {
                    ModelName = modelName,
                    ComputeResourceRequirements = new CfnInferenceComponent.InferenceComponentComputeResourceRequirementsProperty { NumberOfAcceleratorDevicesRequired = devices, MinMemoryRequiredInMb = 4096 },
                },
                RuntimeConfig = new CfnInferenceComponent.InferenceComponentRuntimeConfigProperty { CopyCount = copies },
            });
    }
}
