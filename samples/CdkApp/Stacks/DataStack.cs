using System.Collections.Generic;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.RDS;
using CdkApp.Config;
using CdkApp.Constructs;
using Constructs;
using DocDb = Amazon.CDK.AWS.DocDB;
using InstanceProps = Amazon.CDK.AWS.EC2.InstanceProps;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;
using OpenSearch = Amazon.CDK.AWS.OpenSearchService;

namespace CdkApp.Stacks
{
    public sealed class DataStackProps : StackProps
    {
        public IVpc Vpc { get; set; } = null!;
    }

    /// <summary>Orders and loyalty databases, reporting replica, analytics cluster, catalog documents, caches and search.</summary>
    public sealed class DataStack : Stack
    {
        public DataStack(Construct scope, string id, DataStackProps props) : base(scope, id, props)
        {
            var vpc = props.Vpc;

            // Orders database: the right family (Graviton memory-optimized), but pinned to us-east-1b on gp2.
            var orders = new DatabaseInstance(this, "Orders", new DatabaseInstanceProps
            {
                Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16_3 }),
                InstanceType = InstanceType.Of(InstanceClass.MEMORY7_GRAVITON, InstanceSize.LARGE),
                Vpc = vpc,
                VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
                AvailabilityZone = "us-east-1b",
                AllocatedStorage = 500,
                StorageType = StorageType.GP2, // expect: PL4001
            });

            // The order worker was placed in us-east-1a when the subnet ran out of addresses; it talks to the
            // database on every request.
            var worker = new Instance_(this, "OrderWorker", new InstanceProps
            {
                Vpc = vpc,
                AvailabilityZone = "us-east-1a", // expect: PL2001
                InstanceType = InstanceType.Of(InstanceClass.STANDARD4, InstanceSize.XLARGE), // expect: PL1001, PL1005
                MachineImage = MachineImage.LatestAmazonLinux2023(),
                BlockDevices = new[]
                {
                    new BlockDevice
                    {
                        DeviceName = "/dev/xvda",
                        Volume = BlockDeviceVolume.Ebs(100, new EbsDeviceOptions { VolumeType = EbsDeviceVolumeType.GP2 }), // expect: PL4001
                    },
                },
            });
            orders.Connections.AllowDefaultPortFrom(worker);

            // Scratch space for the worker's exports, through the shared helper: the type is reported here.
            Volumes.Scratch(this, "WorkerScratch", "us-east-1a", "gp2", 500); // expect: PL4001
            Volumes.Scratch(this, "WorkerSpool", "us-east-1a", "gp3", 200);

            // Write-ahead journal of the order worker.
            new Volume(this, "Journal", new VolumeProps
            {
                AvailabilityZone = "us-east-1a",
                Size = Size.Gibibytes(400),
                VolumeType = EbsDeviceVolumeType.IO1, // expect: PL4002
                Iops = 8000,
                Encrypted = true,
            });

            // Reporting replica, sized from the platform team's shared constants.
            new CfnDBInstance(this, "ReportingReplica", new CfnDBInstanceProps
            {
                SourceDbInstanceIdentifier = orders.InstanceIdentifier,
                DbInstanceClass = InstanceChoices.ReportingDatabase, // expect: PL1001
            });

            // Analytics: a Multi-AZ DB cluster on a compute-optimized class, on io1 storage.
            new CfnDBCluster(this, "Analytics", new CfnDBClusterProps
            {
                Engine = "postgres",
                DbClusterInstanceClass = "db.c6gd.xlarge", // expect: PL1002
                StorageType = "io1", // expect: PL4002
                AllocatedStorage = 400,
                Iops = 3000,
                MasterUsername = "analytics",
                ManageMasterUserPassword = true,
            });

            // Catalog documents on DocumentDB: a compute-optimized Graviton class for a memory-bound database.
            new DocDb.DatabaseCluster(this, "CatalogDocuments", new DocDb.DatabaseClusterProps
            {
                MasterUser = new DocDb.Login { Username = "catalog" },
                InstanceType = InstanceType.Of(InstanceClass.COMPUTE6_GRAVITON2, InstanceSize.XLARGE), // expect: PL1002
                Vpc = vpc,
            });

            // Caches: the session cache uses an old shared constant; the catalog cache is current.
            new CfnReplicationGroup(this, "SessionCache", new CfnReplicationGroupProps
            {
                ReplicationGroupDescription = "web sessions",
                Engine = "redis",
                CacheNodeType = InstanceChoices.SessionCache, // expect: PL1001
                NumCacheClusters = 2,
            });
            new CfnReplicationGroup(this, "CatalogCache", new CfnReplicationGroupProps
            {
                ReplicationGroupDescription = "product catalog",
                Engine = "redis",
                CacheNodeType = InstanceChoices.CatalogCache,
                NumCacheClusters = 2,
            });

            // Product search.
            new OpenSearch.Domain(this, "ProductSearch", new OpenSearch.DomainProps
            {
                Version = OpenSearch.EngineVersion.OPENSEARCH_2_11,
                Capacity = new OpenSearch.CapacityConfig
                {
                    DataNodes = 2,
                    DataNodeInstanceType = "r4.large.search", // expect: PL1001
                    MultiAzWithStandbyEnabled = false,
                },
                Ebs = new OpenSearch.EbsOptions { VolumeSize = 100, VolumeType = EbsDeviceVolumeType.GP2 }, // expect: PL4001
            });

            // Loyalty points: a small database that the nightly expiry Lambda connects to directly. Each concurrent
            // invocation opens its own connection, and nothing pools them: no RDS Proxy in front of this database.
            var loyalty = new DatabaseInstance(this, "Loyalty", new DatabaseInstanceProps
            {
                Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = PostgresEngineVersion.VER_16_3 }),
                InstanceType = InstanceType.Of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MEDIUM),
                Vpc = vpc,
                VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
                AllocatedStorage = 50,
                StorageType = StorageType.GP3,
            });
            var pointsExpiry = new Function(this, "PointsExpiry", new FunctionProps
            {
                Runtime = Runtime.PYTHON_3_12,
                Architecture = Architecture.ARM_64,
                Handler = "index.handler",
                Code = Code.FromInline("def handler(event, context):\n    return {'expired': 0}\n"),
                Vpc = vpc,
                Environment = new Dictionary<string, string> { ["DB_SECRET_NAME"] = "shop/loyalty/expiry" },
            });
            loyalty.Connections.AllowDefaultPortFrom(pointsExpiry); // expect: PL3001

            // Correct: the order-ingest Lambda goes through an RDS Proxy that pools connections.
            var proxy = orders.AddProxy("OrdersProxy", new DatabaseProxyOptions { Secrets = new[] { orders.Secret! }, Vpc = vpc });
            var ingest = new Function(this, "OrderIngest", new FunctionProps
            {
                Runtime = Runtime.PYTHON_3_12,
                Architecture = Architecture.ARM_64,
                Handler = "index.handler",
                Code = Code.FromInline("def handler(event, context):\n    return {'ingested': 0}\n"),
                Vpc = vpc,
                Environment = new Dictionary<string, string> { ["DB_HOST"] = proxy.Endpoint },
            });
            proxy.Connections.AllowFrom(ingest, Port.Tcp(5432), "order ingest to the proxy");
            proxy.GrantConnect(ingest, "orders_app");
        }
    }
}
