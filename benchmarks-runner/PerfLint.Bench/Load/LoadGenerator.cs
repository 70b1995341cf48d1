using System.Diagnostics;
using System.Net;
using HdrHistogram;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Load;

/// <summary>
/// Drives one load step against the target. Closed loop: N workers, each sends its next request when the previous one
/// ends. Open loop: requests go out on a fixed schedule (constant or Poisson gaps) regardless of responses, and latency
/// is measured from the *scheduled* send time, so a stalled server cannot hide its stall by slowing the sender
/// (coordinated omission, as in wrk2 and MLPerf LoadGen). Requests that start during warmup are not recorded.
/// </summary>
public static class LoadGenerator
{
    private static double TicksToSeconds(long ticks) => (double)ticks / Stopwatch.Frequency;
    private static long SecondsToTicks(double s) => (long)(s * Stopwatch.Frequency);
    internal static long TicksToMicros(long ticks) => ticks * 1_000_000L / Stopwatch.Frequency;

    internal static HttpClient NewClient(int connections) =>
        new(new SocketsHttpHandler
        {
            // One connection per concurrent request: no request waits for a pooled connection inside the client.
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
        };

    public static async Task<StepMeasurement> RunClosedLoopAsync(LoadTarget target, int concurrency,
        double warmupSeconds, double durationSeconds, LiveCounters? live, CancellationToken stop)
    {
        using var client = NewClient(concurrency);
        var start = Stopwatch.GetTimestamp();
        var measureStart = start + SecondsToTicks(warmupSeconds);
        var measureEnd = measureStart + SecondsToTicks(durationSeconds);
        if (live != null) live.Phase = warmupSeconds > 0 ? "warmup" : "measure";

        var workers = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() => ClosedLoopWorkerAsync(client, target, measureStart, measureEnd, live, stop)))
            .ToArray();
        var phaseWatch = warmupSeconds > 0 && live != null ? SwitchPhaseAsync(live, measureStart, stop) : Task.CompletedTask;
        var results = await Task.WhenAll(workers).ConfigureAwait(false);
        await phaseWatch.ConfigureAwait(false);

