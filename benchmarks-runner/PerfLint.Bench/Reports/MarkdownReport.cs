using System.Globalization;
using System.Text;
using PerfLint.Bench.Results;

namespace PerfLint.Bench.Reports;

/// <summary>
/// report.md: short enough for a PR comment or $GITHUB_STEP_SUMMARY. After the verdict, the counts (benchmarks and
/// budgets by outcome) and the budgets every benchmark missed, so a reviewer reads the answer first; then each benchmark's
/// steps and budgets.
/// </summary>
public static class MarkdownReport
{
    public static string Render(BenchResults results)
    {
        var md = new StringBuilder();
        md.AppendLine($"# PerfLint benchmarks: {Verdict(results.Passed, results.Valid)}");
        md.AppendLine();
        md.AppendLine($"Spec `{results.SpecFile}`, engine {results.Engine ?? "n/a"}, started {results.StartedUtc}.");
        if (results.BaselineFile != null)
            md.AppendLine($"Baseline `{results.BaselineFile}`, regression threshold {results.RegressionThreshold:0.#%}.");
        Summary(md, results);
        foreach (var b in results.Benchmarks)
        {
            md.AppendLine();
            md.AppendLine($"## {b.DisplayName}: {Verdict(b.Passed, b.Valid)}");
            md.AppendLine();
            md.AppendLine($"Image `{b.Image}`" + (b.Repeat > 1 ? $", {b.Repeat} runs per step (rows are medians)" : "") + ".");
            if (b.Error != null) md.AppendLine().AppendLine($"**{(b.InfrastructureError ? "Infrastructure error" : "Server failure")}:** {b.Error}");
            if (b.Validity != null) md.AppendLine().AppendLine($"**{b.Validity}**");
            if (b.Steps.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("| load | requests | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | req/s | errors | CPU % | mem MiB | GPU % | $/M |");
                md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                foreach (var s in b.Steps)
                    md.AppendLine($"| {s.Label} | {s.Requests} | {N(s.P50Ms)} | {N(s.P90Ms)} | {N(s.P99Ms)} | {N(s.P999Ms)} | {N(s.MaxMs)} | " +
                                  $"{N(s.ThroughputPerSecond)} | {Errors(s)} | {N(s.Utilization?.ContainerCpuPercent)} | " +
                                  $"{N(s.Utilization?.ContainerMemoryMiB)} | {N(s.Utilization?.GpuUtilizationPercent)} | {N(s.CostPerMillionUsd)} |");
            }
            if (b.CostNote != null) md.AppendLine().AppendLine($"Cost: {b.CostNote}.");
            var notes = b.Steps.SelectMany(s => s.Utilization?.Notes ?? new()).Distinct().ToList();
            if (notes.Count > 0) md.AppendLine().AppendLine("Utilization: " + string.Join("; ", notes) + ".");
            if (b.JudgementNote != null) md.AppendLine().AppendLine($"Note: {b.JudgementNote}.");
            if (b.Budgets.Count > 0)
            {
                md.AppendLine();
                md.AppendLine("| budget | result | detail |");
                md.AppendLine("|---|---|---|");
                foreach (var budget in b.Budgets)
                    md.AppendLine($"| `{budget.Name}` ({budget.Code}) | {BudgetVerdict(budget)} | {budget.Message.Replace("|", "\\|")} |");
            }
            if (b.ContainerLogTail != null && (!b.Passed || b.Error != null))
            {
                md.AppendLine();
                md.AppendLine("<details><summary>container log tail</summary>");
                md.AppendLine();
                md.AppendLine("```");
                md.AppendLine(b.ContainerLogTail);
                md.AppendLine("```");
                md.AppendLine("</details>");
            }
        }
        return md.ToString();
    }

    /// <summary>Counts by outcome, and one table of the budgets missed in any benchmark (error or warn level).</summary>
    private static void Summary(StringBuilder md, BenchResults results)
    {
        var benchmarks = results.Benchmarks;
        var budgets = benchmarks.SelectMany(b => b.Budgets.Select(budget => (Benchmark: b.DisplayName, Budget: budget))).ToList();
        md.AppendLine();
        md.AppendLine($"**Benchmarks**: {benchmarks.Count(b => b.Valid && b.Passed)} pass, {benchmarks.Count(b => b.Valid && !b.Passed)} fail, " +
                      $"{benchmarks.Count(b => !b.Valid)} invalid. **Budgets**: {Count(budgets, "pass")} pass, {Count(budgets, "FAIL")} fail, " +
                      $"{Count(budgets, "warn")} warn, {Count(budgets, "n/a")} not measured.");
        var missed = budgets.Where(x => BudgetVerdict(x.Budget) is "FAIL" or "warn").ToList();
        if (missed.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine("| benchmark | missed budget | result | detail |");
        md.AppendLine("|---|---|---|---|");
        foreach (var (benchmark, budget) in missed)
            md.AppendLine($"| {benchmark} | `{budget.Name}` ({budget.Code}) | {BudgetVerdict(budget)} | {budget.Message.Replace("|", "\\|")} |");
    }

    private static int Count(List<(string Benchmark, BudgetResult Budget)> budgets, string verdict) => budgets.Count(x => BudgetVerdict(x.Budget) == verdict);

    internal static string Verdict(bool passed, bool valid) => !valid ? "INVALID" : passed ? "PASS" : "FAIL";

    internal static string BudgetVerdict(BudgetResult b) =>
        b.Skipped ? "n/a" : b.Passed ? "pass" : b.Level == "warn" ? "warn" : "FAIL";

    private static string Errors(RunResult s) =>
        s.Errors == 0 ? "0" : $"{s.ErrorRate:0.##%} ({string.Join(", ", s.ErrorsByKind.Select(kv => $"{kv.Key}: {kv.Value}"))})";

    internal static string N(double? v) => v is { } x
        ? x.ToString(Math.Abs(x) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture)
        : "n/a";
}
