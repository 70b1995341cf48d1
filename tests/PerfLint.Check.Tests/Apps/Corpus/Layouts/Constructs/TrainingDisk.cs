using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace LayoutsApp.Constructs;

/// <summary>A construct of the app's own: an L2 volume whose type is the CDK's default (the ebsDefaultGp3Volume flag picks it).</summary>
public sealed class TrainingDisk : Construct
{
    public TrainingDisk(Construct scope, string id) : base(scope, id)
    {
        new Volume(this, "Disk", new VolumeProps { AvailabilityZone = "us-east-1a", Size = Size.Gibibytes(200) });
    }
}
