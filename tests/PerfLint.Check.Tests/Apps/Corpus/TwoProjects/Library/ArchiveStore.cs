using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Storage.Library;

/// <summary>A construct library's construct: its resources are written in this project, not in the app's.</summary>
public sealed class ArchiveStore : Construct
{
    public ArchiveStore(Construct scope, string id) : base(scope, id)
    {
        new CfnVolume(this, "Volume", new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 500, VolumeType = "gp2" });
    }
}
