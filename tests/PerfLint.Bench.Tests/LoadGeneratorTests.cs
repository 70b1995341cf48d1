using PerfLint.Testing;
using PerfLint.Bench.Load;
using PerfLint.Bench.Spec;
using PerfLint.Bench.Stats;

namespace PerfLint.Bench.Tests;

/// <summary>The load generator against the real FaultServer (host process, loopback) with known service times.</summary>
public class LoadGeneratorTests
{
    private static LoadTarget Target(FaultServerProcess server, double timeoutSeconds = 5) =>
        new(new Uri(server.BaseUri, "/invocations"), HttpMethod.Post, "x"u8.ToArray(), "text/plain", TimeSpan.FromSeconds(timeoutSeconds));

    [Test]
    public async Task ClosedLoopMeasuresAKnownDelay()
    {
        await using var server = await FaultServerProcess.StartAsync(RepoPaths.FaultServerDll, new Dictionary<string, string> { ["RESPONSE_DELAY_MS"] = "20" });
        var step = await LoadGenerator.RunClosedLoopAsync(Target(server), 2, 0.5, 2, null, CancellationToken.None);
        var s = LatencySummary.From(step.Latency);
        Assert.Multiple(() =>
        {
            Assert.That(step.ErrorCount, Is.Zero);
            // Two workers, 20 ms each: at most 100 req/s, and nothing answers faster than the delay. A loaded machine
            // (CI, parallel builds) adds latency, so the upper bounds are loose; Little's law must hold exactly:
            // throughput = workers / mean latency, whatever the load.
            Assert.That(step.ThroughputPerSecond, Is.InRange(40.0, 105.0));
            Assert.That(s.P50, Is.InRange(20.0, 45.0));
            Assert.That(step.ThroughputPerSecond, Is.EqualTo(2 * 1000.0 / s.Mean!.Value).Within(10).Percent);
            Assert.That(LatencySummary.From(step.Latency).Max, Is.GreaterThanOrEqualTo(20));
            Assert.That(step.Requests, Is.EqualTo(step.Latency.TotalCount));
        });
    }

    [Test]
    public async Task OpenLoopSendsAtTheRequestedRate()
    {
        await using var server = await FaultServerProcess.StartAsync(RepoPaths.FaultServerDll, new Dictionary<string, string> { ["RESPONSE_DELAY_MS"] = "5" });
        var step = await LoadGenerator.RunOpenLoopAsync(Target(server), 200, Arrival.Poisson, 64, 0.5, 2, null, CancellationToken.None);
        Assert.That(step.Requests, Is.EqualTo(400).Within(20).Percent);
        // Never faster than the service time; the upper bound leaves room for a loaded machine.
        Assert.That(LatencySummary.From(step.Latency).P50, Is.InRange(5.0, 30.0));
    }

    /// <summary>
    /// Coordinated omission: at most one request in flight against a 100 ms server while 50 req/s are scheduled. The
    /// queue grows every second, and latency from the scheduled time shows it; a closed-loop measurement would report
    /// ~100 ms for every request.
    /// </summary>
    [Test]
    public async Task OpenLoopLatencyCountsFromTheScheduleNotTheSend()
    {
        await using var server = await FaultServerProcess.StartAsync(RepoPaths.FaultServerDll, new Dictionary<string, string> { ["RESPONSE_DELAY_MS"] = "100" });
        var step = await LoadGenerator.RunOpenLoopAsync(Target(server), 50, Arrival.Constant, maxOutstanding: 1, 0, 2, null, CancellationToken.None);
        var s = LatencySummary.From(step.Latency);
        Assert.Multiple(() =>
        {
            Assert.That(step.LateSends, Is.GreaterThan(step.Requests / 2));
            // Request k (every 20 ms) is served at ~k*100 ms: waiting grows to ~0.8 * elapsed; p50 of 2 s is far beyond 100 ms.
            Assert.That(s.P50, Is.GreaterThan(500));
            Assert.That(s.Max, Is.GreaterThan(s.P50!.Value));
        });
    }

    [Test]
    public async Task ErrorsAreCountedByKind()
    {
        await using var server = await FaultServerProcess.StartAsync(RepoPaths.FaultServerDll, new Dictionary<string, string> { ["FAULT_MODE"] = "errors", ["FAULT_ERROR_RATE"] = "0.25" });
        var step = await LoadGenerator.RunClosedLoopAsync(Target(server), 2, 0, 1, null, CancellationToken.None);
        Assert.That(step.Errors.Keys, Is.EqualTo(new[] { "status 500" }));
        Assert.That(step.ErrorRate, Is.EqualTo(0.25).Within(0.02));
    }

    [Test]
    public async Task HangingRequestsTimeOut()
    {
        await using var server = await FaultServerProcess.StartAsync(RepoPaths.FaultServerDll, new Dictionary<string, string> { ["FAULT_MODE"] = "hang" });
        var started = DateTime.UtcNow;
        var step = await LoadGenerator.RunClosedLoopAsync(Target(server, timeoutSeconds: 0.5), 2, 0, 1, null, CancellationToken.None);
        Assert.That(step.Successes, Is.Zero);
        Assert.That(step.Errors["timeout"], Is.GreaterThanOrEqualTo(2));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task RefusedConnectionsAreConnectionErrors()
    {
        var nobody = new LoadTarget(new Uri("http://127.0.0.1:9/invocations"), HttpMethod.Post, "x"u8.ToArray(), "text/plain", TimeSpan.FromSeconds(2));
        var step = await LoadGenerator.RunClosedLoopAsync(nobody, 1, 0, 0.3, null, CancellationToken.None);
        Assert.That(step.Errors.Keys, Is.EqualTo(new[] { "connection" }));
    }
}
