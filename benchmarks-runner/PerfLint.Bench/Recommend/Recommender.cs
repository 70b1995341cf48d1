using PerfLint.Bench.Results;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Bench.Recommend;

/// <summary>
/// Ranks benchmarked instance types for one model: those that meet the latency budget first, by cost per million
/// inferences at their knee (cheapest first) when their prices are comparable, else by sustainable throughput; then
/// the ones that miss it. The first one meeting the budget is the recommendation.
/// </summary>
public static class Recommender
{
    public static IReadOnlyList<Recommendation> Rank(IEnumerable<BenchmarkResult> benchmarks, LatencyBudget budget, double headroom, PriceBook prices, string? region)
    {
        var all = benchmarks.Select(b =>
        {
            var knee = Knee.Find(b.Steps, budget);
            var info = InstanceCatalog.Find(b.InstanceType);
            // A type the catalog does not list has no price.
            var price = info == null ? null : prices.Quote(info, region);
            return new Recommendation(b, knee, knee == null ? null : TargetValue(knee.PerMinute, headroom), price);
        }).ToList();

        var priced = all.Where(r => r.MeetsBudget && r.HasPrice).ToList();
        var comparable = priced.All(r => r.Price!.IsComparableWith(priced[0].Price!));
        var basis = all.Select(r => r with
        {
            Basis = !r.HasPrice ? RankBasis.ThroughputNoPrice : comparable || !r.MeetsBudget ? RankBasis.CostPerMillion : RankBasis.ThroughputPricesNotComparable,
        }).ToList();
        return basis
            .OrderByDescending(r => r.MeetsBudget)
            .ThenBy(r => r.MeetsBudget && r.Basis == RankBasis.CostPerMillion ? 0 : 1)
            .ThenBy(r => r.MeetsBudget && r.Basis == RankBasis.CostPerMillion ? r.CostPerMillionUsd : 0)
            .ThenByDescending(r => r.Knee?.PerSecond ?? 0)
            .ThenBy(r => r.InstanceType, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The SageMaker target-tracking value: sustainable invocations per instance per minute × headroom, rounded down to a whole invocation.</summary>
    public static double TargetValue(double sustainablePerMinute, double headroom) => Math.Floor(sustainablePerMinute * headroom + 1e-9);
}
