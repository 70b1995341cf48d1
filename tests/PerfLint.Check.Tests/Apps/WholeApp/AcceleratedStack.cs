using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.Batch;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Sagemaker;
using Constructs;

namespace WholeApp;

/// <summary>
/// PL2004 (EFA) and PL5009 (scaling metric) over a synthesized template (synthesized alone, see Program.cs): training
/// fleets with and without an EFA launch template, AWS Batch multi-node jobs with and without the EFA device, and a GPU
/// endpoint scaled by an L2 policy on host CPU.
/// </summary>
public sealed class AcceleratedStack : Stack
{
    public AcceleratedStack(Construct scope, string id) : base(scope, id)
    {
        var spine = new CfnPlacementGroup(this, "Spine", new CfnPlacementGroupProps { Strategy = "cluster" });
        var plain = new CfnLaunchTemplate(this, "PlainTemplate", new CfnLaunchTemplateProps
        {
            LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty { ImageId = "ami-0123456789abcdef0" },
        });
        var fabric = new CfnLaunchTemplate(this, "FabricTemplate", new CfnLaunchTemplateProps
        {
            LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty
            {
                ImageId = "ami-0123456789abcdef0",
                NetworkInterfaces = new[] { new CfnLaunchTemplate.NetworkInterfaceProperty { DeviceIndex = 0, InterfaceType = "efa" } },
            },
        });

        // PL2004: 8 capacity units of 2 per instance are up to 4 p5.48xlarge, placed, with no EFA interface.
        Fleet("Trainers", plain, spine);
        // No PL2004: the same fleet launching from a template with an EFA interface.
        Fleet("FabricTrainers", fabric, spine);

        // PL2004: an AWS Batch multi-node job of 4 p5.48xlarge nodes whose container is not given the EFA device.
        BatchJob("Pretrain", null);
        // No PL2004: the same job passing the EFA device to its containers.
        BatchJob("PretrainEfa", new CfnJobDefinition.LinuxParametersProperty
        {
            Devices = new[] { new CfnJobDefinition.DeviceProperty { HostPath = "/dev/infiniband/uverbs0", ContainerPath = "/dev/infiniband/uverbs0", Permissions = new[] { "READ", "WRITE", "MKNOD" } } },
        });

        var config = new CfnEndpointConfig(this, "ChatConfig", new CfnEndpointConfigProps
        {
            ProductionVariants = new[]
            {
                new CfnEndpointConfig.ProductionVariantProperty { ModelName = "chat-model", VariantName = "AllTraffic", InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 },
            },
        });
        var endpoint = new CfnEndpoint(this, "Chat", new CfnEndpointProps { EndpointName = "chat", EndpointConfigName = config.AttrEndpointConfigName });
        var target = new ScalableTarget(this, "ChatScaling", new ScalableTargetProps
        {
            ServiceNamespace = ServiceNamespace.SAGEMAKER,
            ResourceId = $"endpoint/{endpoint.AttrEndpointName}/variant/AllTraffic",
            ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
            MinCapacity = 1,
            MaxCapacity = 4,
        });

        // PL5009: the L2 policy tracks host CPU of a GPU variant.
        target.ScaleToTrackMetric("HostCpu", new BasicTargetTrackingScalingPolicyProps
        {
            TargetValue = 60,
            CustomMetric = new Metric(new MetricProps { Namespace = "/aws/sagemaker/Endpoints", MetricName = "CPUUtilization", Statistic = "Average" }),
        });

        // No PL5009: GPU utilization follows the accelerator.
        target.ScaleToTrackMetric("Gpu", new BasicTargetTrackingScalingPolicyProps
        {
            TargetValue = 60,
            CustomMetric = new Metric(new MetricProps { Namespace = "/aws/sagemaker/Endpoints", MetricName = "GPUUtilization", Statistic = "Average" }),
        });
    }

    private void BatchJob(string id, CfnJobDefinition.LinuxParametersProperty linux) =>
        new CfnJobDefinition(this, id, new CfnJobDefinitionProps
        {
            Type = "multinode",
            NodeProperties = new CfnJobDefinition.NodePropertiesProperty
            {
                NumNodes = 4,
                MainNode = 0,
                NodeRangeProperties = new[]
                {
                    new CfnJobDefinition.NodeRangePropertyProperty
                    {
                        TargetNodes = "0:",
                        Container = new CfnJobDefinition.ContainerPropertiesProperty
                        {
                            Image = "public.ecr.aws/docker/library/python:3.12", InstanceType = "p5.48xlarge", Vcpus = 192, Memory = 2000000, LinuxParameters = linux,
                        },
                    },
                },
            },
        });

    private void Fleet(string id, CfnLaunchTemplate template, CfnPlacementGroup group) =>
        new CfnEC2Fleet(this, id, new CfnEC2FleetProps
        {
            TargetCapacitySpecification = new CfnEC2Fleet.TargetCapacitySpecificationRequestProperty { TotalTargetCapacity = 8, DefaultTargetCapacityType = "on-demand" },
            LaunchTemplateConfigs = new[]
            {
                new CfnEC2Fleet.FleetLaunchTemplateConfigRequestProperty
                {
                    LaunchTemplateSpecification = new CfnEC2Fleet.FleetLaunchTemplateSpecificationRequestProperty { LaunchTemplateId = template.Ref, Version = template.AttrLatestVersionNumber },
                    Overrides = new[]
                    {
                        new CfnEC2Fleet.FleetLaunchTemplateOverridesRequestProperty
                        {
                            InstanceType = "p5.48xlarge", WeightedCapacity = 2, Placement = new CfnEC2Fleet.PlacementProperty { GroupName = group.Ref },
                        },
                    },
                },
            },
        });
}
