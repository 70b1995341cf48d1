using HdrHistogram;
using PerfLint.Bench.Containers;
using PerfLint.Bench.Load;
using PerfLint.Bench.Results;
using PerfLint.Bench.Spec;
using PerfLint.Bench.Stats;
using PerfLint.Bench.Utilization;

namespace PerfLint.Bench.Running;

/// <summary>
/// Runs one benchmark: start the container, wait until ready, run every load step `repeat` times, and always remove
/// the container (success, failure, timeout, cancellation). Infrastructure problems and server crashes end up in the
/// result with the container's log tail; only cancellation propagates.
/// </summary>
public sealed class BenchmarkRunner
{
    private const int LogTailLines = 40;
    private readonly ContainerEngine _engine;
    private readonly string _runId;
    private readonly ProgressReporter _progress;

    public BenchmarkRunner(ContainerEngine engine, string runId, ProgressReporter progress)
    {
        _engine = engine;
        _runId = runId;
        _progress = progress;
    }

    public async Task<BenchmarkResult> RunAsync(BenchmarkSpec spec, CancellationToken ct)
    {
        var result = new BenchmarkResult { Name = spec.Name, Variant = spec.Variant, Image = spec.Image, Repeat = spec.Repeat, InstanceType = spec.InstanceType, Endpoint = spec.Endpoint };
        var price = InstancePrice.For(spec.InstanceType);
        result.OnDemandUsdPerHour = price?.UsdPerHour;
        result.PriceIsFloor = price?.IsEc2Floor ?? false;
        result.CostNote = price?.Note;

        string? id = null;
        var failed = false;
        try
        {
            var imageIsLocal = await _engine.ImageExistsAsync(spec.Image, ct);
            if (!imageIsLocal)
                _progress.Line($"  image {spec.Image} is not present locally; {_engine.Name} will try to pull it");
            try
            {
                id = await _engine.RunAsync(spec, _runId, ct);
            }
            catch (InfrastructureException ex) when (!imageIsLocal)
            {
                throw new InfrastructureException($"image {spec.Image} not found: it is not present locally and {_engine.Name} could not pull it. Build or pull it first. ({ex.Message})");
            }
            _progress.Line($"  container {ContainerEngine.Short(id)} started ({_engine.Name}); waiting for /ping ...");
            var baseUri = await BaseUriAsync(id, ct);
            await ReadinessProbe.WaitAsync(_engine, id, new Uri(baseUri, "/ping"),
                TimeSpan.FromSeconds(spec.ReadinessTimeoutSeconds), ct);
            _progress.Line("  ready");
            if (spec.Quality != null)
            {
                result.Quality = await QualityReplay.RunAsync(spec.Quality, baseUri, TimeSpan.FromSeconds(spec.RequestTimeoutSeconds), ct);
                _progress.Line("  " + Judging.QualityComparer.Describe(result.Quality));
            }
            var target = new LoadTarget(new Uri(baseUri, spec.Request.Path), new HttpMethod(spec.Request.Method),
                spec.Request.Body, spec.Request.ContentType, TimeSpan.FromSeconds(spec.RequestTimeoutSeconds));
            var histograms = new Dictionary<string, LongHistogram>();
            for (var repeat = 1; repeat <= spec.Repeat; repeat++)
                foreach (var step in PlanSteps(spec))
                    await RunStepAsync(spec, id, target, step, repeat, result, histograms, price, ct);
            BuildStepRows(result, histograms, price);
        }
        catch (InfrastructureException ex)
        {
            failed = true;
            result.Error = ex.Message;
            result.InfrastructureError = true;
            result.ContainerLogTail = ex.LogTail;
        }
        catch (ServerFailureException ex)
        {
            failed = true;
            result.Error = ex.Message;
        }
        catch (OperationCanceledException)
        {
            failed = true;
            throw;
        }
        finally
        {
            if (id != null)
            {
                if (failed || result.Runs.Any(r => r.Errors > 0))
                    result.ContainerLogTail ??= await _engine.LogTailAsync(id, LogTailLines, CancellationToken.None);
                await _engine.RemoveAsync(id);
            }
        }
        if (result.Steps.Count == 0 && result.Runs.Count > 0)
            BuildStepRows(result, new Dictionary<string, LongHistogram>(), price);
        return result;
    }

    private async Task<Uri> BaseUriAsync(string id, CancellationToken ct)
    {
        try
        {
            var port = await _engine.HostPortAsync(id, ct);
            return new Uri($"http://{_engine.TargetHost}:{port}");
        }
        catch (InfrastructureException)
        {
            // A container that exits at once has no port to read: report the exit, not the port.
            if (await _engine.StateAsync(id, ct) is { Running: false } s)
                throw new InfrastructureException($"container exited with code {s.ExitCode} before it was ready");
            throw;
        }
    }

