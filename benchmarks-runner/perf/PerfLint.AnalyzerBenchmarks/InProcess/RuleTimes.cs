using System.Globalization;
using Microsoft.CodeAnalysis;
using PerfLint.AnalyzerBenchmarks.Generation;

namespace PerfLint.AnalyzerBenchmarks.InProcess;

/// <summary>
/// Per-rule cost: the analyzer driver's own execution-time log (GetAnalyzerTelemetryInfoAsync), median over several
/// runs, with analysis run sequentially so one analyzer's time is not another's wait. Also prints what PerfLint found.
/// </summary>
public static class RuleTimes
{
    public static void Print(ProjectKind kind, int files, int runs, TextWriter output)
    {
        var compilation = CompilationFactory.Create(GeneratedProject.Create(kind, files));
        var analyzers = AnalyzerSets.PerfLint();
        var times = analyzers.ToDictionary(a => a, _ => new List<double>());
        var totals = new List<double>();
        var baselines = new List<double>();
        IReadOnlyList<Diagnostic> found = Array.Empty<Diagnostic>();
        for (var run = 0; run <= runs; run++)
        {
            var empty = AnalyzerRun.Time(() => AnalyzerRun.Run(compilation, AnalyzerSets.Empty(), logExecutionTime: false, concurrent: false));
            var withAnalyzers = AnalyzerRun.Create(compilation, analyzers, logExecutionTime: true, concurrent: false);
            var total = AnalyzerRun.Time(() => found = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult()
                .Where(d => d.Id.StartsWith("PL", StringComparison.Ordinal)).ToList());
            if (run == 0)
            {
                continue; // warm-up: JIT and the knowledge base's first load
            }

            baselines.Add(empty.TotalMilliseconds);
            totals.Add(total.TotalMilliseconds);
            // The analysis is cached by now; the result carries the driver's execution-time log per analyzer.
            var telemetry = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult().AnalyzerTelemetryInfo;
            foreach (var analyzer in analyzers)
            {
                times[analyzer].Add(telemetry.TryGetValue(analyzer, out var info) ? info.ExecutionTime.TotalMilliseconds : 0);
            }
        }

        var trees = compilation.SyntaxTrees.Count();
        output.WriteLine($"### Per-rule time, {kind} project ({trees} files), median of {runs} sequential runs");
        output.WriteLine();
        output.WriteLine($"Full analysis (compiler + analyzers): empty analyzer {Median(baselines):0} ms, all PerfLint analyzers {Median(totals):0} ms.");
        output.WriteLine();
        output.WriteLine("| analyzer (rules) | median ms | share of empty-analyzer analysis |");
        output.WriteLine("|---|---:|---:|");
        var sum = 0.0;
        foreach (var (analyzer, values) in times.OrderByDescending(t => Median(t.Value)))
        {
            var median = Median(values);
            sum += median;
            output.WriteLine($"| {AnalyzerSets.Name(analyzer)} | {median.ToString("0.0", CultureInfo.InvariantCulture)} | {Percent(median, Median(baselines))} |");
        }

        output.WriteLine($"| **all PerfLint analyzers** | **{sum.ToString("0.0", CultureInfo.InvariantCulture)}** | **{Percent(sum, Median(baselines))}** |");
        output.WriteLine();
        PrintAlone(compilation, analyzers, runs, Median(baselines), output);
        var byRule = found.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " x" + g.Count());
        output.WriteLine($"PerfLint diagnostics found: {found.Count} ({string.Join(", ", byRule)})");
        output.WriteLine();
    }

    /// <summary>
    /// Each analyzer alone against the empty analyzer: the analyzers share per-compilation caches (the construct
    /// facts, the value flow), which the log above charges to whichever analyzer fills them first; alone, each pays
    /// for what it needs. Wall clock of the whole analysis, so the noise floor is the baseline's spread.
    /// </summary>
    private static void PrintAlone(Compilation compilation, System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> analyzers, int runs, double baseline, TextWriter output)
    {
        output.WriteLine($"Each analyzer alone: full analysis with only that analyzer minus the empty-analyzer run just before it (wall clock, median of {runs} pairs; empty analyzer alone: {baseline:0} ms):");
        output.WriteLine();
        output.WriteLine("| analyzer (rules) | added ms |");
        output.WriteLine("|---|---:|");
        foreach (var analyzer in analyzers)
        {
            // Paired with an empty-analyzer run right before it, so drift (JIT, other load) cancels out.
            var added = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var empty = AnalyzerRun.Time(() => AnalyzerRun.Run(compilation, AnalyzerSets.Empty(), logExecutionTime: false, concurrent: false));
                var alone = AnalyzerRun.Time(() => AnalyzerRun.Run(compilation, System.Collections.Immutable.ImmutableArray.Create(analyzer), logExecutionTime: false, concurrent: false));
                added.Add((alone - empty).TotalMilliseconds);
            }

            output.WriteLine($"| {AnalyzerSets.Name(analyzer)} | {Median(added).ToString("0", CultureInfo.InvariantCulture)} |");
        }

        output.WriteLine();
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Percent(double part, double whole) =>
        whole <= 0 ? "-" : (part / whole * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
