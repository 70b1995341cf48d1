namespace PerfLint.Bench.Spec;

/// <summary>Which way a budget limit points.</summary>
public enum LimitDirection { AtMost, AtLeast }

/// <summary>
/// One budget key of the spec, its MSBuild diagnostic code and the direction of its limit. The codes are stable and
/// documented in docs/bench.md; the MSBuild task logs them verbatim from results.json.
/// </summary>
public sealed record BudgetKind(string Key, string Code, LimitDirection Direction, double? Percentile, string Unit)
{
    public static readonly BudgetKind P50 = new("p50Ms", "PLB0001", LimitDirection.AtMost, 0.50, "ms");
    public static readonly BudgetKind P90 = new("p90Ms", "PLB0002", LimitDirection.AtMost, 0.90, "ms");
    public static readonly BudgetKind P95 = new("p95Ms", "PLB0003", LimitDirection.AtMost, 0.95, "ms");
    public static readonly BudgetKind P99 = new("p99Ms", "PLB0004", LimitDirection.AtMost, 0.99, "ms");
    public static readonly BudgetKind P999 = new("p999Ms", "PLB0005", LimitDirection.AtMost, 0.999, "ms");
    public static readonly BudgetKind MinThroughput = new("minThroughputPerSecond", "PLB0006", LimitDirection.AtLeast, null, "req/s");
    public static readonly BudgetKind MaxErrorRate = new("maxErrorRate", "PLB0007", LimitDirection.AtMost, null, "");
    public static readonly BudgetKind MaxCost = new("maxCostPerMillionUsd", "PLB0008", LimitDirection.AtMost, null, "USD/M");
    public static readonly BudgetKind MinGpuUtilization = new("minGpuUtilization", "PLB0009", LimitDirection.AtLeast, null, "%");

    /// <summary>Not spec keys: verdicts the runner adds to budgets[] so the MSBuild task reports them the same way.</summary>
    public const string RegressionCode = "PLB0010";
    public const string InvalidRunCode = "PLB0011";
    public const string ServerFailureCode = "PLB0012";
    /// <summary>A golden request's response missed the spec's <c>quality</c> comparison (or failed).</summary>
    public const string QualityCode = "PLB0013";

    public static readonly IReadOnlyList<BudgetKind> All = new[]
    {
        P50, P90, P95, P99, P999, MinThroughput, MaxErrorRate, MaxCost, MinGpuUtilization,
    };

    public static BudgetKind? FromKey(string key) => All.FirstOrDefault(k => k.Key == key);
}
