using PerfLint.Check.Mapping;
using PerfLint.Check.Templates;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// Resources the CDK creates for itself (custom-resource providers, singleton handlers) are told apart from the app's,
/// by the manifest's <c>aws:cdk:is-custom-resource-handler-*</c> metadata and by the knowledge base's list of the
/// construct ids the CDK gives them, and never map to a C# line, even where the app has a construct of the same id.
/// </summary>
[TestFixture]
public sealed class CdkOwnedResourcesTests
{
    [Test]
    public void TheCdksOwnConstructsAreKnownAndTheAppsAreNot()
    {
        var model = CloudAssemblyReader.Read(Synth.CdkProvidersAssembly);
        var owned = model.Resources.Where(r => r.IsCdkOwned).Select(r => r.ConstructPath.Split('/')[1]).Distinct();
        // Apps/CdkProviders/ProvidersStack.cs: the six features that add the CDK's own functions.
        Assert.That(owned, Is.EquivalentTo(new[]
        {
            "Custom::VpcRestrictDefaultSGCustomResourceProvider", "Custom::S3AutoDeleteObjectsCustomResourceProvider",
            "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a", "BucketNotificationsHandler050a0587b7544547bf325f094a3db834",
            "AWS679f53fac002430cb0da5b7982bd2287", "Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C", "Seeder",
        }));
        // Under the user's Provider only the framework's functions (and their roles) are the CDK's.
        Assert.That(model.Resources.Where(r => r.IsCdkOwned && r.ConstructPath.StartsWith("ProvidersStack/Seeder/", StringComparison.Ordinal))
            .Select(r => r.ConstructPath.Split('/')[2]).Distinct(), Is.EqualTo(new[] { "framework-onEvent" }));
        var users = model.Resources.Where(r => r.ConstructPath is "ProvidersStack/Api" or "ProvidersStack/Legacy" or "ProvidersStack/SeedHandler" or "ProvidersStack/Uploads").ToList();
        Assert.That(users, Has.Count.EqualTo(4));
        Assert.That(users.Select(r => r.IsCdkOwned), Is.All.False);
    }

    [Test]
    public void AFindingOnTheCdksHandlerDoesNotMapToTheAppsLikeNamedConstruct()
    {
        // The user's "Handler" lives in ApiConstruct; the CDK's lives under its VPC provider.
        var project = Paths.NewScratchDirectory("like-named");
        File.WriteAllText(Path.Combine(project, "ApiConstruct.cs"), """
            using Amazon.CDK.AWS.Lambda;
            using Constructs;
            public sealed class ApiConstruct : Construct
            {
                public ApiConstruct(Construct scope, string id) : base(scope, id)
                {
                    new DockerImageFunction(this, "Handler", new DockerImageFunctionProps { Code = DockerImageCode.FromImageAsset("api") });
                }
            }
            """);
        var template = """
        {
          "Resources": {
            "Handler": { "Type": "AWS::Lambda::Function", "Metadata": { "aws:cdk:path": "Svc/Custom::VpcRestrictDefaultSGCustomResourceProvider/Handler" }, "Properties": { "Runtime": "nodejs20.x" } }
          }
        }
        """;
        var resource = CloudAssemblyReader.Read(TemplateAssembly.Write(("Svc", template))).Resources.Single();
        Assert.That(resource.IsCdkOwned, Is.True);
        // The index alone would take the trailing id; the command never asks it for the CDK's own resources.
        Assert.That(CSharpSourceIndex.Build(project).Find("Svc/Api/Handler")?.FilePath, Does.EndWith("ApiConstruct.cs"));
    }
}
