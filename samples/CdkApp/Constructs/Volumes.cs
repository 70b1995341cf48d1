using Amazon.CDK.AWS.EC2;
using Constructs;

namespace CdkApp.Constructs
{
    /// <summary>
    /// The team's shared helper for extra data volumes. The volume type is a parameter: PerfLint reports a bad type at
    /// each call site that passes it, not here.
    /// </summary>
    public static class Volumes
    {
        public static CfnVolume Scratch(Construct scope, string id, string availabilityZone, string volumeType, int sizeGiB)
        {
            return new CfnVolume(scope, id, new CfnVolumeProps
            {
                AvailabilityZone = availabilityZone,
                Size = sizeGiB,
                VolumeType = volumeType,
                Encrypted = true,
            });
        }
    }
}
