using PerfLint.Testing;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>The `perflint` executable: its verbs' exit codes, --version, the generated help, and exit 2 for a command line it cannot parse.</summary>
[TestFixture]
public sealed class RunnerExecutableTests
{
    private static ProcessResult Perflint(params string[] args) =>
        ProcessRunner.Run("dotnet", new[] { "exec", Paths.RunnerAssembly }.Concat(args), Paths.RunDirectory);

    [Test]
    public void ExitCodesThroughTheExecutable()
    {
        var ok = Perflint("check", Synth.WholeAppAssembly, "--editorconfig", CheckRun.EditorConfig());
        Assert.That(ok.ExitCode, Is.Zero, ok.Output);
        Assert.That(ok.Output, Does.Contain("warning PL1001"));

        var failing = Perflint("check", Synth.WholeAppAssembly, "--editorconfig", CheckRun.EditorConfig("dotnet_diagnostic.PL1001.severity = error"));
        Assert.That(failing.ExitCode, Is.EqualTo(1), failing.Output);

        var bad = Perflint("check", Paths.RunDirectory);
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Output, Does.Contain("not a cloud assembly"));
    }

    [Test]
    public void VersionIsTheInformationalVersion()
    {
        var run = Perflint("--version");
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        // MinVer (README, "Install"): a tag's version, or 0.1.0-alpha.0.<commits since the tag>; then the SDK's "+commit".
        var head = ProcessRunner.Run("git", new[] { "rev-parse", "HEAD" }, Paths.RepositoryRoot, null, TimeSpan.FromMinutes(1));
        var commit = head.ExitCode == 0 ? @"\+" + head.Output.Trim() : @"(\+[0-9a-f]{40})?";
        Assert.That(run.Output, Does.Match(@"^(\d+\.\d+\.\d+|0\.1\.0-alpha\.0\.\d+)" + commit + @"\s*$"));
    }

    [TestCase("--help", "  perflint [command] [options]")]
    [TestCase("-h", "  perflint [command] [options]")]
    [TestCase("check --help", "  perflint check <cloud-assembly> [options]")]
    [TestCase("bench -h", "  perflint bench [<spec>] [options]")]
    [TestCase("prices --help", "  perflint prices [command] [options]")]
    [TestCase("prices refresh --help", "  perflint prices refresh [options]")]
    [TestCase("knowledge --help", "  perflint knowledge [options]")]
    public void HelpIsGeneratedAndExitsZero(string args, string usage)
    {
        var run = Perflint(args.Split(' '));
        Assert.That(run.ExitCode, Is.Zero, run.Output);
        Assert.That(run.Output.Split('\n').Select(l => l.TrimEnd()), Does.Contain("Usage:").And.Contain(usage));
    }

    [TestCase(new string[0], "perflint: Required command was not provided.")]
    [TestCase(new[] { "lint", "cdk.out" }, "perflint: Unrecognized command or argument 'lint'.")]
    [TestCase(new[] { "check", "cdk.out", "--format" }, "perflint check: Required argument missing for option: '--format'.")]
    [TestCase(new[] { "bench", "--engine", "lxc", "spec.json" }, "perflint bench: --engine must be docker or podman, not lxc")]
    [TestCase(new[] { "prices", "import" }, "perflint prices import: Required argument 'getproducts.json' missing for command: 'import'.")]
    [TestCase(new[] { "knowledge", "--version" }, "perflint knowledge: Unrecognized command or argument '--version'.")]
    public void ParseErrorsExitTwo(string[] args, string message)
    {
        var run = Perflint(args);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output.Split('\n').Select(l => l.TrimEnd()), Does.Contain(message).And.Contain("Usage:"));
    }
}
