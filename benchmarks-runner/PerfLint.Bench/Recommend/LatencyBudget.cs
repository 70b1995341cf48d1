using PerfLint.Bench.Results;
using PerfLint.Bench.Stats;

namespace PerfLint.Bench.Recommend;

/// <summary>The latency budget a recommendation must meet: one percentile (p99 or p50) at most <see cref="Ms"/>.</summary>
public sealed record LatencyBudget(string Percentile, double Ms)
{
    public static LatencyBudget P99(double ms) => new("p99", ms);

    public static LatencyBudget P50(double ms) => new("p50", ms);

    /// <summary>The step's latency at the budget's percentile, or null when the step has none (no successful request).</summary>
    public double? LatencyOf(RunResult step) => Percentile == "p50" ? step.P50Ms : step.P99Ms;

    /// <summary>
    /// True when the step measured enough successful requests for its percentile to be a measurement and not noise
    /// (the early-stopping bar `perflint bench` judges validity by: 459 for p99, 7 for p50).
    /// </summary>
    public bool Supports(RunResult step) => step.Successes >= EarlyStopping.MinimumRequests(Percentile == "p50" ? 0.50 : 0.99);

    /// <summary><c>p99 ≤ 500 ms</c>.</summary>
    public string Text => $"{Percentile} ≤ {Format.Number(Ms)} ms";
}
