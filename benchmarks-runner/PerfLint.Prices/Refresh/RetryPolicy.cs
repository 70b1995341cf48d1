namespace PerfLint.Prices.Refresh;

/// <summary>
/// Exponential backoff with jitter for throttled GetProducts calls (HTTP 429/503 or ThrottlingException): attempt n
/// (from 1) waits a random time between half and all of min(<see cref="MaxDelay"/>, <see cref="BaseDelay"/> * 2^(n-1)),
/// so parallel refreshes spread out. The wait itself is injectable so tests run without sleeping.
/// </summary>
public sealed class RetryPolicy
{
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public Random Random { get; init; } = Random.Shared;

    public Func<TimeSpan, CancellationToken, Task> Wait { get; init; } = Task.Delay;

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.NextDouble() * ceiling / 2);
    }
}