    private sealed record PlannedStep(int? Concurrency, double? Rate);

    private static IEnumerable<PlannedStep> PlanSteps(BenchmarkSpec spec) =>
        spec.Load.Concurrency.Select(c => new PlannedStep(c, null))
            .Concat(spec.Load.RatePerSecond.Select(r => new PlannedStep(null, r)));

    private async Task RunStepAsync(BenchmarkSpec spec, string id, LoadTarget target, PlannedStep step, int repeat,
        BenchmarkResult result, Dictionary<string, LongHistogram> histograms, InstancePrice? price, CancellationToken ct)
    {
        var load = spec.Load;
        var counters = new LiveCounters();
        var label = (step.Concurrency is { } c0 ? $"concurrency {c0}" : $"{step.Rate:0.###} req/s") +
                    (spec.Repeat > 1 ? $" (run {repeat}/{spec.Repeat})" : "");
        StepMeasurement measurement;
        UtilizationResult utilization;
        string? exitReason;
        await using (var watch = new ContainerWatch(_engine, id, ct))
        using (_progress.Step(label, counters, load.WarmupSeconds + load.DurationSeconds))
        {
            using var samplerStop = CancellationTokenSource.CreateLinkedTokenSource(watch.StepToken);
            var sampler = new UtilizationSampler(_engine, id, spec.Accelerator).SampleAsync(samplerStop.Token);
            measurement = step.Concurrency is { } c
                ? await LoadGenerator.RunClosedLoopAsync(target, c, load.WarmupSeconds, load.DurationSeconds, counters, watch.StepToken)
                : await LoadGenerator.RunOpenLoopAsync(target, step.Rate!.Value, load.Arrival, load.MaxOutstanding,
                    load.WarmupSeconds, load.DurationSeconds, counters, watch.StepToken);
            samplerStop.Cancel();
            utilization = await sampler;
            exitReason = watch.ExitReason;
        }
        ct.ThrowIfCancellationRequested();
        var run = ToRun(measurement, repeat, load.Arrival, utilization, price);
        if (exitReason != null) run.Aborted = exitReason;
        result.Runs.Add(run);
        var key = StepKey(run);
        if (!histograms.TryGetValue(key, out var merged)) histograms[key] = merged = StepMeasurement.NewHistogram();
        merged.Add(measurement.Latency);
        _progress.Line($"  {label}: {Describe(run)}");
        if (exitReason != null)
            throw new ServerFailureException($"{exitReason} during {run.Label} (after {run.Requests} measured requests)");
    }

    internal static string StepKey(RunResult r) => $"{r.Concurrency}|{r.RatePerSecond}|{r.Arrival}";

    private static string Describe(RunResult r) =>
        $"{r.Requests} req, {r.ThroughputPerSecond:0.#}/s, p50 {Ms(r.P50Ms)}, p99 {Ms(r.P99Ms)}, errors {r.ErrorRate:0.##%}";

    private static string Ms(double? v) => v is { } x ? $"{x:0.##} ms" : "n/a";

    internal static RunResult ToRun(StepMeasurement m, int repeat, Arrival arrival, UtilizationResult? utilization, InstancePrice? price)
    {
        var lat = LatencySummary.From(m.Latency);
        return new RunResult
        {
            Repeat = repeat,
            Concurrency = m.Concurrency,
            RatePerSecond = m.RatePerSecond,
            Arrival = m.Concurrency != null ? "closed" : arrival == Arrival.Poisson ? "poisson" : "constant",
            Requests = m.Requests,
            Successes = m.Successes,
            Errors = m.ErrorCount,
            ErrorRate = Math.Round(m.ErrorRate, 6),
            ErrorsByKind = new SortedDictionary<string, long>(m.Errors, StringComparer.Ordinal),
            P50Ms = lat.P50, P90Ms = lat.P90, P95Ms = lat.P95, P99Ms = lat.P99, P999Ms = lat.P999, MaxMs = lat.Max,
            MeanMs = lat.Mean is { } mean ? Math.Round(mean, 3) : null,
            ThroughputPerSecond = Math.Round(m.ThroughputPerSecond, 3),
            DurationSeconds = Math.Round(m.ElapsedSeconds, 3),
            LateSends = m.RatePerSecond != null ? m.LateSends : null,
            SendLagP50Ms = m.RatePerSecond != null && m.SendLag.TotalCount > 0 ? m.SendLag.GetValueAtPercentile(50) / 1000.0 : null,
            SendLagP99Ms = m.RatePerSecond != null && m.SendLag.TotalCount > 0 ? m.SendLag.GetValueAtPercentile(99) / 1000.0 : null,
            CostPerMillionUsd = price?.CostPerMillion(m.ThroughputPerSecond) is { } cost ? Math.Round(cost, 4) : null,
            Utilization = utilization,
            Distribution = LatencySummary.Distribution(m.Latency),
        };
    }

