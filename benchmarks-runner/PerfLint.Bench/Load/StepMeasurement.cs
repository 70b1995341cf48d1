using HdrHistogram;

namespace PerfLint.Bench.Load;

/// <summary>The raw measurement of one load step: latency histogram (microseconds), successes, errors by kind.</summary>
public sealed class StepMeasurement
{
    /// <summary>Latencies are recorded in microseconds, 3 significant digits, up to one hour.</summary>
    public static LongHistogram NewHistogram() => new(3_600_000_000L, 3);

    public int? Concurrency { get; init; }
    public double? RatePerSecond { get; init; }
    public LongHistogram Latency { get; } = NewHistogram();
    public long Successes { get; set; }
    public SortedDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);
    public double ElapsedSeconds { get; set; }
    /// <summary>Open loop: requests whose send was late by more than 1 ms (dispatcher or in-flight limit).</summary>
    public long LateSends { get; set; }
    /// <summary>Open loop: how far behind schedule each send left (microseconds): the generator's own share of the latency.</summary>
    public LongHistogram SendLag { get; } = NewHistogram();
    public string? AbortReason { get; set; }

    public long ErrorCount => Errors.Values.Sum();
    public long Requests => Successes + ErrorCount;
    public double ErrorRate => Requests == 0 ? 0 : (double)ErrorCount / Requests;
    public double ThroughputPerSecond => ElapsedSeconds <= 0 ? 0 : Successes / ElapsedSeconds;

    public string Label => Concurrency is { } c ? $"concurrency {c}" : $"{RatePerSecond:0.###} req/s";

    public void AddErrors(IReadOnlyDictionary<string, long> errors)
    {
        foreach (var (k, v) in errors) Errors[k] = Errors.GetValueOrDefault(k) + v;
    }
}
