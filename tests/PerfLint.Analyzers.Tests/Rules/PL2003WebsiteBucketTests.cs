using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL2003: an S3 website bucket served with no CloudFront distribution in front.</summary>
public class PL2003WebsiteBucketTests
{
    private const string Usings = TestReferences.CdkUsings +
        "using Amazon.CDK.AWS.S3;\nusing Amazon.CDK.AWS.CloudFront;\nusing Amazon.CDK.AWS.CloudFront.Origins;\n";

    private static DiagnosticResult Website(int setting, int id, string bucket) =>
        Expected(setting, id, "S3 website bucket '" + bucket + "' is served to users with no CloudFront distribution in front: every request goes to one region over HTTP; put a CloudFront distribution (S3 origin with origin access control) in front for edge caching and HTTPS");

    /// <summary>PL2003 (an info) on the website setting, the bucket's id as additional location, with exactly <paramref name="message"/>.</summary>
    private static DiagnosticResult Expected(int setting, int id, string message) =>
        Verify.Diagnostic(RuleIds.WebsiteBucketWithoutCloudFront).WithLocation(setting).WithLocation(id).WithSeverity(DiagnosticSeverity.Info).WithMessage(message);

    [Test]
    public Task Website_bucket_without_distribution_is_reported_on_the_index_document() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            new Bucket(this, {|#1:"Site"|}, new BucketProps { WebsiteIndexDocument = {|#0:"index.html"|}, PublicReadAccess = true });
            new Bucket(this, "Assets", new BucketProps { Versioned = true });
        } }
        """, Expected(0, 1, "S3 website bucket 'Site' is served to users with no CloudFront distribution in front: every request goes to one region over HTTP; put a CloudFront distribution (S3 origin with origin access control) in front for edge caching and HTTPS"));

    [Test]
    public Task Static_website_origin_through_a_local_fronts_the_bucket() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var site = new Bucket(this, "Site", new BucketProps { WebsiteIndexDocument = "index.html" });
            var origin = new S3StaticWebsiteOrigin(site);
            new Distribution(this, "Cdn", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = origin } });
        } }
        """);

    [Test]
    public Task Second_website_bucket_without_its_own_distribution_is_reported_with_its_name() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Names { public const string Docs = "docs-example-com"; }
        class S : Stack { S(Construct s) : base(s, "s") {
            var site = new Bucket(this, "Site", new BucketProps { WebsiteIndexDocument = "index.html" });
            new Bucket(this, {|#1:"Docs"|}, new BucketProps { BucketName = Names.Docs, WebsiteRedirect = {|#0:new RedirectTarget { HostName = "example.com" }|} });
            new Distribution(this, "Cdn", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = S3BucketOrigin.WithOriginAccessControl(site) } });
        } }
        """, Expected(0, 1, "S3 website bucket 'docs-example-com' is served to users with no CloudFront distribution in front: every request goes to one region over HTTP; put a CloudFront distribution (S3 origin with origin access control) in front for edge caching and HTTPS"));

    [Test]
    public Task Legacy_web_distribution_and_custom_origin_on_the_website_domain() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var site = new Bucket(this, "Site", new BucketProps { WebsiteIndexDocument = "index.html" });
            var blog = new Bucket(this, "Blog", new BucketProps { WebsiteIndexDocument = "index.html" });
            new CloudFrontWebDistribution(this, "Legacy", new CloudFrontWebDistributionProps {
                OriginConfigs = new ISourceConfiguration[] {
                    new SourceConfiguration { S3OriginSource = new S3OriginConfig { S3BucketSource = site }, Behaviors = new IBehavior[] { new Behavior { IsDefaultBehavior = true } } },
                },
            });
            var cdn = new Distribution(this, "Cdn", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = new HttpOrigin(site.BucketWebsiteDomainName) } });
            cdn.AddBehavior("/blog/*", new HttpOrigin(blog.BucketWebsiteDomainName));
        } }
        """);

    [Test]
    public Task L1_bucket_website_configuration_and_helper_call_sites() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack {
            S(Construct s) : base(s, "s") {
                new CfnBucket(this, {|#1:"Legacy"|}, new CfnBucketProps { WebsiteConfiguration = {|#0:new CfnBucket.WebsiteConfigurationProperty { IndexDocument = "index.html" }|} });
                Site({|#3:"Marketing"|}, {|#2:"home.html"|});
                Site("Internal", null);
            }

            void Site(string id, string? index) => new Bucket(this, id, new BucketProps { WebsiteIndexDocument = index });
        }
        """, Website(0, 1, "Legacy"), Website(2, 3, "Marketing"));

    [Test]
    public Task Distribution_with_an_origin_PerfLint_cannot_see_keeps_the_rule_silent() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s, IOrigin origin) : base(s, "s") {
            new Bucket(this, "Site", new BucketProps { WebsiteIndexDocument = "index.html" });
            new Distribution(this, "Cdn", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = origin } });
        } }
        """);

    [Test]
    public async Task Incomplete_code_as_typed_does_not_throw()
    {
        var source = Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var b = new Bucket(this, "B", new BucketProps { WebsiteIndexDocument = 
            new Distribution(this, "D", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = new S3StaticWebsiteOrigin( } });
            new Bucket(this, , new BucketProps { WebsiteRedirect = new RedirectTarget { HostName = 
        """;
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source }),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PerfLint.Analyzers.Rules.AppRulesAnalyzer()));
        Assert.That(run.CompilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), Is.True, "the source is incomplete");
        Assert.That(run.Exceptions, Is.Empty);
    }

    [Test]
    public void Descriptor_is_reported_at_compilation_end_and_links_its_rule_page()
    {
        var descriptor = new PerfLint.Analyzers.Rules.AppRulesAnalyzer().SupportedDiagnostics.Single(d => d.Id == "PL2003");
        Assert.That(descriptor.Id, Is.EqualTo("PL2003"));
        Assert.That(descriptor.CustomTags, Does.Contain(WellKnownDiagnosticTags.CompilationEnd));
        Assert.That(descriptor.HelpLinkUri, Does.EndWith("docs/rules/PL2003.md"));
        var page = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "docs", "rules", "PL2003.md");
        Assert.That(File.Exists(page), Is.True, page);
    }

    [Test]
    public Task No_cdk_referenced_gives_nothing() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        namespace Amazon.CDK.AWS.S3 { public class BucketProps { public string WebsiteIndexDocument { get; set; } = ""; } }
        class S { object M() => new Amazon.CDK.AWS.S3.BucketProps { WebsiteIndexDocument = "index.html" }; }
        """);
}
