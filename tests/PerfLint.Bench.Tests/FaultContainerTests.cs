namespace PerfLint.Bench.Tests;

/// <summary>Every fault of the fault server ends cleanly, with the right exit code, and leaves no container.</summary>
public class FaultContainerTests : ContainerFixture
{
    [Test]
    public async Task HealthyServerMeetingItsBudgetsExitsZero()
    {
        var name = UniqueName("ok");
        var run = await RunBenchAsync(FaultSpec(name, "\"FAULT_MODE\": \"ok\", \"RESPONSE_DELAY_MS\": \"2\"", "\"p50Ms\": 500, \"p90Ms\": 1000, \"maxErrorRate\": 0.001"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
        var b = run.Results!.Benchmarks.Single();
        Assert.Multiple(() =>
        {
            Assert.That((b.Passed, b.Valid), Is.EqualTo((true, true)));
            Assert.That(b.Steps.Single().Requests, Is.GreaterThan(100));
            Assert.That(b.Steps.Single().P50Ms, Is.GreaterThanOrEqualTo(2));
            Assert.That(b.Steps.Single().Utilization!.ContainerCpuPercent, Is.Not.Null, "podman stats sampled");
            Assert.That(run.Results.Engine, Does.StartWith("podman"), "the docker CLI here has no engine and must not be chosen");
        });
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task CrashOnStartIsAnInfrastructureError()
    {
        var name = UniqueName("crash-start");
        var run = await RunBenchAsync(FaultSpec(name, "\"FAULT_MODE\": \"crash-on-start\"", "\"p50Ms\": 500"));
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stdout + run.Stderr);
        Assert.That(run.Stderr, Does.Contain("exited with code 3 before it was ready"));
        Assert.That(run.Stderr, Does.Contain("crash-on-start"), "the container log tail is shown");
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task NeverReadyEndsAtTheReadinessTimeout()
    {
        var name = UniqueName("never-ready");
        var run = await RunBenchAsync(FaultSpec(name, "\"FAULT_MODE\": \"never-ready\"", "\"p50Ms\": 500", readiness: 3));
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stdout + run.Stderr);
        Assert.That(run.Stderr, Does.Contain("never ready").And.Contain("503"));
        Assert.That(run.Elapsed, Is.LessThan(TimeSpan.FromSeconds(25)));
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task CrashDuringLoadFailsTheBenchmarkAtOnce()
    {
        var name = UniqueName("crash-after");
        var run = await RunBenchAsync(FaultSpec(name, "\"FAULT_MODE\": \"crash-after\", \"FAULT_AFTER\": \"50\"", "\"p50Ms\": 500",
            load: "\"concurrency\": [2], \"durationSeconds\": 20, \"warmupSeconds\": 0"));
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        var b = run.Results!.Benchmarks.Single();
        Assert.That(b.Error, Does.Contain("container exited with code 4"));
        Assert.That(b.Budgets.Single(x => x.Name == "server").Code, Is.EqualTo("PLB0012"));
        Assert.That(b.ContainerLogTail, Is.Not.Null);
        Assert.That(run.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "the watcher stops the 20 s step when the container dies");
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task HangEndsWithinTheRequestTimeout()
    {
        var name = UniqueName("hang");
        var run = await RunBenchAsync(FaultSpec(name, "\"FAULT_MODE\": \"hang\"", "\"p50Ms\": 500, \"maxErrorRate\": 0.01", requestTimeout: 1));
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        var step = run.Results!.Benchmarks.Single().Steps.Single();
        Assert.That(step.ErrorsByKind.Keys, Is.EqualTo(new[] { "timeout" }));
        Assert.That(step.Successes, Is.Zero);
        Assert.That(run.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task SlowServerMissesItsLatencyBudget()
    {
        var name = UniqueName("slow");
        var run = await RunBenchAsync(FaultSpec(name, "\"FAULT_MODE\": \"slow\", \"FAULT_DELAY_MS\": \"40\"", "\"p50Ms\": 20, \"p90Ms\": { \"max\": 10, \"level\": \"warn\" }"));
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        var budgets = run.Results!.Benchmarks.Single().Budgets;
        Assert.That(budgets.Single(b => b.Name == "p50Ms").Passed, Is.False);
        Assert.That(budgets.Single(b => b.Name == "p50Ms").Actual, Is.GreaterThanOrEqualTo(40));
        Assert.That(budgets.Single(b => b.Name == "p90Ms").Level, Is.EqualTo("warn"));
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task ErrorsMissTheErrorBudget()
    {
        var name = UniqueName("errors");
        var run = await RunBenchAsync(FaultSpec(name, "\"FAULT_MODE\": \"errors\", \"FAULT_ERROR_RATE\": \"0.2\"", "\"maxErrorRate\": 0.01"));
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        var step = run.Results!.Benchmarks.Single().Steps.Single();
        Assert.That(step.ErrorRate, Is.EqualTo(0.2).Within(0.03));
        Assert.That(step.ErrorsByKind.Keys, Is.EqualTo(new[] { "status 500" }));
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task MissingImageIsAnInfrastructureError()
    {
        var name = UniqueName("no-image");
        var run = await RunBenchAsync(FaultSpec(name, "", "\"p50Ms\": 5").Replace(FaultyImage, "localhost/perflint/does-not-exist:1"));
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stdout + run.Stderr);
        Assert.That(run.Stderr, Does.Contain("image localhost/perflint/does-not-exist:1 not found"));
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task TooShortARunIsInvalidNotPassed()
    {
        var name = UniqueName("invalid");
        // 1 s at ~20 ms per request is ~50 requests: far from the 459 a p99 budget needs.
        var run = await RunBenchAsync(FaultSpec(name, "\"RESPONSE_DELAY_MS\": \"20\"", "\"p99Ms\": 5000",
            load: "\"concurrency\": [1], \"durationSeconds\": 1, \"warmupSeconds\": 0"));
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        var b = run.Results!.Benchmarks.Single();
        Assert.That((b.Valid, b.Passed), Is.EqualTo((false, false)));
        Assert.That(b.Budgets.Single(x => x.Name == "p99Ms").Passed, Is.True, "the latency itself is within budget");
        Assert.That(b.Validity, Does.Contain("INVALID").And.Contain("459"));
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task DockerWithoutAnEngineIsRefusedClearly()
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var docker = PerfLint.Bench.Containers.ProcessRunner.FindOnPath("docker");
        if (docker != null && (await PerfLint.Bench.Containers.ProcessRunner.RunAsync(docker, new[] { "info" }, TimeSpan.FromSeconds(20))).Ok)
            Assert.Ignore($"docker has a working engine here (DOCKER_HOST={dockerHost}); nothing to refuse");
        var run = await RunBenchAsync(FaultSpec(UniqueName("docker"), "", "\"p50Ms\": 5"), "--engine", "docker");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("no container engine answers").And.Contain("docker"));
    }
}
