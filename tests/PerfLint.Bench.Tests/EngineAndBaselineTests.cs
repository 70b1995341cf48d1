using TempDirectory = PerfLint.Testing.TempDirectory;
using System.Diagnostics;
using PerfLint.Bench.Containers;
using PerfLint.Bench.Results;

namespace PerfLint.Bench.Tests;

public class EngineAndBaselineTests : ContainerFixture
{
    /// <summary>The docker CLI is chosen once DOCKER_HOST points at a working (podman) engine: pass-through, no special casing.</summary>
    [Test]
    public async Task DockerCliIsUsedWhenDockerHostPointsAtAPodmanSocket()
    {
        if (ProcessRunner.FindOnPath("docker") == null) Assert.Ignore("no docker CLI installed");
        using var dir = new TempDirectory("perflint-bench-test");
        var socket = Path.Combine(dir.Path, "podman.sock");
        using var service = Process.Start(new ProcessStartInfo("podman", $"system service --time=0 unix://{socket}") { UseShellExecute = false })!;
        try
        {
            for (var i = 0; i < 100 && !File.Exists(socket); i++) await Task.Delay(100);
            var name = UniqueName("docker-host");
            var spec = dir.File("perflint.bench.json", FaultSpec(name, "\"RESPONSE_DELAY_MS\": \"1\"", "\"p50Ms\": 500"));
            var run = await ProcessRunner.RunAsync("dotnet", new[] { "exec", RepoPaths.RunnerDll, "bench", spec, "--output", Path.Combine(dir.Path, "out") },
                TimeSpan.FromMinutes(2), env: new Dictionary<string, string> { ["DOCKER_HOST"] = $"unix://{socket}" });
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
            var results = BenchResults.FromJson(File.ReadAllText(Path.Combine(dir.Path, "out", "results.json")));
            Assert.That(results.Engine, Is.EqualTo("docker"));
            await AssertNoContainerLeftAsync(name);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    [Test]
    public async Task RegressionAgainstABaselineFails()
    {
        using var dir = new TempDirectory("perflint-bench-test");
        var name = UniqueName("baseline");
        const string load = "\"concurrency\": [1], \"durationSeconds\": 1.5, \"warmupSeconds\": 0.3";
        var before = await RunBenchAsync(FaultSpec(name, "\"RESPONSE_DELAY_MS\": \"5\"", "\"p50Ms\": 500", load));
        Assert.That(before.ExitCode, Is.EqualTo(0), before.Stdout + before.Stderr);
        var baseline = dir.File("baseline.json", before.Results!.ToJson());

        var after = await RunBenchAsync(FaultSpec(name, "\"RESPONSE_DELAY_MS\": \"15\"", "\"p50Ms\": 500", load), "--baseline", baseline);
        Assert.That(after.ExitCode, Is.EqualTo(1), after.Stdout + after.Stderr);
        var b = after.Results!.Benchmarks.Single();
        var p50 = b.Budgets.Single(x => x.Name == "regression:p50Ms");
        Assert.Multiple(() =>
        {
            Assert.That((p50.Passed, p50.Code), Is.EqualTo((false, "PLB0010")));
            Assert.That(p50.Actual, Is.GreaterThan(1.0), "5 ms -> 15 ms is +200 %");
            Assert.That(b.Budgets.Single(x => x.Name == "regression:throughputPerSecond").Passed, Is.False);
            Assert.That(b.JudgementNote, Does.StartWith("weak regression judgement"));
            Assert.That(after.Results.RegressionThreshold, Is.EqualTo(0.10));
        });
        await AssertNoContainerLeftAsync(name);
    }
}

/// <summary>Leftovers of a killed run (SIGKILL) are found by their run label and removed.</summary>
public class CleanupTests : ContainerFixture
{
    [Test]
    public async Task LabelledLeftoversAreRemoved()
    {
        var runId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var start = await ProcessRunner.RunAsync("podman",
            new[] { "run", "-d", "--label", $"{ContainerEngine.RunLabel}={runId}", "-e", "RESPONSE_DELAY_MS=1", FaultyImage, "serve" }, TimeSpan.FromSeconds(60));
        Assert.That(start.Ok, start.Describe());
        var engine = await ContainerEngine.SelectAsync("podman", null, null, TimeSpan.FromSeconds(20), CancellationToken.None);
        Assert.That(await engine.CleanupAsync(runId, CancellationToken.None), Is.EqualTo(1));
        var ps = await ProcessRunner.RunAsync("podman", new[] { "ps", "-a", "-q", "--filter", $"label={ContainerEngine.RunLabel}={runId}" }, TimeSpan.FromSeconds(30));
        Assert.That(ps.Stdout.Trim(), Is.Empty);
    }
}
