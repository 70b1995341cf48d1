using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

// A small CDK app with a gp2 block device and m4 instances, for `dotnet format analyzers` to fix.
public sealed class WorkerStack : Stack
{
    public WorkerStack(Construct scope, string id) : base(scope, id)
    {
        var vpc = new Vpc(this, "Vpc");
        new Instance_(this, "Worker", new InstanceProps
        {
            Vpc = vpc,
            InstanceType = new InstanceType("m4.large"),
            MachineImage = MachineImage.LatestAmazonLinux2023(),
            BlockDevices = new[]
            {
                new BlockDevice
                {
                    DeviceName = "/dev/xvda",
                    Volume = BlockDeviceVolume.Ebs(100, new EbsDeviceOptions { VolumeType = EbsDeviceVolumeType.GP2 }),
                },
            },
        });
        new Instance_(this, "Batch", new InstanceProps
        {
            Vpc = vpc,
            InstanceType = InstanceType.Of(InstanceClass.STANDARD4, InstanceSize.XLARGE),
            MachineImage = MachineImage.LatestAmazonLinux2023(),
        });
    }
}

public static class Program
{
    public static void Main()
    {
        var app = new App();
        new WorkerStack(app, "Worker");
        app.Synth();
    }
}
