using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Constructs;
using Function = Amazon.CDK.AWS.Lambda.Function;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;

namespace CdkApp.Stacks
{
    /// <summary>The storefront: a marketing site, the documentation site behind CloudFront, and the API functions.</summary>
    public sealed class WebStack : Stack
    {
        public WebStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
        {
            // The marketing site is served straight from the S3 website endpoint to shoppers everywhere.
            new Bucket(this, "MarketingSite", new BucketProps { WebsiteIndexDocument = "index.html", PublicReadAccess = true, BlockPublicAccess = BlockPublicAccess.BLOCK_ACLS }); // expect: PL2003

            // Correct: the documentation site has a CloudFront distribution in front of its website bucket.
            var docs = new Bucket(this, "DocsSite", new BucketProps { WebsiteIndexDocument = "index.html", PublicReadAccess = true, BlockPublicAccess = BlockPublicAccess.BLOCK_ACLS });
            new Distribution(this, "DocsCdn", new DistributionProps
            {
                DefaultBehavior = new BehaviorOptions { Origin = new S3StaticWebsiteOrigin(docs) },
            });

            // The cart API was created from an x86 template.
            new Function(this, "CartApi", new FunctionProps
            {
                Runtime = Runtime.NODEJS_20_X,
                Architecture = Architecture.X86_64, // expect: PL1005
                Handler = "index.handler",
                Code = Code.FromInline("exports.handler = async () => ({ statusCode: 200, body: '[]' });"),
                MemorySize = 1024,
            });

            // Correct: the search API runs on arm64.
            new Function(this, "SearchApi", new FunctionProps
            {
                Runtime = Runtime.PYTHON_3_12,
                Architecture = Architecture.ARM_64,
                Handler = "index.handler",
                Code = Code.FromInline("def handler(event, context):\n    return {'statusCode': 200}\n"),
            });
        }
    }
}
