using System.Text.Json;
using System.Text.RegularExpressions;
using PerfLint.Check.Tests.Infrastructure;
using PerfLint.Testing;

namespace PerfLint.Check.Tests;

/// <summary>
/// Report once (issue 22, item 3): `dotnet build -p:PerfLintSynth=true` with the analyzers in the compiler, clean and
/// then incremental (the compiler skipped). A template finding the analyzers reported for the same construct is not
/// repeated; another construct's finding in the same statement is (the old rule-and-statement match hid it).
/// </summary>
[TestFixture]
public sealed class ReportOnceBuildTests
{
    // Two volumes in one statement: the analyzers see DataVolume's "gp2"; LogVolume's type is read from a file at
    // synth time, so only the template shows it.
    private const string ProgramSource = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;

        var app = new App();
        var stack = new Stack(app, "StorageStack");
        var volumes = new[]
        {
            new CfnVolume(stack, "DataVolume", new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 100, VolumeType = "gp2" }),
            new CfnVolume(stack, "LogVolume", new CfnVolumeProps { AvailabilityZone = "us-east-1a", Size = 100, VolumeType = System.IO.File.ReadAllText("volume-type.txt").Trim() }),
        };
        app.Synth();
        """;

    private string _project = null!;

    [OneTimeSetUp]
    public void CreateProject()
    {
        _project = Paths.NewScratchDirectory("report-once");
        SynthProject.Write(_project, "ReportOnce", ProgramSource, withAnalyzers: true);
        File.WriteAllText(Path.Combine(_project, "volume-type.txt"), "gp2\n");
    }

    [Test, Order(1)]
    public void CleanBuildReportsEachFindingOnce()
    {
        var build = ProcessRunner.DotnetBuild(_project, null, "-p:PerfLintSynth=true");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var pl4001 = Pl4001Lines(build.Output);
        Assert.That(pl4001, Has.Count.EqualTo(2), build.Output);
        Assert.That(pl4001.Count(l => l.Contains($"Program.cs({Line("\"DataVolume\"")},{Column("\"DataVolume\"", "\"gp2\"")}): warning PL4001: gp2 volume")), Is.EqualTo(1),
            "the analyzers report DataVolume; the check does not repeat it");
        Assert.That(pl4001.Count(l => l.Contains($"Program.cs({Line("\"LogVolume\"")},{Column("\"LogVolume\"", "System.IO.File")}): PerfLint warning PL4001: gp2 volume")), Is.EqualTo(1),
            "LogVolume, in the same statement, is another construct's finding");

        // The key the check compares is in the compiler's log (Roslyn writes Diagnostic.Properties as customProperties) and kept in obj/.
        var kept = Path.Combine(_project, "obj", "Debug", "net10.0", "perflint.analyzers.sarif");
        Assert.That(File.Exists(kept), Is.True);
        using var log = JsonDocument.Parse(File.ReadAllText(kept));
        var result = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PL4001");
        var custom = result.GetProperty("properties").GetProperty("customProperties");
        Assert.That(custom.GetProperty("PerfLintConstruct").GetString(), Is.EqualTo("\"DataVolume\""));
        Assert.That(custom.GetProperty("PerfLintConstructLine").GetString(), Is.EqualTo("8"));
    }

    [Test, Order(2)]
    public void IncrementalBuildDoesNotRepeatWhatTheAnalyzersReported()
    {
        // The compiler's own log is gone (a shared ErrorLog path another project rewrote): the kept copy still tells.
        File.Delete(Path.Combine(_project, "obj", "Debug", "net10.0", "perflint.compiler.sarif"));
        var build = ProcessRunner.DotnetBuild(_project, null, "-p:PerfLintSynth=true", "-v:n");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        Assert.That(build.Output, Does.Contain("Skipping target \"CoreCompile\""), "the compiler did not run");
        var pl4001 = Pl4001Lines(build.Output);
        Assert.That(pl4001, Has.Count.EqualTo(1), build.Output);
        Assert.That(pl4001[0], Does.Contain($"Program.cs({Line("\"LogVolume\"")},{Column("\"LogVolume\"", "System.IO.File")}): PerfLint warning PL4001: gp2 volume"));
    }

    /// <summary>The PL4001 lines as the build logged them (the summary after "Build succeeded." repeats warnings).</summary>
    private static List<string> Pl4001Lines(string output) =>
        output.Split('\n').TakeWhile(l => !l.StartsWith("Build succeeded", StringComparison.Ordinal)).Where(l => Regex.IsMatch(l, @"\): (PerfLint )?warning PL4001:")).ToList();

    private static int Line(string marker) => ProgramSource.Split('\n').ToList().FindIndex(l => l.Contains(marker)) + 1;

    private static int Column(string lineMarker, string value) => ProgramSource.Split('\n')[Line(lineMarker) - 1].IndexOf(value, StringComparison.Ordinal) + 1;
}
