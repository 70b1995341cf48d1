namespace PerfLint.Bench.Stats;

/// <summary>
/// Validity rule after MLPerf LoadGen's early stopping. A step supports a budget on latency percentile p at confidence
/// c only if it measured at least n_min = ceil(ln(1 - c) / ln(p)) successful requests. Reason: if the true fraction of
/// requests within the limit were exactly p, the chance that all n observed requests fall within it is p^n; only when
/// p^n &lt;= 1 - c does even a perfect sample (zero requests over the limit, MLPerf's best case) show with confidence c
/// that the percentile holds. With fewer requests the step is INVALID, never PASS.
/// Examples at c = 0.99: p50 -> 7, p90 -> 44, p95 -> 90, p99 -> 459, p99.9 -> 4603.
/// </summary>
public static class EarlyStopping
{
    public const double Confidence = 0.99;

    public static long MinimumRequests(double percentile, double confidence = Confidence)
    {
        if (percentile <= 0 || percentile >= 1) throw new ArgumentOutOfRangeException(nameof(percentile));
        if (confidence <= 0 || confidence >= 1) throw new ArgumentOutOfRangeException(nameof(confidence));
        // Tiny epsilon: ln(0.01)/ln(0.5) is 6.64..., but exact powers (p=0.1, c=0.99 -> 2) must not round up by float noise.
        return (long)Math.Ceiling(Math.Log(1 - confidence) / Math.Log(percentile) - 1e-9);
    }
}
