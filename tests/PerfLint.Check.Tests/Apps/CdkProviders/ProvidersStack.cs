using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Amazon.CDK.AWS.S3.Notifications;
using Amazon.CDK.CustomResources;
using Constructs;

namespace CdkProviders;

/// <summary>Every CDK feature below adds a Lambda function of the CDK's own; only Api, Legacy and SeedHandler are the user's.</summary>
public sealed class ProvidersStack : Stack
{
    public ProvidersStack(Construct scope, string id) : base(scope, id)
    {
        // Custom::VpcRestrictDefaultSGCustomResourceProvider
        new Vpc(this, "Network", new VpcProps { MaxAzs = 1, NatGateways = 0, RestrictDefaultSecurityGroup = true });

        // Custom::S3AutoDeleteObjectsCustomResourceProvider
        var bucket = new Bucket(this, "Uploads", new BucketProps { AutoDeleteObjects = true, RemovalPolicy = RemovalPolicy.DESTROY });

        // The user's function (x86_64 by default): reported. LogRetention adds the CDK's LogRetention singleton.
        var api = new Function(this, "Api", new FunctionProps
        {
            Runtime = Runtime.NODEJS_20_X,
            Handler = "index.handler",
            Code = Code.FromInline("exports.handler = async () => 'ok';"),
            LogRetention = RetentionDays.ONE_WEEK,
        });

        // A user function on a runtime without arm64: not reported. (The CDK marks the member obsolete; the app keeps it on purpose.)
#pragma warning disable CS0618
        new Function(this, "Legacy", new FunctionProps
        {
            Runtime = Runtime.PYTHON_3_7,
            Handler = "index.handler",
            Code = Code.FromInline("def handler(event, context): return 'ok'"),
        });
#pragma warning restore CS0618

        // BucketNotificationsHandler singleton.
        bucket.AddEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(api));

        // AwsCustomResource's singleton (AWS679f53fa...).
        new AwsCustomResource(this, "ReadParameter", new AwsCustomResourceProps
        {
            OnCreate = new AwsSdkCall
            {
                Service = "SSM",
                Action = "getParameter",
                Parameters = new Dictionary<string, object> { ["Name"] = "/app/name" },
                PhysicalResourceId = PhysicalResourceId.Of("app-name"),
            },
            Policy = AwsCustomResourcePolicy.FromSdkCalls(new SdkCallsPolicyOptions { Resources = AwsCustomResourcePolicy.ANY_RESOURCE }),
        });

        // Custom::CDKBucketDeployment singleton.
        new BucketDeployment(this, "Site", new BucketDeploymentProps
        {
            Sources = new[] { Source.Data("index.html", "<h1>ok</h1>") },
            DestinationBucket = bucket,
        });

        // The provider framework's own functions (framework-onEvent); its onEvent handler is the user's.
        var seed = new Function(this, "SeedHandler", new FunctionProps
        {
            Runtime = Runtime.NODEJS_20_X,
            Handler = "index.handler",
            Code = Code.FromInline("exports.handler = async () => ({});"),
            Architecture = Architecture.X86_64,
        });
        var provider = new Provider(this, "Seeder", new ProviderProps { OnEventHandler = seed });
        new CustomResource(this, "Seed", new CustomResourceProps { ServiceToken = provider.ServiceToken });
    }
}
