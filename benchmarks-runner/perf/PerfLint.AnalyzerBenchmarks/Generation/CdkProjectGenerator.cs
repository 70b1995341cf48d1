using System.Text;

namespace PerfLint.AnalyzerBenchmarks.Generation;

/// <summary>
/// Writes a CDK v2 app in C#: one file per construct (API, worker, database, cache, model endpoint, website), stacks
/// that compose ten constructs each, shared sizing constants and Program.cs. About one construct in eight carries a
/// problem PerfLint reports (previous-generation type, gp2, io1, compute family for a database, documentation target
/// value, min = max, no CloudFront), the rest is correct code the analyzers still have to look at.
/// </summary>
public static class CdkProjectGenerator
{
    private const int ConstructsPerStack = 10;

    private static readonly string[] Kinds = { "Api", "Worker", "Database", "Cache", "Endpoint", "Site" };

    public static GeneratedProject Generate(int files)
    {
        var stacks = Math.Max(1, (files - 2 + ConstructsPerStack) / (ConstructsPerStack + 1));
        var constructs = Math.Max(files - 2 - stacks, 1);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Config/Sizing.cs"] = Sizing,
        };
        for (var i = 0; i < constructs; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            sources[$"Constructs/{kind}/{kind}{i:0000}.cs"] = Construct(kind, i);
        }

        var program = new StringBuilder();
        for (var s = 0; s < stacks; s++)
        {
            var members = Enumerable.Range(s * ConstructsPerStack, ConstructsPerStack).Where(i => i < constructs).ToList();
            sources[$"Stacks/ServiceStack{s:000}.cs"] = Stack(s, members);
            program.AppendLine($"            new ServiceStack{s:000}(app, \"Service{s:000}\", env);");
        }

