using PerfLint.Testing;
using PerfLint.Integration.Tests.Infrastructure;

namespace PerfLint.Integration.Tests;

/// <summary>
/// The package's PerfLint.CdkContext.targets in a real layout: cdk.json at the app's root, the project in src/App
/// below it. The nearest cdk.json (and the cdk.context.json beside it) become additional files, so the analyzers
/// resolve <c>Node.TryGetContext("key")</c>; nothing is added without a cdk.json or with the opt-out.
/// </summary>
[TestFixture]
public sealed class CdkContextFileTests
{
    private const string CdkJson = """{ "app": "dotnet run --project src/App/App.csproj", "context": { "workerType": "m4.xlarge" } }""";

    private const string Program = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;

        var app = new App();
        var stack = new Stack(app, "ContextStack");
        new CfnInstance(stack, "Worker", new CfnInstanceProps { ImageId = "ami-12345678", InstanceType = (string)app.Node.TryGetContext("workerType") });
        app.Synth();
        """;

    [Test]
    public void Nearest_cdk_json_above_the_project_and_cdk_context_json_beside_it_are_additional_files()
    {
        using var work = new TempDirectory("perflint-cdkcontext");
        var project = Layout(work, withCdk: false);
        File.WriteAllText(work.Combine("cdk.json"), CdkJson);
        File.WriteAllText(work.Combine("cdk.context.json"), "{}");

        Assert.Multiple(() =>
        {
            Assert.That(AdditionalFiles(project), Is.EquivalentTo(new[] { work.Combine("cdk.json"), work.Combine("cdk.context.json") }));
            Assert.That(AdditionalFiles(project, "-p:PerfLintCdkContext=false"), Is.Empty);
        });
    }

    [Test]
    public void Without_a_cdk_json_nothing_is_added()
    {
        using var work = new TempDirectory("perflint-cdkcontext");
        var project = Layout(work, withCdk: false);
        File.WriteAllText(work.Combine("cdk.context.json"), "{}");

        Assert.That(AdditionalFiles(project), Is.Empty);
    }

    [Test]
    public void Build_reports_the_context_value_at_the_TryGetContext_call()
    {
        using var work = new TempDirectory("perflint-cdkcontext");
        var project = Layout(work, withCdk: true);
        File.WriteAllText(work.Combine("cdk.json"), CdkJson);

        var build = ProcessRunner.Dotnet(Path.GetDirectoryName(project)!, TimeSpan.FromMinutes(4), null, "build", project, "-nologo");

        Assert.That(build.ExitCode, Is.Zero, build.Tail());
        // Program.cs line 6, at app.Node.TryGetContext(..): the rule's message, then the file and key.
        Assert.That(build.Output, Does.Match(@"Program\.cs\(6,\d+\): warning PL1001: 'm4\.xlarge' is previous generation for EC2 [^\r\n]* \(cdk\.json context ""workerType""\)"), build.Tail());
    }

    /// <summary>src/App/App.csproj under <paramref name="work"/>, with the repository's analyzers as the package gives them and its CdkContext targets.</summary>
    private static string Layout(TempDirectory work, bool withCdk)
    {
        var directory = work.Combine("src", "App");
        Directory.CreateDirectory(directory);
        var analyzers = string.Join(Environment.NewLine, Repository.AnalyzerAssemblies.Select(a => $"    <Analyzer Include=\"{a}\" />"));
        var cdk = withCdk ? "<PackageReference Include=\"Amazon.CDK.Lib\" Version=\"2.160.0\" />" : string.Empty;
        var project = Path.Combine(directory, "App.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                {cdk}
            {analyzers}
              </ItemGroup>
              <Import Project="{Repository.ProjectPath("tasks/PerfLint.Tasks/build/PerfLint.CdkContext.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), withCdk ? Program : "System.Console.WriteLine();");
        return project;
    }

    /// <summary>The project's AdditionalFiles items as MSBuild evaluates them (full paths), without building.</summary>
    private static List<string> AdditionalFiles(string project, params string[] extra)
    {
        var evaluation = ProcessRunner.Dotnet(Path.GetDirectoryName(project)!, TimeSpan.FromMinutes(2), null,
            new[] { "msbuild", project, "-nologo", "-getItem:AdditionalFiles" }.Concat(extra).ToArray());
        Assert.That(evaluation.ExitCode, Is.Zero, evaluation.Tail());
        using var json = System.Text.Json.JsonDocument.Parse(evaluation.Output[evaluation.Output.IndexOf('{')..]);
        return json.RootElement.GetProperty("Items").TryGetProperty("AdditionalFiles", out var items)
            ? items.EnumerateArray().Select(i => i.GetProperty("FullPath").GetString()!).ToList()
            : new List<string>();
    }
}
