using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace WholeApp;

/// <summary>A nested stack: its template is a separate file the checker must follow from the parent.</summary>
public sealed class StorageNestedStack : NestedStack
{
    public StorageNestedStack(Construct scope, string id) : base(scope, id)
    {
        // PL4002: io1 inside a nested stack.
        new CfnVolume(this, "JournalVolume", new CfnVolumeProps
        {
            AvailabilityZone = Fn.Select(0, Fn.GetAzs()),
            Size = 500,
            VolumeType = "io1",
            Iops = 10000,
        });
    }
}
