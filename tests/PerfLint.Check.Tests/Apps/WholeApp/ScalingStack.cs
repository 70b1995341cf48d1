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

        // PL5003 for any service: a DynamoDB table's read capacity pinned.
        new CfnScalableTarget(this, "TableReads", new CfnScalableTargetProps
        {
            ServiceNamespace = "dynamodb", ResourceId = "table/Orders", ScalableDimension = "dynamodb:table:ReadCapacityUnits",
            RoleArn = "arn:aws:iam::123456789012:role/scaling", MinCapacity = 5, MaxCapacity = 5,
        });

        // Not PL5003: scheduled actions move the bounds over time.
        new CfnScalableTarget(this, "TableWrites", new CfnScalableTargetProps
        {
            ServiceNamespace = "dynamodb", ResourceId = "table/Orders", ScalableDimension = "dynamodb:table:WriteCapacityUnits",
            RoleArn = "arn:aws:iam::123456789012:role/scaling", MinCapacity = 5, MaxCapacity = 5,
            ScheduledActions = new object[]
            {
                new CfnScalableTarget.ScheduledActionProperty
                {
                    ScheduledActionName = "business-hours", Schedule = "cron(0 8 * * ? *)",
                    ScalableTargetAction = new CfnScalableTarget.ScalableTargetActionProperty { MinCapacity = 5, MaxCapacity = 20 },
                },
            },
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
