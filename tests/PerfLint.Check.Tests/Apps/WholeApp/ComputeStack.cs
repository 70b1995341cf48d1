using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.RDS;
using Constructs;

namespace WholeApp;

public sealed class ComputeStack : Stack
{
    public ComputeStack(Construct scope, string id, FleetConfig config) : base(scope, id)
    {
        var vpc = new Vpc(this, "Network", new VpcProps { MaxAzs = 2, NatGateways = 0 });

        // PL1001 (template only): the instance type comes from fleet.json.
        new Instance_(this, "WebServer", new Amazon.CDK.AWS.EC2.InstanceProps
        {
            Vpc = vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            InstanceType = new Amazon.CDK.AWS.EC2.InstanceType(config.WebInstanceType),
            MachineImage = MachineImage.LatestAmazonLinux2(),
        });

        // PL1001 + PL2002 (template only): a helper loop creates the training fleet.
        for (var i = 0; i < 3; i++)
        {
            AddTrainingNode(vpc, i);
        }

        // PL4001 (template only): the L2 Volume picks gp2 when no type is given.
        new Volume(this, "ScratchVolume", new VolumeProps
        {
            AvailabilityZone = vpc.AvailabilityZones[0],
            Size = Size.Gibibytes(100),
        });

        // PL2001: an app server in AZ 0 talks to a database pinned to AZ 1 through a security-group rule.
        var appSg = new SecurityGroup(this, "AppServerSg", new SecurityGroupProps { Vpc = vpc });
        new CfnInstance(this, "AppServer", new CfnInstanceProps
        {
            InstanceType = "m7g.large",
            ImageId = "ami-0123456789abcdef0",
            SubnetId = vpc.PublicSubnets[0].SubnetId,
            SecurityGroupIds = new[] { appSg.SecurityGroupId },
        });

        // PL1002: a database on a compute-optimized family.
        var db = new DatabaseInstance(this, "OrdersDb", new DatabaseInstanceProps
        {
            Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16 }),
            InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.COMPUTE5, InstanceSize.LARGE),
            Vpc = vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
            AvailabilityZone = vpc.AvailabilityZones[1],
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        db.Connections.AllowDefaultPortFrom(appSg);

        // PL3001: a Lambda function given the DB endpoint and allowed to its port, with no RDS Proxy.
        var direct = new Function(this, "OrdersApi", LambdaProps(vpc, db.DbInstanceEndpointAddress));
        db.Connections.AllowDefaultPortFrom(direct);

        // No PL3001: this one goes through an RDS Proxy.
        var proxy = db.AddProxy("OrdersProxy", new DatabaseProxyOptions { Secrets = new[] { db.Secret! }, Vpc = vpc });
        var pooled = new Function(this, "ReportsApi", LambdaProps(vpc, proxy.Endpoint));
        proxy.Connections.AllowFrom(pooled, Port.Tcp(5432));

        new StorageNestedStack(this, "Storage");
    }

    private void AddTrainingNode(IVpc vpc, int index) =>
        new CfnInstance(this, $"TrainingNode{index}", new CfnInstanceProps
        {
            InstanceType = "p3.8xlarge",
            ImageId = "ami-0123456789abcdef0",
            SubnetId = vpc.PublicSubnets[0].SubnetId,
        });

    private static FunctionProps LambdaProps(IVpc vpc, string dbHost) => new FunctionProps
    {
        Runtime = Runtime.NODEJS_20_X,
        Handler = "index.handler",
        Code = Code.FromInline("exports.handler = async () => 'ok';"),
        Vpc = vpc,
        VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
        Environment = new Dictionary<string, string> { ["DB_HOST"] = dbHost },
    };
}
