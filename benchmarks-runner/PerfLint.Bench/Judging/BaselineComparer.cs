using System.Globalization;
using PerfLint.Bench.Results;
using PerfLint.Bench.Spec;
using PerfLint.Bench.Stats;

namespace PerfLint.Bench.Judging;

/// <summary>
/// Regression check against a previous results.json. For every step present in both, the current step row (median of
/// this run's repeats) is compared with the baseline's step row (median of its repeats): p50Ms and p99Ms regress when
/// they grow by more than the threshold, throughputPerSecond when it shrinks by more than the threshold. Medians of
/// repeated runs, not single samples, so one noisy run neither hides nor fakes a regression; with fewer than 3 repeats
/// the report says the judgement is weak.
/// </summary>
public static class BaselineComparer
{
    private static readonly (string Metric, bool HigherIsWorse, double? Percentile, Func<RunResult, double?> Get)[] Metrics =
    {
        ("p50Ms", true, 0.50, s => s.P50Ms),
        ("p99Ms", true, 0.99, s => s.P99Ms),
        ("throughputPerSecond", false, null, s => s.ThroughputPerSecond),
    };

    public static void Compare(BenchmarkSpec spec, string specFile, BenchmarkResult current, BenchResults baseline, double threshold)
    {
        // A many-host run compares each host (and each variant) with the same one of the baseline.
        var previous = baseline.Benchmarks.FirstOrDefault(b => b.Name == current.Name && b.Variant == current.Variant && b.Host == current.Host);
        if (previous == null)
        {
            current.JudgementNote = $"baseline has no benchmark named \"{current.Name}\"" +
                                    (current.Variant != null ? $" with variant \"{current.Variant}\"" : "") +
                                    (current.Host != null ? $" on host {current.Host}" : "") + "; nothing compared";
            return;
        }
        var notes = new List<string>();
        if (current.Repeat < 3 || previous.Repeat < 3)
            notes.Add($"weak regression judgement: median of {current.Repeat} run(s) against a baseline of {previous.Repeat}; set \"repeat\": 3 or more");
        foreach (var step in current.Steps)
        {
            var before = previous.Steps.FirstOrDefault(s => s.SameStep(step));
            if (before == null) continue;
            foreach (var (metric, higherIsWorse, percentile, get) in Metrics)
            {
                if (get(before) is not { } b || get(step) is not { } now || b <= 0) continue;
                // A percentile from too few requests is noise on either side: the same early-stopping bar as budgets.
                if (percentile is { } p && Math.Min(step.Successes, before.Successes) < EarlyStopping.MinimumRequests(p))
                {
                    notes.Add($"{metric} at {step.Label} not compared: fewer than {EarlyStopping.MinimumRequests(p)} requests");
                    continue;
                }
                var change = (now - b) / b;
                var regressed = higherIsWorse ? change > threshold : -change > threshold;
                current.Budgets.Add(new BudgetResult
                {
                    Name = "regression:" + metric,
                    Code = BudgetKind.RegressionCode,
                    Level = "error",
                    Limit = threshold,
                    Actual = Math.Round(change, 4),
                    Passed = !regressed,
                    Step = step.Label,
                    Message = $"{metric} at {step.Label}: {F(now)} vs baseline {F(b)} ({change:+0.0%;-0.0%}, threshold {threshold:0.#%}){(regressed ? " REGRESSION" : "")}",
                    SpecFile = specFile,
                    Line = spec.NamePos.Line,
                    Column = spec.NamePos.Column,
                });
            }
        }
        if (notes.Count > 0) current.JudgementNote = string.Join("; ", notes);
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
