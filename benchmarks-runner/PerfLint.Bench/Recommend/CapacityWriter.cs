using PerfLint.Bench.Results;
using PerfLint.Knowledge.Capacity;

namespace PerfLint.Bench.Recommend;

/// <summary>
/// `--write`: one capacity entry per benchmark endpoint key, from the best-ranked candidate of that endpoint that meets
/// the budget. Entries of other endpoints already in the file are kept.
/// </summary>
public static class CapacityWriter
{
    /// <returns>How many endpoints were written.</returns>
    public static int Write(string path, RecommendReport report, IReadOnlyDictionary<BenchmarkResult, string> measuredOn)
    {
        var endpoints = report.Ranking.Where(r => r.Benchmark.Endpoint != null).GroupBy(r => r.Benchmark.Endpoint!, StringComparer.Ordinal).ToList();
        if (endpoints.Count == 0)
            throw new RecommendInputException("--write: no benchmark names an endpoint (set \"endpoint\" in the spec: the SageMaker endpoint it stands for)");

        var file = File.Exists(path) ? CapacityFile.TryParse(File.ReadAllText(path)) ?? throw new RecommendInputException($"--write: {path} is not a capacity file") : new CapacityFile();
        file.Generator = "perflint recommend";
        var written = 0;
        foreach (var endpoint in endpoints)
        {
            // The ranking's order holds within the group: the first candidate meeting the budget is this endpoint's choice.
            if (endpoint.FirstOrDefault(r => r.MeetsBudget) is not { } best) continue;
            file.Endpoints.RemoveAll(e => e.Endpoint == endpoint.Key);
            file.Endpoints.Add(new CapacityEntry
            {
                Endpoint = endpoint.Key,
                InstanceType = best.InstanceType,
                SustainablePerMinute = Math.Round(best.Knee!.PerMinute, 2),
                TargetValue = best.TargetValue!.Value,
                Headroom = report.Headroom,
                Percentile = report.Budget.Percentile,
                BudgetMs = report.Budget.Ms,
                Measured = measuredOn[best.Benchmark],
                Interpolated = best.Knee.Interpolated,
            });
            written++;
        }

        file.Endpoints.Sort((a, b) => string.CompareOrdinal(a.Endpoint, b.Endpoint));
        RecommendCommand.WriteFile(path, file.ToJson() + Environment.NewLine);
        return written;
    }
}