        var step = new StepMeasurement { Concurrency = concurrency };
        var lastEnd = measureEnd;
        foreach (var w in results)
        {
            step.Latency.Add(w.Latency);
            step.Successes += w.Successes;
            step.AddErrors(w.Errors);
            lastEnd = Math.Max(lastEnd, w.LastEnd);
        }
        step.ElapsedSeconds = TicksToSeconds(lastEnd - measureStart);
        return step;
    }

    private sealed class WorkerResult
    {
        public LongHistogram Latency { get; } = StepMeasurement.NewHistogram();
        public long Successes;
        public readonly Dictionary<string, long> Errors = new();
        public long LastEnd;

        public void Record(long scheduled, RequestOutcome outcome, LiveCounters? live)
        {
            LastEnd = Math.Max(LastEnd, outcome.EndTimestamp);
            if (outcome.ErrorKind == null)
            {
                Latency.RecordValue(Math.Max(0, TicksToMicros(outcome.EndTimestamp - scheduled)));
                Successes++;
                live?.Success();
            }
            else
            {
                Errors[outcome.ErrorKind] = Errors.GetValueOrDefault(outcome.ErrorKind) + 1;
                live?.Error();
            }
        }
    }

    private static async Task<WorkerResult> ClosedLoopWorkerAsync(HttpClient client, LoadTarget target,
        long measureStart, long measureEnd, LiveCounters? live, CancellationToken stop)
    {
        var result = new WorkerResult();
        using var sender = new RequestSender(client, target);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= measureEnd) break;
                var outcome = await sender.SendAsync(stop).ConfigureAwait(false);
                if (sent >= measureStart) result.Record(sent, outcome, live);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Aborted step: the caller reports why; what was measured so far stays.
        }
        return result;
    }

    private static async Task SwitchPhaseAsync(LiveCounters live, long measureStart, CancellationToken stop)
    {
        var wait = TicksToSeconds(measureStart - Stopwatch.GetTimestamp());
        try
        {
            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait), stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { }
        live.Phase = "measure";
    }

    public static async Task<StepMeasurement> RunOpenLoopAsync(LoadTarget target, double ratePerSecond, Arrival arrival,
        int maxOutstanding, double warmupSeconds, double durationSeconds, LiveCounters? live, CancellationToken stop,
        int seed = 12345)
    {
        using var client = NewClient(maxOutstanding);
        using var slots = new SemaphoreSlim(maxOutstanding);
        var schedule = new ArrivalSchedule(ratePerSecond, arrival, seed);
        var start = Stopwatch.GetTimestamp();
        var measureStart = start + SecondsToTicks(warmupSeconds);
        var measureEnd = measureStart + SecondsToTicks(durationSeconds);
        var shared = new WorkerResult();
        var gate = new object();
        var inFlight = new List<Task>();
        long late = 0;
        var sendLag = StepMeasurement.NewHistogram();
        var lateThreshold = SecondsToTicks(0.001);
        if (live != null) live.Phase = warmupSeconds > 0 ? "warmup" : "measure";

        try
        {
            while (!stop.IsCancellationRequested)
            {
                var scheduled = start + SecondsToTicks(schedule.NextOffsetSeconds());
                if (scheduled >= measureEnd) break;
                await WaitUntilAsync(scheduled, stop).ConfigureAwait(false);
                if (live != null && scheduled >= measureStart) live.Phase = "measure";
                // A full in-flight window delays the send, never the schedule: the wait shows up as latency.
                await slots.WaitAsync(stop).ConfigureAwait(false);
                var measured = scheduled >= measureStart;
                if (measured)
                {
                    var lag = Stopwatch.GetTimestamp() - scheduled;
                    if (lag > lateThreshold) late++;
                    sendLag.RecordValue(Math.Max(0, TicksToMicros(lag)));
                }
                inFlight.Add(SendOneAsync(client, target, slots, scheduled, measured, shared, gate, live, stop));
                if (inFlight.Count > 4096) inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        await Task.WhenAll(inFlight).ConfigureAwait(false);

        var step = new StepMeasurement { RatePerSecond = ratePerSecond, LateSends = late };
        step.Latency.Add(shared.Latency);
        step.SendLag.Add(sendLag);
        step.Successes = shared.Successes;
        step.AddErrors(shared.Errors);
        step.ElapsedSeconds = TicksToSeconds(Math.Max(measureEnd, shared.LastEnd) - measureStart);
        return step;
    }

    /// <summary>
    /// Timers fire up to a millisecond or two late, and in an open loop that lateness would be counted as server latency.
    /// So: sleep until shortly before the send time, then yield-spin the last stretch (short, and it gives the CPU away).
    /// </summary>
    private static async Task WaitUntilAsync(long due, CancellationToken stop)
    {
        var spinWindow = SecondsToTicks(0.002);
        var wait = due - Stopwatch.GetTimestamp();
        if (wait > spinWindow)
            await Task.Delay(TimeSpan.FromSeconds(TicksToSeconds(wait - spinWindow)), stop).ConfigureAwait(false);
        while (Stopwatch.GetTimestamp() < due)
        {
            stop.ThrowIfCancellationRequested();
            Thread.Yield();
        }
    }

    private static async Task SendOneAsync(HttpClient client, LoadTarget target, SemaphoreSlim slots, long scheduled,
        bool measured, WorkerResult shared, object gate, LiveCounters? live, CancellationToken stop)
    {
        try
        {
            using var sender = new RequestSender(client, target);
            var outcome = await sender.SendAsync(stop).ConfigureAwait(false);
            if (measured)
                lock (gate) shared.Record(scheduled, outcome, live);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        finally
        {
            slots.Release();
        }
    }
}
