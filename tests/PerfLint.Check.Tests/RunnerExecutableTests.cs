using PerfLint.Testing;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>The `perflint` executable dispatches `check` and returns its exit codes.</summary>
[TestFixture]
public sealed class RunnerExecutableTests
{
    [Test]
    public void ExitCodesThroughTheExecutable()
    {
        var ok = ProcessRunner.Run("dotnet", new[] { "exec", Paths.RunnerAssembly, "check", Synth.WholeAppAssembly, "--editorconfig", CheckRun.EditorConfig() }, Paths.RunDirectory);
        Assert.That(ok.ExitCode, Is.Zero, ok.Output);
        Assert.That(ok.Output, Does.Contain("warning PL1001"));

        var failing = ProcessRunner.Run("dotnet", new[] { "exec", Paths.RunnerAssembly, "check", Synth.WholeAppAssembly, "--editorconfig", CheckRun.EditorConfig("dotnet_diagnostic.PL1001.severity = error") }, Paths.RunDirectory);
        Assert.That(failing.ExitCode, Is.EqualTo(1), failing.Output);

        var bad = ProcessRunner.Run("dotnet", new[] { "exec", Paths.RunnerAssembly, "check", Paths.RunDirectory }, Paths.RunDirectory);
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Output, Does.Contain("not a cloud assembly"));
    }
}
