using PerfLint.Bench.Results;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Bench.Recommend;

/// <summary>How a candidate's place in the ranking was decided.</summary>
public enum RankBasis
{
    /// <summary>Cost per million inferences at the knee (its price is comparable with the other priced candidates').</summary>
    CostPerMillion,
    /// <summary>Sustainable throughput: no price is known for the type.</summary>
    ThroughputNoPrice,
    /// <summary>Sustainable throughput: the candidates' prices are of different kinds (a floor and a real price, two files) and are not set side by side.</summary>
    ThroughputPricesNotComparable,
}

/// <summary>One benchmarked instance type judged against the latency budget.</summary>
public sealed record Recommendation(BenchmarkResult Benchmark, Knee? Knee, double? TargetValue, PriceQuote? Price)
{
    public string InstanceType => Benchmark.InstanceType!;

    public bool MeetsBudget => Knee != null;

    public bool HasPrice => Price is { IsKnown: true };

    /// <summary>The price with its kind, region, date and source, or <c>price unknown</c>.</summary>
    public string PriceText => Price?.Text ?? "price unknown";

    /// <summary>USD per million inferences at the knee's throughput; null without a price or a knee.</summary>
    public double? CostPerMillionUsd => Price?.UsdPerHour is { } usd && Knee is { } k ? usd / (k.PerSecond * 3600) * 1_000_000 : null;

    /// <summary>Inferences per USD at the knee's throughput (throughput per dollar).</summary>
    public double? InferencesPerUsd => Price?.UsdPerHour is { } usd && Knee is { } k ? k.PerSecond * 3600 / usd : null;

    public RankBasis Basis { get; init; } = RankBasis.CostPerMillion;

    /// <summary>Why the candidate is ranked where it is, in words; null when ranked by cost.</summary>
    public string? BasisNote => Basis switch
    {
        RankBasis.ThroughputNoPrice => $"no known price for {InstanceType}: ranked by throughput",
        RankBasis.ThroughputPricesNotComparable => "prices of different kinds (an EC2 floor beside a real price, or two sources): ranked by throughput",
        _ => null,
    };
}
