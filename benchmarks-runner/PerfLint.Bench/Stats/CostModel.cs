using PerfLint.Knowledge.Catalog;

namespace PerfLint.Bench.Stats;

/// <summary>Price of the instance the benchmark stands for, from the shared catalog (dated, us-east-1 On-Demand Linux).</summary>
public sealed record InstancePrice(string InstanceType, double? UsdPerHour, bool IsEc2Floor, string Note)
{
    public static InstancePrice? For(string? instanceType)
    {
        if (string.IsNullOrEmpty(instanceType)) return null;
        var info = InstanceCatalog.Find(instanceType);
        if (info?.OnDemandUsdPerHour is not { } price)
            return new InstancePrice(instanceType, null, false,
                $"no price for {instanceType} in the catalog ({InstanceCatalog.PriceDate}); cost is n/a");
        var note = $"{instanceType} at ${price:0.####}/h (us-east-1 On-Demand, {InstanceCatalog.PriceDate})";
        if (info.PriceIsEc2Floor)
            note += "; FLOOR: the catalog has only the EC2 price of the same hardware, SageMaker ml.* instances cost more";
        return new InstancePrice(instanceType, price, info.PriceIsEc2Floor, note);
    }

    /// <summary>USD per million successful inferences at the measured throughput; null without a price or throughput.</summary>
    public double? CostPerMillion(double throughputPerSecond) =>
        UsdPerHour is { } p && throughputPerSecond > 0 ? p / (throughputPerSecond * 3600.0) * 1_000_000.0 : null;
}
