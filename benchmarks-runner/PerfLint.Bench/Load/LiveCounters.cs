namespace PerfLint.Bench.Load;

/// <summary>Counters the progress line reads while a step runs (measured requests only).</summary>
public sealed class LiveCounters
{
    private long _successes;
    private long _errors;
    public long Successes => Interlocked.Read(ref _successes);
    public long Errors => Interlocked.Read(ref _errors);
    public string Phase { get; set; } = "starting";
    public void Success() => Interlocked.Increment(ref _successes);
    public void Error() => Interlocked.Increment(ref _errors);
}
