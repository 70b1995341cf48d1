using System.Globalization;
using PerfLint.Bench.Results;
using PerfLint.Bench.Spec;
using PerfLint.Bench.Stats;

namespace PerfLint.Bench.Judging;

/// <summary>
/// Judges a benchmark's step rows (medians over repeats) against its budgets:
/// latency percentiles and error rate must hold at every step (actual = the worst step), throughput is the best step,
/// cost is taken at the best-throughput step (the cheapest operating point), GPU utilization is the best step.
/// Also decides validity (<see cref="EarlyStopping"/>).
/// </summary>
public static class BudgetEvaluator
{
    public static void Evaluate(BenchmarkSpec spec, string specFile, BenchmarkResult result)
    {
        var steps = result.Steps;
        foreach (var budget in spec.Budgets)
            result.Budgets.Add(Judge(budget, specFile, steps));
        if (spec.Quality != null && result.Quality != null)
            result.Budgets.Add(JudgeQuality(spec.Quality, specFile, result.Quality));
        JudgeValidity(spec, specFile, result);
    }

    /// <summary>The quality gate is a budget like the others, reported at the spec's quality key.</summary>
    private static BudgetResult JudgeQuality(QualitySpec quality, string specFile, QualityResult measured) => new()
    {
        Name = "quality",
        Code = BudgetKind.QualityCode,
        Level = "error",
        Limit = measured.Limit,
        Actual = measured.Compare switch
        {
            "maxAbsError" => measured.MaxAbsError,
            "cosine" => measured.MinCosine,
            _ => null,
        },
        Passed = measured.Passed,
        Message = QualityComparer.Describe(measured),
        SpecFile = specFile,
        Line = quality.Pos.Line,
        Column = quality.Pos.Column,
    };

    private static BudgetResult Judge(Budget budget, string specFile, IReadOnlyList<RunResult> steps)
    {
        var kind = budget.Kind;
        var r = new BudgetResult
        {
            Name = kind.Key,
            Code = kind.Code,
            Level = budget.Level == BudgetLevel.Warn ? "warn" : "error",
            Limit = budget.Limit,
            SpecFile = specFile,
            Line = budget.Pos.Line,
            Column = budget.Pos.Column,
        };
        (RunResult? step, double? actual) pick;
        if (kind.Percentile is { } p)
            pick = Worst(steps, s => LatencyOf(s, p));
        else if (kind == BudgetKind.MaxErrorRate)
            pick = Worst(steps, s => s.Requests > 0 ? s.ErrorRate : null);
        else if (kind == BudgetKind.MinThroughput)
            pick = Best(steps, s => s.ThroughputPerSecond);
        else if (kind == BudgetKind.MaxCost)
        {
            var best = Best(steps, s => s.ThroughputPerSecond).step;
            pick = (best, best?.CostPerMillionUsd);
        }
        else
            pick = Best(steps, s => s.Utilization?.GpuUtilizationPercent);
        r.Step = pick.step?.Label;
        r.Actual = pick.actual is { } a ? Math.Round(a, 6) : null;

        if (kind == BudgetKind.MinGpuUtilization && pick.actual == null)
        {
            // A missing tool is "n/a", never a failure; the MSBuild task shows it as a warning.
            r.Passed = true;
            r.Skipped = true;
            r.Message = $"{kind.Key}: not measured (GPU utilization n/a: nvidia-smi missing or remote engine)";
            return r;
        }
        if (kind == BudgetKind.MaxCost && pick.actual == null)
        {
            r.Passed = false;
            r.Message = $"{kind.Key}: cost unknown (no instanceType, no catalog price, or zero throughput); limit {Fmt(budget.Limit)} {kind.Unit}";
            return r;
        }
        if (pick.actual is not { } actual)
        {
            r.Passed = false;
            r.Message = $"{kind.Key}: no successful requests to measure; limit {Fmt(budget.Limit)} {kind.Unit}";
            return r;
        }
        r.Passed = kind.Direction == LimitDirection.AtMost ? actual <= budget.Limit : actual >= budget.Limit;
        var relation = r.Passed
            ? (kind.Direction == LimitDirection.AtMost ? "<=" : ">=")
            : (kind.Direction == LimitDirection.AtMost ? ">" : "<");
        r.Message = $"{kind.Key}: {Fmt(actual)} {kind.Unit} {relation} {(kind.Direction == LimitDirection.AtMost ? "max" : "min")} {Fmt(budget.Limit)} {kind.Unit} at {r.Step}".Replace("  ", " ");
        return r;
    }

    private static double? LatencyOf(RunResult s, double p) => p switch
    {
        0.50 => s.P50Ms,
        0.90 => s.P90Ms,
        0.95 => s.P95Ms,
        0.99 => s.P99Ms,
        _ => s.P999Ms,
    };

    private static (RunResult?, double?) Worst(IReadOnlyList<RunResult> steps, Func<RunResult, double?> metric)
    {
        // A step without a value (no successful request) is the worst possible: report it as unmeasurable.
        var missing = steps.FirstOrDefault(s => metric(s) == null);
        if (missing != null) return (missing, null);
        var worst = steps.OrderByDescending(s => metric(s)!.Value).FirstOrDefault();
        return (worst, worst == null ? null : metric(worst));
    }

    private static (RunResult? step, double? actual) Best(IReadOnlyList<RunResult> steps, Func<RunResult, double?> metric)
    {
        var best = steps.Where(s => metric(s) != null).OrderByDescending(s => metric(s)!.Value).FirstOrDefault();
        return (best, best == null ? null : metric(best));
    }

    /// <summary>Every step must hold enough successful requests for the highest budgeted percentile (in every repeat).</summary>
    private static void JudgeValidity(BenchmarkSpec spec, string specFile, BenchmarkResult result)
    {
        var highest = spec.Budgets.Where(b => b.Kind.Percentile != null).OrderByDescending(b => b.Kind.Percentile).FirstOrDefault();
        result.Valid = true;
        if (highest == null) return;
        var p = highest.Kind.Percentile!.Value;
        var needed = EarlyStopping.MinimumRequests(p);
        var shortRuns = new List<string>();
        foreach (var run in result.Runs)
        {
            run.MinRequestsRequired = needed;
            run.Valid = run.Successes >= needed;
            if (!run.Valid) shortRuns.Add($"{run.Label}{(result.Repeat > 1 ? $" run {run.Repeat}" : "")}: {run.Successes}");
        }
        foreach (var step in result.Steps)
        {
            step.MinRequestsRequired = needed;
            step.Valid = result.Runs.Where(r => r.SameStep(step)).All(r => r.Valid);
        }
        if (shortRuns.Count == 0) return;
        result.Valid = false;
        result.Validity =
            $"INVALID: p{(p * 100).ToString("0.###", CultureInfo.InvariantCulture)} needs at least {needed} successful requests per step " +
            $"(early stopping, {EarlyStopping.Confidence * 100:0}% confidence); measured {string.Join(", ", shortRuns)}. Run longer or at a higher load.";
        result.Budgets.Add(new BudgetResult
        {
            Name = "validity",
            Code = BudgetKind.InvalidRunCode,
            Level = "error",
            Limit = needed,
            Actual = result.Runs.Min(r => r.Successes),
            Passed = false,
            Message = result.Validity,
            SpecFile = specFile,
            Line = highest.Pos.Line,
            Column = highest.Pos.Column,
        });
    }

    internal static string Fmt(double v) => v.ToString(Math.Abs(v) >= 100 ? "0.#" : "0.####", CultureInfo.InvariantCulture);
}
