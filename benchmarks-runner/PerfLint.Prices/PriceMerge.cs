namespace PerfLint.Prices;

/// <summary>
/// Merges prices read from several GetProducts results (files or API pages): one row per key, the latest effective
/// date kept; skipped products summed by reason.
/// </summary>
public sealed class PriceMerge
{
    private readonly Dictionary<string, ImportedPrice> _prices = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    /// <summary>How many rows priced a key already held (whichever of the two was kept).</summary>
    public int Replaced { get; private set; }

    public IReadOnlyCollection<ImportedPrice> Prices => _prices.Values;

    public void Add(GetProductsReader.Result result)
    {
        foreach (var price in result.Prices)
        {
            if (!_prices.TryGetValue(price.Key, out var kept))
            {
                _prices[price.Key] = price;
                continue;
            }

            if (string.CompareOrdinal(price.EffectiveDate, kept.EffectiveDate) > 0)
            {
                _prices[price.Key] = price;
            }

            Replaced++;
        }

        foreach (var (reason, count) in result.Skipped)
        {
            Skipped[reason] = Skipped.TryGetValue(reason, out var n) ? n + count : count;
        }
    }

    /// <summary>"9 prices (AmazonEC2 1, AmazonES 1, ...)".</summary>
    public string Summary()
    {
        var perService = _prices.Values.GroupBy(p => p.Service).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        return $"{_prices.Count} prices ({string.Join(", ", perService)})";
    }

    public void WriteDetails(TextWriter stdout)
    {
        if (Replaced > 0)
        {
            stdout.WriteLine($"  {Replaced} duplicate price(s) merged (the latest effective date kept)");
        }

        foreach (var (reason, count) in Skipped)
        {
            stdout.WriteLine($"  skipped {count}: {reason}");
        }
    }
}
