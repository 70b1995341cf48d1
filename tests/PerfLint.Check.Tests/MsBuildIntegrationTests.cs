using PerfLint.Testing;
using System.Text.RegularExpressions;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// `dotnet build -p:PerfLintSynth=true` on a real CDK project that imports the built PerfLint targets: findings at
/// the C# line, .editorconfig suppressions honored, and a throwing app gives exactly one clear error.
/// </summary>
[TestFixture]
public sealed class MsBuildIntegrationTests
{
    private const string ProgramSource = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;

        var app = new App();
        var stack = new Stack(app, "StorageStack");
        if (System.Environment.GetEnvironmentVariable("PERFLINT_TEST_APP_THROW") == "1")
        {
            throw new System.InvalidOperationException("settings.json is missing");
        }

        new CfnVolume(stack, "DataVolume", new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 100, VolumeType = "gp2" });
        new CfnVolume(stack, "JournalVolume", new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 100, VolumeType = "io1", Iops = 3000 });
        new CfnInstance(stack, "Worker", new CfnInstanceProps { InstanceType = "c4.large" });
        app.Synth();
        """;

    private string _project = null!;

    [OneTimeSetUp]
    public void CreateProject()
    {
        Assert.That(File.Exists(Paths.TasksTargets), Is.True, "PerfLint.Tasks is built with the test project");
        _project = Paths.NewScratchDirectory("msbuild-app");
        File.WriteAllText(Path.Combine(_project, "SynthApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
                <PerfLintRunnerPath>{Paths.RunnerAssembly}</PerfLintRunnerPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
              </ItemGroup>
              <Import Project="{Paths.TasksTargets}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(_project, "Program.cs"), ProgramSource);
        File.WriteAllText(Path.Combine(_project, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.PL4002.severity = none\n");
    }

    [Test, Order(1)]
    public void FindingsAreReportedAtTheCSharpLine()
    {
        var build = ProcessRunner.DotnetBuild(_project, null, "-p:PerfLintSynth=true");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var line = ProgramSource.Split('\n').ToList().FindIndex(l => l.Contains("\"DataVolume\"")) + 1;
        var column = ProgramSource.Split('\n')[line - 1].IndexOf("\"gp2\"", StringComparison.Ordinal) + 1;
        Assert.That(build.Output, Does.Contain($"Program.cs({line},{column}): PerfLint warning PL4001: gp2 volume"));
        Assert.That(build.Output, Does.Not.Contain("PL4002"), ".editorconfig severity none");
        Assert.That(Directory.Exists(Path.Combine(_project, "obj", "Debug", "net10.0", "cdk.out")), Is.True);
    }

    [Test, Order(2)]
    public void ThePricesFilePropertyReachesTheWholeAppCheck()
    {
        Directory.CreateDirectory(Path.Combine(_project, "prices"));
        File.WriteAllText(Path.Combine(_project, "prices", "aws.json"), """
            { "formatVersion": 1, "imported": "2026-12-01", "prices": [
              { "service": "AmazonEC2", "instanceType": "c4.large", "region": "us-east-1", "usdPerHour": 0.105 },
              { "service": "AmazonEC2", "instanceType": "c8i.large", "region": "us-east-1", "usdPerHour": 0.0893 } ] }
            """);
        var build = ProcessRunner.DotnetBuild(_project, null, "-p:PerfLintSynth=true", "-p:PerfLintPricesFile=prices/aws.json");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        Assert.That(build.Output, Does.Contain("use 'c8i.large' (2 vCPU, 4 GiB vs 2 vCPU, 3.75 GiB; $0.0893/h vs $0.105/h, EC2 On-Demand us-east-1, 2026-12-01 (aws.json);"));
    }

    [Test, Order(3)]
    public void ThrowingAppGivesOneClearError()
    {
        var build = ProcessRunner.DotnetBuild(_project, new Dictionary<string, string> { ["PERFLINT_TEST_APP_THROW"] = "1" }, "-p:PerfLintSynth=true", "-clp:ErrorsOnly;NoSummary");
        Assert.That(build.ExitCode, Is.Not.Zero);
        // Each error is one MSBuild event; a multi-line message repeats the "error PLSYNTH:" prefix per line.
        Assert.That(Regex.Matches(build.Output, "error PLSYNTH: PerfLint: CDK synth failed").Count, Is.EqualTo(1), build.Output);
        Assert.That(build.Output, Does.Contain("settings.json is missing"));
        Assert.That(build.Output, Does.Not.Contain("Microsoft.Build.").And.Not.Contain("PerfLint.Tasks."), "no task stack dump");
    }
}
