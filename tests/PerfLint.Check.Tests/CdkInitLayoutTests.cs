using System.Text.RegularExpressions;
using PerfLint.Check.Tests.Infrastructure;
using PerfLint.Testing;

namespace PerfLint.Check.Tests;

/// <summary>
/// `dotnet build -p:PerfLintSynth=true` on the layout `cdk init app --language csharp` writes: cdk.json at the root
/// (its app `dotnet run --project src/LayoutApp/LayoutApp.csproj`, its context), the project in src/LayoutApp/, an asset
/// path relative to the root. The app runs from cdk.json's directory with the CDK CLI's context: cdk.json's context over
/// cdk.context.json's, `-p:PerfLintSynthContext` over both.
/// </summary>
[TestFixture]
public sealed class CdkInitLayoutTests
{
    private const string ProgramSource = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.Lambda;

        var app = new App();
        var stack = new Stack(app, "LayoutStack");
        // Relative to cdk.json's directory, as the CDK CLI runs the app.
        new Function(stack, "Api", new FunctionProps { Runtime = Runtime.NODEJS_20_X, Handler = "index.handler", Code = Code.FromAsset("assets/handler") });
        new CfnVolume(stack, "Data", new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 100, VolumeType = (string)app.Node.TryGetContext("volumeType") });
        // A key only cdk.context.json sets: its value reaches the app too.
        new CfnVolume(stack, "Scratch", new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 100, VolumeType = (string)app.Node.TryGetContext("scratchType") });
        // A lookup cdk.context.json does not hold: the CDK records it as missing and synthesizes with placeholders.
        var lookup = new Stack(app, "LookupStack", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" } });
        Vpc.FromLookup(lookup, "Default", new VpcLookupOptions { IsDefault = true });
        app.Synth();
        """;

    private string _root = null!;

    [OneTimeSetUp]
    public void CreateLayout()
    {
        _root = Paths.NewScratchDirectory("cdk-init");
        var project = Directory.CreateDirectory(Path.Combine(_root, "src", "LayoutApp")).FullName;
        File.WriteAllText(Path.Combine(_root, "cdk.json"), """
            { "app": "dotnet run --project src/LayoutApp/LayoutApp.csproj", "context": { "volumeType": "gp2" } }
            """);
        File.WriteAllText(Path.Combine(_root, "cdk.context.json"), """{ "volumeType": "st1", "scratchType": "io1" }""");
        Directory.CreateDirectory(Path.Combine(_root, "assets", "handler"));
        File.WriteAllText(Path.Combine(_root, "assets", "handler", "index.js"), "exports.handler = async () => 'ok';\n");
        SynthProject.Write(project, "LayoutApp", ProgramSource);
        File.WriteAllText(Path.Combine(_root, ".editorconfig"), "root = true\n");
    }

    [Test, Order(1)]
    public void TheAppRunsFromCdkJsonsDirectoryWithItsContext()
    {
        var build = ProcessRunner.DotnetBuild(Path.Combine(_root, "src", "LayoutApp"), null, "-p:PerfLintSynth=true");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        // cdk.json's "gp2" wins over cdk.context.json's "st1"; "io1" comes from cdk.context.json alone.
        Assert.That(Regex.IsMatch(build.Output, @"Program\.cs\(9,\d+\): PerfLint warning PL4001: gp2 volume"), Is.True, build.Output);
        Assert.That(Regex.IsMatch(build.Output, @"Program\.cs\(11,\d+\): PerfLint warning PL4002: "), Is.True, build.Output);
        Assert.That(build.Output, Does.Contain("warning PLSYNTHLOOKUP: PerfLint: the app looks up 1 value(s) in the AWS account that cdk.context.json does not hold (vpc-provider:account=123456789012:"), build.Output);
    }

    [Test, Order(2)]
    public void SynthContextOnTheCommandLineWinsAsCdkSynthCDoes()
    {
        var build = ProcessRunner.DotnetBuild(Path.Combine(_root, "src", "LayoutApp"), null, "-p:PerfLintSynth=true", "-p:PerfLintSynthContext=volumeType=io1");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        Assert.That(build.Output, Does.Not.Contain("PL4001"), build.Output);
        Assert.That(Regex.IsMatch(build.Output, @"Program\.cs\(9,\d+\): PerfLint warning PL4002: "), Is.True, build.Output);
    }

    [Test, Order(3)]
    public void AFailingSynthShowsTheMessageAndWhereTheWholeOutputIs()
    {
        File.Delete(Path.Combine(_root, "assets", "handler", "index.js"));
        Directory.Delete(Path.Combine(_root, "assets", "handler"));
        var build = ProcessRunner.DotnetBuild(Path.Combine(_root, "src", "LayoutApp"), null, "-p:PerfLintSynth=true", "-clp:ErrorsOnly;NoSummary");
        Assert.That(build.ExitCode, Is.Not.Zero);
        Assert.That(Regex.Matches(build.Output, "error PLSYNTH: PerfLint: CDK synth failed").Count, Is.EqualTo(1), build.Output);
        Assert.That(build.Output, Does.Contain("Cannot find asset at " + Path.Combine(_root, "assets", "handler")), build.Output);
        var log = Path.Combine(_root, "src", "LayoutApp", "obj", "Debug", "net10.0", "perflint-synth.log");
        Assert.That(build.Output, Does.Contain("(whole output: " + log + ")"), build.Output);
        Assert.That(File.ReadAllText(log), Does.Contain("Cannot find asset"));
    }

    [Test, Order(4)]
    public void AMalformedCdkJsonIsOneErrorNamingTheFile()
    {
        var cdkJson = Path.Combine(_root, "cdk.json");
        File.WriteAllText(cdkJson, "{ \"app\": ");
        var build = ProcessRunner.DotnetBuild(Path.Combine(_root, "src", "LayoutApp"), null, "-p:PerfLintSynth=true", "-clp:ErrorsOnly;NoSummary");
        Assert.That(build.ExitCode, Is.Not.Zero);
        Assert.That(Regex.Matches(build.Output, "error PLSYNTH: PerfLint: CDK synth not started: " + Regex.Escape(cdkJson) + ": malformed JSON").Count, Is.EqualTo(1), build.Output);
        Assert.That(build.Output, Does.Not.Contain("   at "), "no stack trace");
    }
}
