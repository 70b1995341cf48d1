using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Sagemaker;
using Constructs;
using Efs = Amazon.CDK.AWS.EFS;
using Sfn = Amazon.CDK.AWS.StepFunctions;
using Tasks = Amazon.CDK.AWS.StepFunctions.Tasks;

namespace WholeApp;

/// <summary>
/// PL1006 (a small model on a training instance; a training task on Inferentia, which check reads from the state
/// machine's definition) and PL4003 (a GPU instance reading EFS in the default Bursting
/// throughput mode) over a synthesized template (synthesized alone, see Program.cs).
/// </summary>
public sealed class AcceleratorRoleStack : Stack
{
    public AcceleratorRoleStack(Construct scope, string id) : base(scope, id)
    {
        // PL1006: Mistral 7B (16.32 GiB with headroom) on ml.p4de.24xlarge (8x A100, 640 GiB).
        var model = new CfnModel(this, "ChatModel", new CfnModelProps
        {
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/sm",
            PrimaryContainer = new CfnModel.ContainerDefinitionProperty
            {
                Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/our-server:1",
                Environment = new Dictionary<string, object> { ["HF_MODEL_ID"] = "mistralai/Mistral-7B-Instruct-v0.2" },
            },
        });
        new CfnEndpointConfig(this, "ChatConfig", new CfnEndpointConfigProps
        {
            ProductionVariants = new[]
            {
                new CfnEndpointConfig.ProductionVariantProperty { ModelName = model.AttrModelName, VariantName = "AllTraffic", InstanceType = "ml.p4de.24xlarge", InitialInstanceCount = 1 },
            },
        });

        // PL1006: a training job on Inferentia (inf1: inference only), a task of a state machine; CDK writes "ml.inf1.xlarge".
        var train = new Tasks.SageMakerCreateTrainingJob(this, "Train", new Tasks.SageMakerCreateTrainingJobProps
        {
            TrainingJobName = "nightly",
            AlgorithmSpecification = new Tasks.AlgorithmSpecification
            {
                TrainingImage = Tasks.DockerImage.FromRegistry("123456789012.dkr.ecr.us-east-1.amazonaws.com/trainer:1"),
                TrainingInputMode = Tasks.InputMode.FILE,
            },
            InputDataConfig = new[]
            {
                new Tasks.Channel
                {
                    ChannelName = "train",
                    DataSource = new Tasks.DataSource { S3DataSource = new Tasks.S3DataSource { S3Location = Tasks.S3Location.FromJsonExpression("$.TrainUri") } },
                },
            },
            OutputDataConfig = new Tasks.OutputDataConfig { S3OutputLocation = Tasks.S3Location.FromJsonExpression("$.OutUri") },
            ResourceConfig = new Tasks.ResourceConfig { InstanceCount = 1, InstanceType = new InstanceType("inf1.xlarge"), VolumeSize = Size.Gibibytes(50) },
        });
        new Sfn.StateMachine(this, "Training", new Sfn.StateMachineProps { DefinitionBody = Sfn.DefinitionBody.FromChainable(train) });

        // PL4003: the L2 file system's default throughput mode is bursting; a GPU instance is allowed to its NFS port.
        var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 1 });
        var data = new Efs.FileSystem(this, "TrainingData", new Efs.FileSystemProps { Vpc = vpc });
        var trainer = new Instance_(this, "Trainer", new InstanceProps
        {
            Vpc = vpc, InstanceType = new InstanceType("g5.xlarge"), MachineImage = MachineImage.LatestAmazonLinux2023(),
        });
        data.Connections.AllowDefaultPortFrom(trainer);

        // No PL4003: Elastic throughput.
        var elastic = new Efs.FileSystem(this, "ElasticData", new Efs.FileSystemProps { Vpc = vpc, ThroughputMode = Efs.ThroughputMode.ELASTIC });
        elastic.Connections.AllowDefaultPortFrom(trainer);
    }
}
