namespace PerfLint.Prices;

/// <summary>One On-Demand hourly price read from a GetProducts product: what the user price file stores per row.</summary>
public sealed record ImportedPrice(
    string Service, string? Use, string? Engine, string? Deployment, string InstanceType, string Region, double UsdPerHour,
    string? EffectiveDate, string Source)
{
    /// <summary>Rows with the same key are the same price; merging keeps the one with the latest effective date.</summary>
    public string Key => string.Join("|", Service, Use, Engine, Deployment, InstanceType, Region);
}
