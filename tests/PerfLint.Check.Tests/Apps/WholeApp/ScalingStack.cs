using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace WholeApp;

/// <summary>Scales an endpoint of another stack, found through Fn::ImportValue.</summary>
public sealed class ScalingStack : Stack
{
    public ScalingStack(Construct scope, string id) : base(scope, id)
    {
        // PL5003: MinCapacity equals MaxCapacity.
        var target = new ScalableTarget(this, "LlmScaling", new ScalableTargetProps
        {
            ServiceNamespace = ServiceNamespace.SAGEMAKER,
            ResourceId = Fn.Join("", new[] { "endpoint/", Fn.ImportValue("WholeAppLlmEndpointName"), "/variant/AllTraffic" }),
            ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
            MinCapacity = 2,
            MaxCapacity = 2,
        });

        new CfnVolume(this, "ModelCache", new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 200, VolumeType = "io1", Iops = 3000 });

        // PL5002: the documentation's example target value.
        target.ScaleToTrackMetric("InvocationsTracking", new BasicTargetTrackingScalingPolicyProps
        {
            TargetValue = 70,
            PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
        });
    }
}