        sources["Program.cs"] = $$"""
            using Amazon.CDK;
            using Generated.Stacks;

            namespace Generated
            {
                public static class Program
                {
                    public static void Main()
                    {
                        var app = new App();
                        var env = new StackProps { Env = new Amazon.CDK.Environment { Account = "111122223333", Region = "us-east-1" } };
            {{program}}            app.Synth();
                    }
                }
            }
            """;
        return new GeneratedProject(ProjectKind.Cdk, sources);
    }

    /// <summary>Every eighth construct of each kind carries its kind's problem (the kinds rotate, so index / kinds).</summary>
    private static bool Hit(int i) => Nth(i) % 8 == 3;

    /// <summary>The index of construct <paramref name="i"/> among those of its kind.</summary>
    private static int Nth(int i) => i / Kinds.Length;

    private static string Stack(int s, IReadOnlyList<int> members)
    {
        var body = new StringBuilder();
        foreach (var i in members)
        {
            var kind = Kinds[i % Kinds.Length];
            body.AppendLine($"            new {kind}{i:0000}(this, \"{kind}{i:0000}\", vpc);");
        }

        return $$"""
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;
            using Constructs;
            using Generated.Constructs;

            namespace Generated.Stacks
            {
                /// <summary>Service group {{s}}: a VPC and ten constructs.</summary>
                public sealed class ServiceStack{{s:000}} : Stack
                {
                    public ServiceStack{{s:000}}(Construct scope, string id, IStackProps props) : base(scope, id, props)
                    {
                        var vpc = new Vpc(this, "Vpc", new VpcProps { AvailabilityZones = new[] { "us-east-1a", "us-east-1b" }, NatGateways = 1 });
            {{body}}        }
                }
            }
            """;
    }

    private static string Construct(string kind, int i) => kind switch
    {
        "Api" => Api(i),
        "Worker" => Worker(i),
        "Database" => Database(i),
        "Cache" => Cache(i),
        "Endpoint" => Endpoint(i),
        _ => Site(i),
    };

    private static string Header(string usings, string name, string summary) => $$"""
        {{usings}}
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Constructs;
        using Generated.Config;

        namespace Generated.Constructs
        {
            /// <summary>{{summary}}</summary>
            public sealed class {{name}} : Construct
            {
                public {{name}}(Construct scope, string id, IVpc vpc) : base(scope, id)
                {
        """;

    private const string Footer = """
                }
            }
        }
        """;

    private static string Api(int i)
    {
        // x86_64 is PL1005, which is off by default: it costs analysis time but reports nothing.
        var architecture = i % 5 == 0 ? "Architecture.X86_64" : "Architecture.ARM_64";
        return Header("using System.Collections.Generic;\nusing Amazon.CDK.AWS.DynamoDB;\nusing Amazon.CDK.AWS.Lambda;\nusing Amazon.CDK.AWS.SQS;", $"Api{i:0000}", "An API function with its table and queue.") + "\n" + $$"""
                    var table = new Table(this, "Table", new TableProps
                    {
                        PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING },
                        SortKey = new Attribute { Name = "sk", Type = AttributeType.STRING },
                        BillingMode = BillingMode.PAY_PER_REQUEST,
                    });
                    var queue = new Queue(this, "Queue", new QueueProps { VisibilityTimeout = Duration.Seconds({{30 + i % 90}}) });
                    var function = new Amazon.CDK.AWS.Lambda.Function(this, "Handler", new FunctionProps
                    {
                        Runtime = Runtime.PYTHON_3_12,
                        Architecture = {{architecture}},
                        Handler = "index.handler",
                        Code = Code.FromInline("def handler(event, context):\n    return {'id': {{i}}}\n"),
                        MemorySize = {{128 * (1 + i % 8)}},
                        Timeout = Duration.Seconds({{10 + i % 20}}),
                        Vpc = vpc,
                        Environment = new Dictionary<string, string>
                        {
                            ["TABLE_NAME"] = table.TableName,
                            ["QUEUE_URL"] = queue.QueueUrl,
                            ["SERVICE"] = "service-{{i}}",
                        },
                    });
                    table.GrantReadWriteData(function);
                    queue.GrantSendMessages(function);
        """ + "\n" + Footer;
    }

    private static string Worker(int i)
    {
        var instanceType = Hit(i) ? "InstanceType.Of(InstanceClass.STANDARD4, InstanceSize.XLARGE)" : i % 3 == 0 ? "new InstanceType(Sizing.WorkerType)" : "InstanceType.Of(InstanceClass.COMPUTE7_GRAVITON3, InstanceSize.LARGE)";
        var volume = Nth(i) % 8 == 6 ? "EbsDeviceVolumeType.GP2" : "EbsDeviceVolumeType.GP3";
        return Header("using Amazon.CDK.AWS.AutoScaling;\nusing BlockDevice = Amazon.CDK.AWS.AutoScaling.BlockDevice;\nusing BlockDeviceVolume = Amazon.CDK.AWS.AutoScaling.BlockDeviceVolume;\nusing EbsDeviceOptions = Amazon.CDK.AWS.AutoScaling.EbsDeviceOptions;\nusing EbsDeviceVolumeType = Amazon.CDK.AWS.AutoScaling.EbsDeviceVolumeType;", $"Worker{i:0000}", "A worker fleet behind an Auto Scaling group.") + "\n" + $$"""
                    var group = new AutoScalingGroup(this, "Fleet", new AutoScalingGroupProps
                    {
                        Vpc = vpc,
                        InstanceType = {{instanceType}},
                        MachineImage = MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 }),
                        MinCapacity = 1,
                        MaxCapacity = {{2 + i % 10}},
                        BlockDevices = new[]
                        {
                            new BlockDevice
                            {
                                DeviceName = "/dev/xvda",
                                Volume = BlockDeviceVolume.Ebs({{50 + i % 200}}, new EbsDeviceOptions { VolumeType = {{volume}} }),
                            },
                        },
                    });
                    group.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = {{40 + i % 30}} });
        """ + "\n" + Footer;
    }

    private static string Database(int i)
    {
        var instanceClass = Hit(i) ? "InstanceClass.COMPUTE6_GRAVITON2" : i % 4 == 0 ? "InstanceClass.MEMORY7_INTEL" : "InstanceClass.MEMORY7_GRAVITON";
        var storage = Nth(i) % 10 == 2 ? "StorageType.GP2" : Nth(i) % 10 == 7 ? "StorageType.IO1" : "StorageType.GP3";
        return Header("using Amazon.CDK.AWS.RDS;\nusing InstanceType = Amazon.CDK.AWS.EC2.InstanceType;", $"Database{i:0000}", "A PostgreSQL database for one service.") + "\n" + $$"""
                    new DatabaseInstance(this, "Database", new DatabaseInstanceProps
                    {
                        Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16_3 }),
                        InstanceType = InstanceType.Of({{instanceClass}}, InstanceSize.LARGE),
                        Vpc = vpc,
                        VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
                        AllocatedStorage = {{100 + i % 400}},
                        StorageType = {{storage}},
                        {{(storage == "StorageType.IO1" ? "Iops = 3000," : "")}}
                        MultiAz = {{(i % 2 == 0 ? "true" : "false")}},
                        DeletionProtection = true,
                    });
        """ + "\n" + Footer;
    }

    private static string Cache(int i)
    {
        var nodeType = Hit(i) ? "\"cache.r4.large\"" : "Sizing.CacheNodeType";
        return Header("using Amazon.CDK.AWS.ElastiCache;\nusing System.Linq;", $"Cache{i:0000}", "A Redis replication group.") + "\n" + $$"""
                    var subnets = new CfnSubnetGroup(this, "Subnets", new CfnSubnetGroupProps
                    {
                        Description = "cache {{i}}",
                        SubnetIds = vpc.PrivateSubnets.Select(s => s.SubnetId).ToArray(),
                    });
                    new CfnReplicationGroup(this, "Cache", new CfnReplicationGroupProps
                    {
                        ReplicationGroupDescription = "service {{i}} cache",
                        Engine = "redis",
                        CacheNodeType = {{nodeType}},
                        NumCacheClusters = {{2 + i % 3}},
                        CacheSubnetGroupName = subnets.Ref,
                        AutomaticFailoverEnabled = true,
                    });
        """ + "\n" + Footer;
    }

    private static string Endpoint(int i)
    {
        var target = Hit(i) ? "70" : (100 + i % 300).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var max = Nth(i) % 8 == 5 ? "2" : (3 + i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Header("using Amazon.CDK.AWS.ApplicationAutoScaling;\nusing Amazon.CDK.AWS.IAM;\nusing Amazon.CDK.AWS.Sagemaker;", $"Endpoint{i:0000}", "A SageMaker real-time endpoint with target-tracking scaling.") + "\n" + $$"""
                    var role = new Role(this, "Role", new RoleProps { AssumedBy = new ServicePrincipal("sagemaker.amazonaws.com") });
                    var model = new CfnModel(this, "Model", new CfnModelProps
                    {
                        ExecutionRoleArn = role.RoleArn,
                        PrimaryContainer = new CfnModel.ContainerDefinitionProperty
                        {
                            Image = Sizing.GpuImage,
                            ModelDataUrl = "s3://models-{{i}}/model.tar.gz",
                        },
                    });
                    var config = new CfnEndpointConfig(this, "Config", new CfnEndpointConfigProps
                    {
                        ProductionVariants = new object[]
                        {
                            new CfnEndpointConfig.ProductionVariantProperty
                            {
                                VariantName = "AllTraffic",
                                ModelName = model.AttrModelName,
                                InstanceType = Sizing.EndpointType,
                                InitialInstanceCount = 1,
                                InitialVariantWeight = 1,
                            },
                        },
                    });
                    var endpoint = new CfnEndpoint(this, "Endpoint", new CfnEndpointProps { EndpointName = "endpoint-{{i}}", EndpointConfigName = config.AttrEndpointConfigName });
                    var scaling = new ScalableTarget(this, "Scaling", new ScalableTargetProps
                    {
                        ServiceNamespace = ServiceNamespace.SAGEMAKER,
                        ResourceId = "endpoint/endpoint-{{i}}/variant/AllTraffic",
                        ScalableDimension = "sagemaker:variant:DesiredInstanceCount",
                        MinCapacity = 2,
                        MaxCapacity = {{max}},
                    });
                    scaling.Node.AddDependency(endpoint);
                    scaling.ScaleToTrackMetric("Invocations", new BasicTargetTrackingScalingPolicyProps
                    {
                        PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
                        TargetValue = {{target}},
                    });
        """ + "\n" + Footer;
    }

    private static string Site(int i)
    {
        var cdn = Hit(i)
            ? "// Served straight from the website endpoint."
            : "new Distribution(this, \"Cdn\", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = new S3StaticWebsiteOrigin(site) } });";
        return Header("using Amazon.CDK.AWS.CloudFront;\nusing Amazon.CDK.AWS.CloudFront.Origins;\nusing Amazon.CDK.AWS.S3;", $"Site{i:0000}", "A static website.") + "\n" + $$"""
                    var site = new Bucket(this, "Site", new BucketProps
                    {
                        WebsiteIndexDocument = "index.html",
                        WebsiteErrorDocument = "error.html",
                        PublicReadAccess = true,
                        BlockPublicAccess = BlockPublicAccess.BLOCK_ACLS,
                        Versioned = {{(i % 2 == 0 ? "true" : "false")}},
                    });
                    {{cdn}}
        """ + "\n" + Footer;
    }

    private const string Sizing = """
        namespace Generated.Config
        {
            /// <summary>Sizing shared by every service.</summary>
            public static class Sizing
            {
                public const string WorkerType = "m7g.large";
                public const string CacheNodeType = "cache.r7g.large";
                public const string EndpointType = "ml.g5.xlarge";
                public const string GpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker";
            }
        }
        """;
}
