using System.Diagnostics;
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
            System.Console.WriteLine("!! jsii node version banner !!");
            throw new System.InvalidOperationException("settings.json is missing");
        }

        if (System.Environment.GetEnvironmentVariable("PERFLINT_TEST_APP_PID_FILE") is { Length: > 0 } pidFile)
        {
            // A child of the app, as node is under jsii: cancelling the build must end it too.
            var sleeper = System.Diagnostics.Process.Start("sleep", "300");
            System.IO.File.WriteAllText(pidFile, sleeper.Id.ToString());
            sleeper.WaitForExit();
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
        _project = Paths.NewScratchDirectory("msbuild-app");
        SynthProject.Write(_project, "SynthApp", ProgramSource);
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
        Assert.That(build.Output, Does.Not.Contain("!! jsii"), "the jsii banner is not part of the tail");
        Assert.That(build.Output, Does.Not.Contain("Microsoft.Build.").And.Not.Contain("PerfLint.Tasks."), "no task stack dump");
    }

    [Test, Order(4)]
    public void CancellingTheBuildKillsTheAppAndItsChildren()
    {
        var pidFile = Path.Combine(_project, "sleeper.pid");
        // SIGINT at its default disposition, as from a terminal: the build gets the Ctrl+C and cancels the task.
        var psi = new ProcessStartInfo("env") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _project };
        foreach (var a in new[] { "--default-signal=INT", "dotnet", "build", "-nologo", "-v:m", "-m:1", "-nodeReuse:false", "-p:PerfLintSynth=true" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["PERFLINT_TEST_APP_PID_FILE"] = pidFile;
        using var build = Process.Start(psi)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        build.OutputDataReceived += (_, e) => output.Enqueue(e.Data);
        build.ErrorDataReceived += (_, e) => output.Enqueue(e.Data);
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();
        try
        {
            SpinWait.SpinUntil(() => build.HasExited || (File.Exists(pidFile) && File.ReadAllText(pidFile).Length > 0), TimeSpan.FromMinutes(5));
            Assert.That(File.Exists(pidFile), Is.True, "the app started its child: " + string.Join("\n", output));
            var pid = int.Parse(File.ReadAllText(pidFile));
            using (var interrupt = Process.Start("kill", new[] { "-INT", build.Id.ToString() }))
            {
                interrupt.WaitForExit();
            }

            Assert.That(build.WaitForExit(60_000), Is.True, "the build stops after Ctrl+C");
            Assert.That(build.ExitCode, Is.Not.Zero);
            SpinWait.SpinUntil(() => !IsAlive(pid), TimeSpan.FromSeconds(10));
            Assert.That(IsAlive(pid), Is.False, "the app's child was killed with it");
        }
        finally
        {
            if (!build.HasExited)
            {
                build.Kill(entireProcessTree: true);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        // A killed child not yet reaped by its (also killed) parent shows as a zombie: that counts as gone.
        var status = $"/proc/{pid}/status";
        return File.Exists(status) && !File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal);
    }
}
