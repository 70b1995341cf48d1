using Amazon.CDK.AWS.EC2;
using Constructs;

namespace LayoutsApp.Stacks.Data;

/// <summary>A static helper that creates a construct under the id its caller gives.</summary>
public static class Storage
{
    public static CfnVolume ScratchVolume(Construct scope, string id) =>
        new CfnVolume(scope, id, new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 50, VolumeType = "gp2" });
}
