using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace WholeApp;

/// <summary>A stage: its stacks are synthesized into a nested cloud assembly (assembly-Prod/).</summary>
public sealed class WebsiteStage : Stage
{
    public WebsiteStage(Construct scope, string id) : base(scope, id)
    {
        var site = new Stack(this, "SiteStack");

        // PL2003: a website bucket with no CloudFront distribution.
        new Bucket(site, "SiteBucket", new BucketProps
        {
            WebsiteIndexDocument = "index.html",
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
    }
}
