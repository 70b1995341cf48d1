using HdrHistogram;

namespace PerfLint.Bench.Stats;

/// <summary>Percentiles (milliseconds) of a microsecond HdrHistogram; null fields when nothing was recorded.</summary>
public sealed record LatencySummary(double? P50, double? P90, double? P95, double? P99, double? P999, double? Max, double? Mean)
{
    public static LatencySummary From(HistogramBase h)
    {
        if (h.TotalCount == 0) return new LatencySummary(null, null, null, null, null, null, null);
        double Ms(long micros) => micros / 1000.0;
        return new LatencySummary(
            Ms(h.GetValueAtPercentile(50)), Ms(h.GetValueAtPercentile(90)), Ms(h.GetValueAtPercentile(95)),
            Ms(h.GetValueAtPercentile(99)), Ms(h.GetValueAtPercentile(99.9)), Ms(h.GetMaxValue()), h.GetMean() / 1000.0);
    }

    /// <summary>Percentile -> latency points for the distribution plot (HdrHistogram's log-spaced percentile ladder).</summary>
    public static List<double[]> Distribution(HistogramBase h)
    {
        var points = new List<double[]>();
        if (h.TotalCount == 0) return points;
        foreach (var v in h.Percentiles(5))
        {
            var pct = Math.Round(v.PercentileLevelIteratedTo, 5);
            if (points.Count > 0 && points[^1][0] == pct) continue;
            points.Add(new[] { pct, h.HighestEquivalentValue(v.ValueIteratedTo) / 1000.0 });
            if (pct >= 100) break;
        }
        return points;
    }

    public double? ForPercentile(double p) => p switch
    {
        0.50 => P50,
        0.90 => P90,
        0.95 => P95,
        0.99 => P99,
        0.999 => P999,
        _ => null,
    };
}
