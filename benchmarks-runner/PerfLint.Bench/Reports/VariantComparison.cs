using PerfLint.Bench.Judging;
using PerfLint.Bench.Results;

namespace PerfLint.Bench.Reports;

/// <summary>One benchmark's variants side by side: one column per variant, one row per figure.</summary>
public sealed record VariantTable(string Benchmark, IReadOnlyList<string> Variants, IReadOnlyList<(string Figure, IReadOnlyList<string> Values)> Rows);

/// <summary>
/// Builds the side-by-side tables of report.md and report.html for every benchmark measured in two or more variants:
/// verdict, best throughput, p50/p99 at each load step, cost per million at the best-throughput step and, when the
/// benchmark has a quality gate, the measured difference from the golden responses.
/// </summary>
public static class VariantComparison
{
    public static IReadOnlyList<VariantTable> Build(BenchResults results) =>
        results.Benchmarks
            .Where(b => b.Variant != null)
            .GroupBy(b => b.Name)
            .Where(g => g.Count() >= 2)
            .Select(g => Table(g.Key, g.ToList()))
            .ToList();

    private static VariantTable Table(string name, IReadOnlyList<BenchmarkResult> variants)
    {
        var rows = new List<(string, IReadOnlyList<string>)>
        {
            ("verdict", Each(variants, b => b.InfrastructureError ? "ERROR" : MarkdownReport.Verdict(b.Passed, b.Valid))),
            ("best req/s", Each(variants, b => b.Steps.Count == 0 ? "n/a" : MarkdownReport.N(b.Steps.Max(s => s.ThroughputPerSecond)))),
        };
        var steps = variants.SelectMany(b => b.Steps).Select(s => s.Label).Distinct().ToList();
        foreach (var step in steps)
        {
            rows.Add(($"p50 ms at {step}", Each(variants, b => MarkdownReport.N(b.Steps.FirstOrDefault(s => s.Label == step)?.P50Ms))));
            rows.Add(($"p99 ms at {step}", Each(variants, b => MarkdownReport.N(b.Steps.FirstOrDefault(s => s.Label == step)?.P99Ms))));
        }
        rows.Add(("$/M at best step", Each(variants, b =>
            MarkdownReport.N(b.Steps.OrderByDescending(s => s.ThroughputPerSecond).FirstOrDefault()?.CostPerMillionUsd))));
        if (variants.Any(b => b.Quality != null))
        {
            rows.Add(("quality", Each(variants, b => b.Quality is { } q ? (q.Passed ? "pass" : "FAIL") : "n/a")));
            rows.Add(("max abs error", Each(variants, b => QualityComparer.Fmt(b.Quality?.MaxAbsError))));
            rows.Add(("min cosine", Each(variants, b => QualityComparer.Fmt(b.Quality?.MinCosine))));
        }
        return new VariantTable(name, variants.Select(b => b.Variant!).ToList(), rows);
    }

    private static IReadOnlyList<string> Each(IReadOnlyList<BenchmarkResult> variants, Func<BenchmarkResult, string> figure) =>
        variants.Select(figure).ToList();
}