    /// <summary>One row per step: the median of each metric over the repeats (the single run when repeat is 1).</summary>
    internal static void BuildStepRows(BenchmarkResult result, IReadOnlyDictionary<string, LongHistogram> histograms, InstancePrice? price)
    {
        result.Steps.Clear();
        foreach (var group in result.Runs.GroupBy(StepKey))
        {
            var runs = group.ToList();
            if (runs.Count == 1)
            {
                result.Steps.Add(Clone(runs[0]));
                continue;
            }
            var first = runs[0];
            var throughput = Median.Of(runs.Select(r => (double?)r.ThroughputPerSecond)) ?? 0;
            var errorsByKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var r in runs)
                foreach (var (k, v) in r.ErrorsByKind) errorsByKind[k] = errorsByKind.GetValueOrDefault(k) + v;
            result.Steps.Add(new RunResult
            {
                Repeat = 0,
                Concurrency = first.Concurrency,
                RatePerSecond = first.RatePerSecond,
                Arrival = first.Arrival,
                Requests = (long)(Median.Of(runs.Select(r => (double?)r.Requests)) ?? 0),
                Successes = (long)(Median.Of(runs.Select(r => (double?)r.Successes)) ?? 0),
                Errors = (long)(Median.Of(runs.Select(r => (double?)r.Errors)) ?? 0),
                ErrorRate = Median.Of(runs.Select(r => (double?)r.ErrorRate)) ?? 0,
                ErrorsByKind = errorsByKind,
                P50Ms = Median.Of(runs.Select(r => r.P50Ms)),
                P90Ms = Median.Of(runs.Select(r => r.P90Ms)),
                P95Ms = Median.Of(runs.Select(r => r.P95Ms)),
                P99Ms = Median.Of(runs.Select(r => r.P99Ms)),
                P999Ms = Median.Of(runs.Select(r => r.P999Ms)),
                MaxMs = runs.Max(r => r.MaxMs),
                MeanMs = Median.Of(runs.Select(r => r.MeanMs)),
                ThroughputPerSecond = throughput,
                DurationSeconds = Median.Of(runs.Select(r => (double?)r.DurationSeconds)) ?? 0,
                CostPerMillionUsd = price?.CostPerMillion(throughput) is { } cost ? Math.Round(cost, 4) : null,
                Aborted = runs.Select(r => r.Aborted).FirstOrDefault(a => a != null),
                LateSends = first.LateSends != null ? runs.Sum(r => r.LateSends ?? 0) : null,
                SendLagP50Ms = Median.Of(runs.Select(r => r.SendLagP50Ms)),
                SendLagP99Ms = Median.Of(runs.Select(r => r.SendLagP99Ms)),
                Utilization = new UtilizationResult
                {
                    ContainerCpuPercent = Median.Of(runs.Select(r => r.Utilization?.ContainerCpuPercent)),
                    ContainerMemoryMiB = Median.Of(runs.Select(r => r.Utilization?.ContainerMemoryMiB)),
                    GpuUtilizationPercent = Median.Of(runs.Select(r => r.Utilization?.GpuUtilizationPercent)),
                    GpuMemoryMiB = Median.Of(runs.Select(r => r.Utilization?.GpuMemoryMiB)),
                    GpuPowerWatts = Median.Of(runs.Select(r => r.Utilization?.GpuPowerWatts)),
                    NeuronCoreUtilizationPercent = Median.Of(runs.Select(r => r.Utilization?.NeuronCoreUtilizationPercent)),
                    Samples = runs.Sum(r => r.Utilization?.Samples ?? 0),
                    Notes = runs.SelectMany(r => r.Utilization?.Notes ?? new List<string>()).Distinct().ToList(),
                },
                Distribution = histograms.TryGetValue(group.Key, out var h) ? LatencySummary.Distribution(h) : first.Distribution,
            });
        }
        // The step rows carry the distribution (merged over repeats); per run it would only repeat it.
        foreach (var r in result.Runs) r.Distribution = null;
    }

    private static RunResult Clone(RunResult r)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(r, BenchResults.JsonOptions);
        var copy = System.Text.Json.JsonSerializer.Deserialize<RunResult>(json, BenchResults.JsonOptions)!;
        copy.Repeat = 0;
        return copy;
    }
}
