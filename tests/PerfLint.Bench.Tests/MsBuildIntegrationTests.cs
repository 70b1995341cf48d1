using TempDirectory = PerfLint.Testing.TempDirectory;
using System.Text.RegularExpressions;
using PerfLint.Bench.Containers;

namespace PerfLint.Bench.Tests;

/// <summary>
/// `dotnet build -p:PerfLintRunBenchmarks=true` on a temporary project importing the built PerfLint.targets: the build
/// fails with error PLBxxxx at the line and column of the missed budget.
/// </summary>
public class MsBuildIntegrationTests : ContainerFixture
{
    private static string Project() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <PerfLintRunnerPath>{RepoPaths.RunnerDll}</PerfLintRunnerPath>
          </PropertyGroup>
          <Import Project="{RepoPaths.TasksTargets}" />
        </Project>
        """;

    private static async Task<ProcessResult> BuildAsync(TempDirectory dir)
    {
        dir.File("app.csproj", Project());
        dir.File("Lib.cs", "namespace App; public static class Lib { }");
        return await ProcessRunner.RunAsync("dotnet", new[] { "build", Path.Combine(dir.Path, "app.csproj"), "-p:PerfLintRunBenchmarks=true", "-nologo", "-v:m" },
            TimeSpan.FromMinutes(4), env: new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1" });
    }

    [Test]
    public async Task MissedBudgetFailsTheBuildAtItsLine()
    {
        using var dir = new TempDirectory("perflint-bench-test");
        var name = UniqueName("msbuild");
        var spec = FaultSpec(name, "\"FAULT_MODE\": \"slow\", \"FAULT_DELAY_MS\": \"30\"",
            "\"maxErrorRate\": 0.5,\n      \"p50Ms\": 10,\n      \"p90Ms\": { \"max\": 5, \"level\": \"warn\" }");
        var specPath = dir.File("perflint.bench.json", spec);
        var lines = spec.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"p50Ms\"")) + 1;
        var column = lines[line - 1].IndexOf("\"p50Ms\"", StringComparison.Ordinal) + 1;

        var build = await BuildAsync(dir);
        var output = build.Stdout + build.Stderr;
        Assert.That(build.ExitCode, Is.Not.EqualTo(0), output);
        Assert.That(output, Does.Contain($"{specPath}({line},{column}): error PLB0001: {name}: p50Ms:"), output);
        Assert.That(output, Does.Not.Contain("error PLB0007"), "the met error budget is not reported");
        Assert.That(output, Does.Contain($"{specPath}({line + 1},{column}): warning PLB0002: {name}: p90Ms:"), "warn level is a warning");
        Assert.That(output, Does.Contain($"perflint bench: {name}: FAIL"), "one summary line per benchmark");
        Assert.That(File.Exists(Path.Combine(dir.Path, "perflint-results", "perflint.bench", "report.html")));
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task BadSpecIsOneErrorAtItsPosition()
    {
        using var dir = new TempDirectory("perflint-bench-test");
        var specPath = dir.File("perflint.bench.json", "{\n  \"benchmarks\": [ {\n    \"name\": \"x\", \"image\": \"y\", \"request\": { \"body\": \"a\" },\n    \"load\": { \"concurrency\": [0] } } ] }");
        var build = await BuildAsync(dir);
        var output = build.Stdout + build.Stderr;
        Assert.That(build.ExitCode, Is.Not.EqualTo(0), output);
        Assert.That(output, Does.Contain($"{specPath}(4,31): error PLB0100: perflint bench: \"concurrency\" must be a whole number"), output);
        Assert.That(Regex.Matches(output, "error PLB").Count, Is.EqualTo(2), "one error (MSBuild repeats errors in its summary)");
    }
}

/// <summary>Ctrl+C on `dotnet build` cancels the task, which signals the runner, which removes its container.</summary>
public class MsBuildCancellationTests : ContainerFixture
{
    [Test]
    public async Task CancellingTheBuildRemovesTheContainer()
    {
        using var dir = new TempDirectory("perflint-bench-test");
        var name = UniqueName("msbuild-cancel");
        dir.File("perflint.bench.json", FaultSpec(name, "\"RESPONSE_DELAY_MS\": \"5\"", "\"p50Ms\": 500",
            load: "\"concurrency\": [1], \"durationSeconds\": 300, \"warmupSeconds\": 0"));
        dir.File("app.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <PerfLintRunnerPath>{RepoPaths.RunnerDll}</PerfLintRunnerPath>
              </PropertyGroup>
              <Import Project="{RepoPaths.TasksTargets}" />
            </Project>
            """);
        // SIGINT at its default disposition, as from a terminal (see CancellationTests): the build gets the Ctrl+C.
        var psi = new System.Diagnostics.ProcessStartInfo("env") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--default-signal=INT", "dotnet", "build", Path.Combine(dir.Path, "app.csproj"), "-p:PerfLintRunBenchmarks=true", "-nologo", "-v:n", "-m:1", "-nodeReuse:false" })
            psi.ArgumentList.Add(a);
        using var build = System.Diagnostics.Process.Start(psi)!;
        var output = new System.Text.StringBuilder();
        build.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        build.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        build.BeginOutputReadLine();
        build.BeginErrorReadLine();
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            while (!Contains(output, "  ready"))
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(90) || build.HasExited) Assert.Fail("the benchmark never got ready:\n" + output);
                await Task.Delay(200);
            }
            await ProcessRunner.RunAsync("kill", new[] { "-INT", build.Id.ToString() }, TimeSpan.FromSeconds(5));
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(45));
            await build.WaitForExitAsync(exit.Token);
            Assert.That(build.ExitCode, Is.Not.EqualTo(0), output.ToString());
            // The task's own cancellation path ran (SIGTERM to the runner, which cleaned up and exited).
            Assert.That(Contains(output, "PLB0103"), output.ToString());
        }
        finally
        {
            if (!build.HasExited) build.Kill(entireProcessTree: true);
        }
        await AssertNoContainerLeftAsync(name);
    }

    private static bool Contains(System.Text.StringBuilder sb, string text)
    {
        lock (sb) return sb.ToString().Contains(text);
    }
}
