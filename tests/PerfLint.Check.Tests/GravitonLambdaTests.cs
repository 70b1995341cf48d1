using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// PL1005 on Lambda functions judges only the user's functions on runtimes that have arm64: the custom-resource
/// handlers the CDK adds (Apps/CdkProviders, synthesized for real) are the CDK's, not the user's, to change.
/// </summary>
[TestFixture]
public sealed class GravitonLambdaTests
{
    private const string Message = "Lambda function runs on x86_64; arm64 (Graviton) is priced about 20% lower per GB-second and is often faster, if its dependencies support arm64";

    private static string GravitonOn() => CheckRun.EditorConfig("dotnet_diagnostic.PL1005.severity = suggestion");

    [Test]
    public void CdkCreatedFunctionsAreNeverReportedAndUserFunctionsStillAre()
    {
        var result = CheckRun.Json(Synth.CdkProvidersAssembly, "--editorconfig", GravitonOn());

        // Not reported: the VPC default-SG and auto-delete providers, LogRetention, bucket notifications, the
        // AwsCustomResource and BucketDeployment singletons, the provider framework's onEvent, and Legacy (python3.7).
        var reported = result.FindingsOf("PL1005").Select(f => f.GetProperty("constructPath").GetString());
        Assert.That(reported, Is.EquivalentTo(new[] { "ProvidersStack/Api", "ProvidersStack/SeedHandler" }), result.Summary);
        Assert.That(result.Single("PL1005", "ProvidersStack/Api").GetProperty("message").GetString(), Is.EqualTo(Message));
    }

    [Test]
    public void WithoutConstructPathsCdkSingletonsAreKnownByTheirLogicalIds()
    {
        const string template = """
        {
          "Resources": {
            "CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "nodejs20.x" } },
            "AWS679f53fac002430cb0da5b7982bd22872D164C4C": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "nodejs20.x" } },
            "CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiBC0FFEE00": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "python3.11" } },
            "Orders": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "nodejs20.x" } },
            "Reports": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "python3.7" } },
            "Billing": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "go1.x", "Architectures": ["x86_64"] } },
            "Search": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "java11", "Architectures": ["x86_64"] } }
          }
        }
        """;
        var result = CheckRun.Json(TemplateAssembly.Write(("Functions", template)), "--editorconfig", GravitonOn());
        Assert.That(result.Summary, Is.EqualTo("PL1005 Functions/Orders\nPL1005 Functions/Search"));
    }
}
