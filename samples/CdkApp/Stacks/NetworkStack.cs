using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace CdkApp.Stacks
{
    /// <summary>The shared VPC, a bastion host and the CI build host.</summary>
    public sealed class NetworkStack : Stack
    {
        public NetworkStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
        {
            // Explicit AZs: the data tier pins resources to them (and no context lookup is needed at synth).
            Vpc = new Vpc(this, "Vpc", new VpcProps
            {
                AvailabilityZones = new[] { "us-east-1a", "us-east-1b" },
                NatGateways = 1,
            });

            // Bastion created in 2016 and copied forward ever since.
            new Instance_(this, "Bastion", new InstanceProps
            {
                Vpc = Vpc,
                VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
                InstanceType = InstanceType.Of(InstanceClass.M4, InstanceSize.LARGE), // expect: PL1001, PL1005
                MachineImage = MachineImage.LatestAmazonLinux2023(),
            });

            // Correct: the SSM jump host of the new VPC is a current Graviton burstable instance.
            new Instance_(this, "JumpHost", new InstanceProps
            {
                Vpc = Vpc,
                InstanceType = InstanceType.Of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MICRO),
                MachineImage = MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 }),
            });

            // The CI build host: m6i is on PL1001.allowed_families in .editorconfig (kept on purpose until the arm64
            // build images are signed off), so only the Graviton suggestion remains.
            new Instance_(this, "BuildHost", new InstanceProps
            {
                Vpc = Vpc,
                InstanceType = new InstanceType("m6i.large"), // expect: PL1005
                MachineImage = MachineImage.LatestAmazonLinux2023(),
                BlockDevices = new[]
                {
                    new BlockDevice
                    {
                        DeviceName = "/dev/xvda",
                        Volume = BlockDeviceVolume.Ebs(200, new EbsDeviceOptions { VolumeType = EbsDeviceVolumeType.GP3, Iops = 6000 }),
                    },
                },
            });
        }

        public Vpc Vpc { get; }
    }
}
