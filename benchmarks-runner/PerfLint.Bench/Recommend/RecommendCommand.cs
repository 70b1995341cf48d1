using System.Globalization;
using System.Text.Json;
using PerfLint.Bench.Results;
using PerfLint.Knowledge.Capacity;
using PerfLint.Knowledge.Pricing;
using PerfLint.Prices;

namespace PerfLint.Bench.Recommend;

/// <summary>`perflint recommend`: reads results files, ranks the candidates, writes the report and, with --write, the capacity file.</summary>
public static class RecommendCommand
{
    public const int ExitRecommended = 0, ExitNoneMeetsBudget = 1, ExitBadInput = 2;

    public static int Run(RecommendArguments args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var measured = Load(args.Results);
            var budget = args.P99Ms is { } p99 ? LatencyBudget.P99(p99) : args.P50Ms is { } p50 ? LatencyBudget.P50(p50) : BudgetFromSpecs(measured.Keys);
            var located = PriceFileLocator.Find(args.Prices, null, null);
            if (args.Prices != null && located?.Book == null)
                throw new RecommendInputException($"{args.Prices}: {located?.Problem ?? "not found"}");
            var report = new RecommendReport(Recommender.Rank(measured.Keys, budget, args.Headroom, located?.Book ?? PriceBook.Embedded, args.Region),
                budget, args.Headroom, args.Region);
            WriteReport(report, args, stdout);
            if (args.Write != null)
            {
                var written = CapacityWriter.Write(args.Write, report, measured);
                stderr.WriteLine($"perflint recommend: wrote {written} endpoint(s) to {args.Write}");
            }

            return report.Chosen != null ? ExitRecommended : ExitNoneMeetsBudget;
        }
        catch (RecommendInputException e)
        {
            stderr.WriteLine($"perflint recommend: {e.Message}");
            return ExitBadInput;
        }
    }

    /// <summary>Every benchmark of every file with the day it was measured; a benchmark without instanceType is bad input.</summary>
    private static Dictionary<BenchmarkResult, string> Load(IReadOnlyList<string> files)
    {
        var measured = new Dictionary<BenchmarkResult, string>(ReferenceEqualityComparer.Instance);
        foreach (var file in files)
        {
            BenchResults results;
            try
            {
                results = BenchResults.FromJson(File.ReadAllText(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                throw new RecommendInputException($"{file}: not a readable results.json ({e.Message})");
            }

            if (!DateTime.TryParse(results.StartedUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var started))
                throw new RecommendInputException($"{file}: startedUtc '{results.StartedUtc}' is not a date");
            foreach (var benchmark in results.Benchmarks)
            {
                if (string.IsNullOrWhiteSpace(benchmark.InstanceType))
                    throw new RecommendInputException($"{file}: benchmark '{benchmark.Name}' has no instanceType (set it in the spec to compare instance types)");
                measured[benchmark] = started.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        if (measured.Count == 0) throw new RecommendInputException("the results files hold no benchmark");
        return measured;
    }

    /// <summary>Without --p99-ms/--p50-ms: the p99Ms budget the benchmarks' spec set, when they all set the same one.</summary>
    private static LatencyBudget BudgetFromSpecs(IEnumerable<BenchmarkResult> benchmarks)
    {
        var limits = benchmarks.Select(b => b.Budgets.FirstOrDefault(x => x.Name == "p99Ms")?.Limit).Distinct().ToList();
        return limits is [{ } limit]
            ? LatencyBudget.P99(limit)
            : throw new RecommendInputException("no latency budget: pass --p99-ms or --p50-ms (the benchmarks do not share one p99Ms budget)");
    }

    private static void WriteReport(RecommendReport report, RecommendArguments args, TextWriter stdout)
    {
        string? plotFile = null;
        if (args.Format == "markdown" && args.Output != null)
        {
            plotFile = Path.ChangeExtension(args.Output, ".svg");
            WriteFile(plotFile, report.PlotSvg());
        }

        var text = args.Format switch
        {
            "json" => report.ToJson() + Environment.NewLine,
            "markdown" => report.ToMarkdown(plotFile == null ? null : Path.GetFileName(plotFile)),
            _ => report.ToText(),
        };
        if (args.Output == null) stdout.Write(text);
        else WriteFile(args.Output, text);
    }

    internal static void WriteFile(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecommendInputException($"cannot write {path}: {e.Message}");
        }
    }
}

/// <summary>Bad input or usage: exit 2 with one line.</summary>
public sealed class RecommendInputException(string message) : Exception(message);
