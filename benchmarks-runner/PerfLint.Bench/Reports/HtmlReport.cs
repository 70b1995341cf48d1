using System.Globalization;
using System.Net;
using System.Text;
using PerfLint.Bench.Results;

namespace PerfLint.Bench.Reports;

/// <summary>report.html: one self-contained page with the tables of report.md and three inline SVG plots per benchmark.</summary>
public static class HtmlReport
{
    public static string Render(BenchResults results)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PerfLint benchmarks</title>");
        html.AppendLine("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}" +
                        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}td:first-child{text-align:left}" +
                        ".PASS{color:#2a7d2a}.FAIL,.INVALID{color:#c62828}.plots{display:flex;flex-wrap:wrap;gap:12px}pre{background:#f6f6f6;padding:1em;overflow:auto}</style></head><body>");
        html.AppendLine($"<h1>PerfLint benchmarks: {Verdict(results.Passed, results.Valid)}</h1>");
        html.AppendLine($"<p>Spec <code>{E(results.SpecFile)}</code>, engine {E(results.Engine ?? "n/a")}, started {E(results.StartedUtc)}.</p>");
        foreach (var b in results.Benchmarks)
        {
            html.AppendLine($"<h2>{E(b.DisplayName)}: {Verdict(b.Passed, b.Valid)}</h2><p>Image <code>{E(b.Image)}</code>.</p>");
            if (b.Error != null) html.AppendLine($"<p class=\"FAIL\"><b>{(b.InfrastructureError ? "Infrastructure error" : "Server failure")}:</b> {E(b.Error)}</p>");
            if (b.Validity != null) html.AppendLine($"<p class=\"INVALID\"><b>{E(b.Validity)}</b></p>");
            if (b.CostNote != null) html.AppendLine($"<p>Cost: {E(b.CostNote)}.</p>");
            if (b.JudgementNote != null) html.AppendLine($"<p>Note: {E(b.JudgementNote)}.</p>");
            if (b.Steps.Count > 0)
            {
                html.AppendLine("<div class=\"plots\">");
                html.AppendLine(LatencyVsLoad(b).Render());
                html.AppendLine(ThroughputVsLoad(b).Render());
                html.AppendLine(Distribution(b).Render());
                html.AppendLine("</div>");
                StepTable(html, b);
            }
            BudgetTable(html, b);
            if (b.ContainerLogTail != null && (!b.Passed || b.Error != null))
                html.AppendLine($"<details><summary>container log tail</summary><pre>{E(b.ContainerLogTail)}</pre></details>");
        }
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string LoadAxis(BenchmarkResult b) =>
        b.Steps.All(s => s.Concurrency != null) ? "concurrency" : b.Steps.All(s => s.RatePerSecond != null) ? "offered load (req/s)" : "concurrency / offered req/s";

    internal static SvgChart LatencyVsLoad(BenchmarkResult b)
    {
        var chart = new SvgChart { Title = "Latency vs load", XLabel = LoadAxis(b), YLabel = "latency (ms)" };
        foreach (var (name, get) in new (string, Func<RunResult, double?>)[] { ("p50", s => s.P50Ms), ("p90", s => s.P90Ms), ("p99", s => s.P99Ms) })
            chart.Series.Add((name, b.Steps.Where(s => get(s) != null).Select(s => (s.LoadValue, get(s)!.Value)).ToList()));
        return chart;
    }

    internal static SvgChart ThroughputVsLoad(BenchmarkResult b)
    {
        var chart = new SvgChart { Title = "Throughput vs load", XLabel = LoadAxis(b), YLabel = "successful req/s" };
        chart.Series.Add(("throughput", b.Steps.Select(s => (s.LoadValue, s.ThroughputPerSecond)).ToList()));
        return chart;
    }

    /// <summary>Percentile on a "number of nines" axis (x = -log10(1 - p)), the usual HdrHistogram plot.</summary>
    internal static SvgChart Distribution(BenchmarkResult b)
    {
        var ticks = new List<(double, string)> { (0, "0%"), (1, "90%"), (2, "99%"), (3, "99.9%"), (4, "99.99%"), (5, "99.999%") };
        var chart = new SvgChart { Title = "Latency distribution", XLabel = "percentile", YLabel = "latency (ms)", XTicks = ticks };
        foreach (var s in b.Steps.Where(s => s.Distribution is { Count: > 0 }))
            chart.Series.Add((s.Label, s.Distribution!
                .Where(p => p[0] < 100)
                .Select(p => (Math.Min(5, -Math.Log10(1 - p[0] / 100.0)), p[1])).ToList()));
        return chart;
    }

    private static void StepTable(StringBuilder html, BenchmarkResult b)
    {
        html.AppendLine("<table><tr><th>load</th><th>requests</th><th>p50 ms</th><th>p90 ms</th><th>p95 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th><th>req/s</th><th>error rate</th><th>CPU %</th><th>mem MiB</th><th>GPU %</th><th>$/M inferences</th></tr>");
        foreach (var s in b.Steps)
            html.AppendLine($"<tr><td>{E(s.Label)}</td><td>{s.Requests}</td><td>{N(s.P50Ms)}</td><td>{N(s.P90Ms)}</td><td>{N(s.P95Ms)}</td><td>{N(s.P99Ms)}</td><td>{N(s.P999Ms)}</td><td>{N(s.MaxMs)}</td>" +
                            $"<td>{N(s.ThroughputPerSecond)}</td><td>{s.ErrorRate.ToString("0.####%", CultureInfo.InvariantCulture)}</td><td>{N(s.Utilization?.ContainerCpuPercent)}</td><td>{N(s.Utilization?.ContainerMemoryMiB)}</td><td>{N(s.Utilization?.GpuUtilizationPercent)}</td><td>{N(s.CostPerMillionUsd)}</td></tr>");
        html.AppendLine("</table>");
    }

    private static void BudgetTable(StringBuilder html, BenchmarkResult b)
    {
        if (b.Budgets.Count == 0) return;
        html.AppendLine("<table><tr><th>budget</th><th>code</th><th>result</th><th>detail</th><th>spec</th></tr>");
        foreach (var budget in b.Budgets)
        {
            var verdict = MarkdownReport.BudgetVerdict(budget);
            html.AppendLine($"<tr><td>{E(budget.Name)}</td><td>{budget.Code}</td><td class=\"{(verdict == "FAIL" ? "FAIL" : "PASS")}\">{verdict}</td><td style=\"text-align:left\">{E(budget.Message)}</td><td>{budget.Line}:{budget.Column}</td></tr>");
        }
        html.AppendLine("</table>");
    }

    private static string Verdict(bool passed, bool valid)
    {
        var v = MarkdownReport.Verdict(passed, valid);
        return $"<span class=\"{v}\">{v}</span>";
    }

    private static string N(double? v) => MarkdownReport.N(v);
    private static string E(string s) => WebUtility.HtmlEncode(s);
}
