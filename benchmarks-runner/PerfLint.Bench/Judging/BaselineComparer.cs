using System.Globalization;
using PerfLint.Bench.Results;
using PerfLint.Bench.Spec;

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
    private static readonly (string Metric, bool HigherIsWorse, Func<RunResult, double?> Get)[] Metrics =
    {
        ("p50Ms", true, s => s.P50Ms),
        ("p99Ms", true, s => s.P99Ms),
        ("throughputPerSecond", false, s => s.ThroughputPerSecond),
    };

    public static void Compare(BenchmarkSpec spec, string specFile, BenchmarkResult current, BenchResults baseline, double threshold)
    {
        var previous = baseline.Benchmarks.FirstOrDefault(b => b.Name == current.Name);
        if (previous == null)
        {
            current.JudgementNote = $"baseline has no benchmark named \"{current.Name}\"; nothing compared";
            return;
        }
        if (current.Repeat < 3 || previous.Repeat < 3)
            current.JudgementNote = $"weak regression judgement: median of {current.Repeat} run(s) against a baseline of {previous.Repeat}; set \"repeat\": 3 or more";
        foreach (var step in current.Steps)
        {
            var before = previous.Steps.FirstOrDefault(s => s.SameStep(step));
            if (before == null) continue;
            foreach (var (metric, higherIsWorse, get) in Metrics)
            {
                if (get(before) is not { } b || get(step) is not { } now || b <= 0) continue;
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
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
