using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace LayoutsApp.Stacks.Data;

public sealed class DataStack : Stack
{
    public DataStack(Construct scope, string id) : base(scope, id)
    {
        new CfnVolume(this, "Journal", new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 100, VolumeType = "gp2" });
        Storage.ScratchVolume(this, "Scratch");
    }
}
