using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.AutoScaling;
using Constructs;
using BlockDevice = Amazon.CDK.AWS.EC2.BlockDevice;
using BlockDeviceVolume = Amazon.CDK.AWS.EC2.BlockDeviceVolume;
using EbsDeviceOptions = Amazon.CDK.AWS.EC2.EbsDeviceOptions;
using EbsDeviceVolumeType = Amazon.CDK.AWS.EC2.EbsDeviceVolumeType;

namespace CdkApp.Stacks
{
    public sealed class TrainingStackProps : StackProps
    {
        public IVpc Vpc { get; set; } = null!;
    }

    /// <summary>Fine-tuning fleets for the shop's models and a GPU workstation for the data scientists.</summary>
    public sealed class TrainingStack : Stack
    {
        public TrainingStack(Construct scope, string id, TrainingStackProps props) : base(scope, id, props)
        {
            var vpc = props.Vpc;
            var gpuImage = MachineImage.FromSsmParameter("/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id");

            // Distributed fine-tuning on four p4d.24xlarge with NCCL all-reduce, spread wherever EC2 puts them.
            new AutoScalingGroup(this, "FineTuneFleet", new AutoScalingGroupProps
            {
                Vpc = vpc,
                InstanceType = new InstanceType("p4d.24xlarge"), // expect: PL2002, PL2004
                MachineImage = gpuImage,
                MinCapacity = 0,
                MaxCapacity = 4,
                DesiredCapacity = 4,
            });

            // The Trainium fleet runs in a cluster placement group (set on the L1 resource: the L2 Auto Scaling group
            // of CDK 2.160 has no placement-group property), but its instances have no EFA interface.
            var cluster = new PlacementGroup(this, "TrainiumCluster", new PlacementGroupProps { Strategy = PlacementGroupStrategy.CLUSTER });
            var trainium = new AutoScalingGroup(this, "TrainiumFleet", new AutoScalingGroupProps
            {
                Vpc = vpc,
                InstanceType = new InstanceType("trn1.32xlarge"), // expect: PL2004
                MachineImage = gpuImage,
                MinCapacity = 0,
                MaxCapacity = 4,
            });
            ((CfnAutoScalingGroup)trainium.Node.DefaultChild!).PlacementGroup = cluster.PlacementGroupName;

            // The data loader reads training data from EFS left in its default Bursting throughput mode.
            var trainingData = new Amazon.CDK.AWS.EFS.FileSystem(this, "TrainingData", new Amazon.CDK.AWS.EFS.FileSystemProps { Vpc = vpc }); // expect: PL4003
            var dataLoader = new Instance_(this, "DataLoader", new InstanceProps { Vpc = vpc, InstanceType = new InstanceType("g6.xlarge"), MachineImage = gpuImage });
            trainingData.Connections.AllowDefaultPortFrom(dataLoader);

            // The data scientists' workstation: a GPU generation two behind the current one.
            new Instance_(this, "GpuWorkstation", new InstanceProps
            {
                Vpc = vpc,
                InstanceType = InstanceType.Of(InstanceClass.G4DN, InstanceSize.XLARGE), // expect: PL1001
                MachineImage = gpuImage,
                BlockDevices = new[]
                {
                    new BlockDevice
                    {
                        DeviceName = "/dev/sda1",
                        Volume = BlockDeviceVolume.Ebs(500, new EbsDeviceOptions { VolumeType = EbsDeviceVolumeType.GP3 }),
                    },
                },
            });
        }
    }
}
