using System.Diagnostics;
using System.Net;
using PerfLint.Serving.Fault;

namespace PerfLint.Serving.Tests;

public class FaultServerTests
{
    private static ByteArrayContent Body() => new(new byte[] { 1, 2, 3 });

    [TestCase(0.1, 1000, 100)]
    [TestCase(0.001, 1000, 1)]
    [TestCase(0.25, 8, 2)]
    [TestCase(0.0, 500, 0)]
    [TestCase(1.0, 50, 50)]
    public void Injected_errors_hit_exactly_the_requested_fraction(double rate, int invocations, int expectedErrors)
    {
        var errors = Enumerable.Range(1, invocations).Count(n => FaultOptions.IsInjectedError(n, rate));
        Assert.That(errors, Is.EqualTo(expectedErrors));
    }

    [Test]
    public void Unknown_modes_and_bad_numbers_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => FaultOptions.FromEnvironment(n => n == "FAULT_MODE" ? "explode" : null));
        Assert.Throws<ArgumentException>(() => FaultOptions.FromEnvironment(n => n == "FAULT_ERROR_RATE" ? "1.5" : null));
        Assert.Throws<ArgumentException>(() => FaultOptions.FromEnvironment(n => n == "FAULT_AFTER" ? "2.5" : null));
        var slow = FaultOptions.FromEnvironment(n => n switch { "FAULT_MODE" => "slow", "FAULT_DELAY_MS" => "30", "RESPONSE_DELAY_MS" => "2.5", _ => null });
        Assert.That(slow.InvocationDelay, Is.EqualTo(TimeSpan.FromMilliseconds(32.5)));
    }

    [Test]
    public async Task Precise_delay_is_never_early_and_rarely_more_than_a_fraction_of_a_millisecond_late()
    {
        var delay = TimeSpan.FromMilliseconds(3);
        using var scheduler = new PreciseDelayScheduler(delay);
        var lateness = new List<double>();
        for (var i = 0; i < 100; i++)
        {
            var clock = Stopwatch.StartNew();
            await scheduler.DelayAsync();
            lateness.Add((clock.Elapsed - delay).TotalMilliseconds);
        }
        // Concurrent waiters (FIFO deadlines) all complete too.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => scheduler.DelayAsync()));

        lateness.Sort();
        TestContext.Out.WriteLine($"lateness ms: p50 {lateness[50]:F3}, p90 {lateness[90]:F3}, max {lateness[^1]:F3}");
        Assert.That(lateness[0], Is.GreaterThanOrEqualTo(0), "never early");
        // Well under what Task.Delay is late by, with headroom for a shared CI box above what an idle machine shows.
        Assert.That(lateness[50], Is.LessThan(0.75), "median lateness");
    }

    [Test]
    public void Crash_on_start_prints_a_line_and_exits_3_without_listening()
    {
        using var server = ServerProcess.Start("FaultServer.dll", new Dictionary<string, string> { ["FAULT_MODE"] = "crash-on-start" });
        Assert.That(server.WaitForExit(TimeSpan.FromSeconds(30)), Is.EqualTo(3));
        Assert.That(server.Output, Does.Contain("crash-on-start"));
    }

    [Test]
    public async Task Never_ready_listens_but_ping_stays_503()
    {
        using var server = ServerProcess.Start("FaultServer.dll", new Dictionary<string, string> { ["FAULT_MODE"] = "never-ready" });
        var status = await server.PingUntilAsync(s => s != 0, TimeSpan.FromSeconds(30));
        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        await Task.Delay(300);
        Assert.That((await server.Client.GetAsync("/ping")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task Crash_after_answers_n_invocations_then_the_process_exits_4()
    {
        using var server = ServerProcess.Start("FaultServer.dll", new Dictionary<string, string> { ["FAULT_MODE"] = "crash-after", ["FAULT_AFTER"] = "3" });
        Assert.That(await server.PingUntilAsync(s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30)), Is.EqualTo(HttpStatusCode.OK));
        for (var i = 0; i < 3; i++)
            Assert.That((await server.Client.PostAsync("/invocations", Body())).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"invocation {i + 1}");

        Assert.That(server.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(4));
        Assert.ThrowsAsync<HttpRequestException>(() => server.Client.PostAsync("/invocations", Body()));
    }

    [Test]
    public async Task Errors_mode_fails_the_configured_fraction_with_500()
    {
        using var server = ServerProcess.Start("FaultServer.dll", new Dictionary<string, string> { ["FAULT_MODE"] = "errors", ["FAULT_ERROR_RATE"] = "0.25" });
        await server.PingUntilAsync(s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++) statuses.Add((await server.Client.PostAsync("/invocations", Body())).StatusCode);
        Assert.That(statuses.Count(s => s == HttpStatusCode.InternalServerError), Is.EqualTo(10));
        Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(30));
    }

    [Test]
    public async Task Hang_mode_never_answers_but_ping_is_healthy()
    {
        using var server = ServerProcess.Start("FaultServer.dll", new Dictionary<string, string> { ["FAULT_MODE"] = "hang" });
        Assert.That(await server.PingUntilAsync(s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30)), Is.EqualTo(HttpStatusCode.OK));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        Assert.That(async () => await server.Client.PostAsync("/invocations", Body(), timeout.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Slow_mode_adds_its_delay_to_every_invocation()
    {
        using var server = ServerProcess.Start("FaultServer.dll", new Dictionary<string, string> { ["FAULT_MODE"] = "slow", ["FAULT_DELAY_MS"] = "150" });
        await server.PingUntilAsync(s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        await server.Client.PostAsync("/invocations", Body()); // connection + JIT warm-up
        var clock = Stopwatch.StartNew();
        var response = await server.Client.PostAsync("/invocations", Body());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(clock.Elapsed.TotalMilliseconds, Is.InRange(150, 1000));
    }
}
