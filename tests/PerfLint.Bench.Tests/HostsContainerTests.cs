using PerfLint.Testing;

namespace PerfLint.Bench.Tests;

/// <summary>
/// Many hosts, one matrix: the spec's hosts list runs every benchmark on every host in parallel, through each host's
/// engine URL. Two podman API sockets stand in for two machines; a third URL has no service behind it.
/// </summary>
public class HostsContainerTests : ContainerFixture
{
    [Test]
    public async Task EveryHostRunsTheSpecInParallel_ResultsMergeWithHostAndInstanceType_AndAnUnreachableHostIsOnlyItsOwnError()
    {
        using var hosts = new PodmanServices("a", "b");
        var name = UniqueName("hosts");
        // The host's env lays the server's latency over the benchmark's: 20 ms on "fast", 80 ms on "slow".
        var spec = $$"""
            {
              "hosts": [
                { "name": "fast", "engineUrl": "{{hosts.Url("a")}}", "engine": "podman", "instanceType": "ml.c5.xlarge", "env": { "RESPONSE_DELAY_MS": "20" } },
                { "name": "slow", "engineUrl": "{{hosts.Url("b")}}", "engine": "podman", "instanceType": "ml.g5.xlarge", "env": { "RESPONSE_DELAY_MS": "80" } },
                { "name": "gone", "engineUrl": "{{hosts.MissingUrl}}", "engine": "podman", "instanceType": "ml.inf2.xlarge" }
              ],
              "benchmarks": [ {
                "name": "{{name}}",
                "image": "{{FaultyImage}}",
                "env": { "FAULT_MODE": "ok", "RESPONSE_DELAY_MS": "1" },
                "readinessTimeoutSeconds": 30,
                "request": { "body": "{\"x\": 1}", "contentType": "application/json" },
                "load": { "concurrency": [2], "durationSeconds": 4, "warmupSeconds": 0.5 },
                "budgets": { "p50Ms": 1000 }
              } ]
            }
            """;
        var run = await RunBenchAsync(spec);
        var all = run.Stdout + run.Stderr;

        // The unreachable host is an infrastructure error: the worst exit code over the hosts.
        Assert.That(run.ExitCode, Is.EqualTo(2), all);
        var results = run.Results!.Benchmarks;
        Assert.That(results.Select(b => (b.Name, b.Host, b.InstanceType)), Is.EqualTo(new[]
        {
            (name, "fast", "ml.c5.xlarge"), (name, "slow", "ml.g5.xlarge"), (name, "gone", "ml.inf2.xlarge"),
        }), all);
        var (fast, slow, gone) = (results[0], results[1], results[2]);
        Assert.Multiple(() =>
        {
            Assert.That((fast.Passed, fast.InfrastructureError, slow.Passed, slow.InfrastructureError), Is.EqualTo((true, false, true, false)), all);
            // Each host ran with its own env: p50 at least the configured delay, and the fast one below the slow one's delay.
            Assert.That(fast.Steps.Single().P50Ms, Is.InRange(20, 79), all);
            Assert.That(slow.Steps.Single().P50Ms, Is.GreaterThanOrEqualTo(80), all);
            Assert.That(gone.InfrastructureError, Is.True);
            Assert.That(gone.Error, Does.StartWith("host gone cannot be reached: no container engine answers"));
            Assert.That(run.Stderr, Does.Contain($"perflint bench: [gone] {name}: host gone cannot be reached"));
            Assert.That(run.Results.Engine, Is.EqualTo($"fast: podman at {hosts.Url("a")}; slow: podman at {hosts.Url("b")}; gone: unreachable"));
        });

        // Two containers, one per host, and both were running at the same time: each started before the other's benchmark ended.
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int Started(string host) => lines.FindIndex(l => l.StartsWith($"[{host}]   container ", StringComparison.Ordinal) && l.Contains(" started (podman)"));
        int Ended(string host) => lines.FindIndex(l => l.StartsWith($"[{host}] {name}: PASS", StringComparison.Ordinal));
        string Container(string host) => lines[Started(host)].Split(' ')[4];
        Assert.Multiple(() =>
        {
            Assert.That(new[] { Started("fast"), Started("slow"), Ended("fast"), Ended("slow") }, Has.All.GreaterThanOrEqualTo(0), run.Stdout);
            Assert.That(Started("fast"), Is.LessThan(Ended("slow")), run.Stdout);
            Assert.That(Started("slow"), Is.LessThan(Ended("fast")), run.Stdout);
            Assert.That(Container("fast"), Is.Not.EqualTo(Container("slow")), run.Stdout);
            Assert.That(run.Stdout, Does.Contain("\n[gone] cannot be reached: no container engine answers. podman: engine does not answer"), run.Stdout);
        });
        await AssertNoContainerLeftAsync(name);
    }
}
