using Amazon.CDK;
using Amazon.CDK.AWS.AutoScaling;
using Amazon.CDK.AWS.EC2;
using CdkApp.Config;
using Constructs;

namespace CdkApp.Stacks
{
    public sealed class BatchStackProps : StackProps
    {
        public IVpc Vpc { get; set; } = null!;
    }

    /// <summary>Nightly report and export workers, sized per stage from the CDK context in cdk.json.</summary>
    public sealed class BatchStack : Stack
    {
        public BatchStack(Construct scope, string id, BatchStackProps props) : base(scope, id, props)
        {
            var stage = Node.TryGetContext("stage") as string ?? "dev";
            var image = MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 });

            new AutoScalingGroup(this, "ReportWorkers", new AutoScalingGroupProps
            {
                Vpc = props.Vpc,
                InstanceType = new InstanceType(StageSizing.For(stage).WorkerType), // expect: PL1001
                MachineImage = image,
                MinCapacity = 0,
                MaxCapacity = StageSizing.For(stage).Workers,
            });

            // The export workers' type is set per deployment in cdk.json ("exportWorkerType"); without it, m7g.large.
            new AutoScalingGroup(this, "ExportWorkers", new AutoScalingGroupProps
            {
                Vpc = props.Vpc,
                InstanceType = new InstanceType(Node.TryGetContext("exportWorkerType") as string ?? "m7g.large"), // expect: PL1001
                MachineImage = image,
                MinCapacity = 0,
                MaxCapacity = 2,
            });
        }
    }
}
