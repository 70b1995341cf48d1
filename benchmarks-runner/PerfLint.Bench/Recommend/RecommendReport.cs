using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PerfLint.Bench.Reports;

namespace PerfLint.Bench.Recommend;

/// <summary>The ranking as text, Markdown (with a cost-per-million vs latency plot) or JSON.</summary>
public sealed record RecommendReport(IReadOnlyList<Recommendation> Ranking, LatencyBudget Budget, double Headroom, string? Region)
{
    public Recommendation? Chosen => Ranking.FirstOrDefault(r => r.MeetsBudget);

    private string Heading =>
        $"budget {Budget.Text}, headroom {Format.Number(Headroom)} (target value = sustainable invocations per instance per minute × {Format.Number(Headroom)}, rounded down)";

    /// <summary>Said when candidates were ranked by EC2 floors: the markup over the floor differs by type.</summary>
    private string? FloorNote => Ranking.Any(r => r.MeetsBudget && r.Basis == RankBasis.CostPerMillion && r.Price is { IsEc2Floor: true })
        ? "costs from EC2 floors: each type's SageMaker price is higher by its own amount, so this order may differ from the real one; " +
          "`perflint prices import` or `prices refresh` gives the SageMaker prices"
        : null;

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine($"perflint recommend: {Ranking.Count} candidate(s), {Heading}");
        text.AppendLine(Chosen is { } c
            ? $"recommended: {c.InstanceType} ({c.Benchmark.Name}): target value {Format.Number(c.TargetValue!.Value)}/min per instance, sustainable {Format.Number(c.Knee!.PerMinute)}/min, {Cost(c)}"
            : $"no candidate meets {Budget.Text}");
        var rank = 1;
        foreach (var r in Ranking)
        {
            text.AppendLine($"{rank++}. {r.InstanceType} ({r.Benchmark.Name}): {(r.MeetsBudget ? "meets" : "misses")} {Budget.Text}");
            if (r.Knee is { } k)
            {
                text.AppendLine($"   sustainable {Format.Number(k.PerMinute)}/min ({Format.Number(k.PerSecond)}/s), {k.How}");
                text.AppendLine($"   target value {Format.Number(r.TargetValue!.Value)}/min; {Cost(r)}");
            }

            text.AppendLine($"   price: {r.PriceText}");
            if (r.BasisNote is { } note) text.AppendLine($"   {note}");
        }

        if (FloorNote is { } floor) text.AppendLine($"note: {floor}");

        return text.ToString();
    }

    public string ToMarkdown(string? plotFileName)
    {
        var md = new StringBuilder();
        md.AppendLine("## perflint recommend").AppendLine();
        md.AppendLine($"{Ranking.Count} candidate(s), {Heading}.").AppendLine();
        md.AppendLine(Chosen is { } c
            ? $"**Recommended: `{c.InstanceType}`**: target value **{Format.Number(c.TargetValue!.Value)}** invocations per instance per minute (sustainable {Format.Number(c.Knee!.PerMinute)}/min)."
            : $"**No candidate meets {Budget.Text}.**").AppendLine();
        md.AppendLine("| # | instance type | benchmark | budget | sustainable /min | knee | target value | cost per million | inferences per $ | price |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        var rank = 1;
        foreach (var r in Ranking)
        {
            var knee = r.Knee is { } k ? (k.Interpolated ? "interpolated" : "measured") : "-";
            md.AppendLine($"| {rank++} | `{r.InstanceType}` | {r.Benchmark.Name} | {(r.MeetsBudget ? "meets" : "misses")} | " +
                          $"{(r.Knee is { } kk ? Format.Number(kk.PerMinute) : "-")} | {knee} | {(r.TargetValue is { } t ? Format.Number(t) : "-")} | " +
                          $"{CostCell(r)} | {(r.InferencesPerUsd is { } n ? (r.Price!.IsEc2Floor ? "≤ " : "") + Format.Number(Math.Round(n)) : "-")} | {r.PriceText}{(r.BasisNote is { } note ? "; " + note : "")} |");
        }

        md.AppendLine();
        foreach (var r in Ranking.Where(r => r.Knee != null))
        {
            md.AppendLine($"- `{r.InstanceType}` knee: {r.Knee!.How}.");
        }

        if (FloorNote is { } floor) md.AppendLine($"- Note: {floor}.");
        md.AppendLine();
        md.AppendLine(plotFileName != null
            ? $"![cost per million inferences vs {Budget.Percentile} latency]({plotFileName})"
            : "(The cost-per-million vs latency plot is written beside the report when `--output FILE` is given.)");
        return md.ToString();
    }

    /// <summary>Cost per million inferences at each measured step against the step's latency at the budget's percentile, one line per priced type.</summary>
    public string PlotSvg()
    {
        var chart = new SvgChart
        {
            Title = $"Cost per million inferences vs {Budget.Percentile} latency",
            XLabel = $"{Budget.Percentile} latency (ms)",
            YLabel = "USD per million inferences",
        };
        foreach (var r in Ranking.Where(r => r.HasPrice))
        {
            var usd = r.Price!.UsdPerHour!.Value;
            var points = r.Benchmark.Steps
                .Where(s => s.Valid && Budget.Supports(s) && s.ThroughputPerSecond > 0 && Budget.LatencyOf(s) is not null)
                .Select(s => (Budget.LatencyOf(s)!.Value, usd / (s.ThroughputPerSecond * 3600) * 1_000_000)).ToList();
            chart.Series.Add((r.InstanceType + (r.Price.IsEc2Floor ? " (EC2 floor)" : ""), points));
        }

        return chart.Render();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        budget = new { percentile = Budget.Percentile, ms = Budget.Ms },
        headroom = Headroom,
        region = Region,
        chosen = Chosen?.InstanceType,
        recommendations = Ranking.Select(r => new
        {
            instanceType = r.InstanceType,
            benchmark = r.Benchmark.Name,
            endpoint = r.Benchmark.Endpoint,
            meetsBudget = r.MeetsBudget,
            sustainablePerSecond = r.Knee?.PerSecond,
            sustainablePerMinute = r.Knee?.PerMinute,
            kneeInterpolated = r.Knee?.Interpolated,
            knee = r.Knee?.How,
            targetValue = r.TargetValue,
            costPerMillionUsd = r.CostPerMillionUsd,
            costIsEc2Floor = r.Price?.IsEc2Floor ?? false,
            inferencesPerUsd = r.InferencesPerUsd,
            usdPerHour = r.Price?.UsdPerHour,
            priceSource = r.PriceText,
            rankedBy = r.Basis switch
            {
                RankBasis.CostPerMillion => "costPerMillion",
                RankBasis.ThroughputNoPrice => "throughput (no known price)",
                _ => "throughput (prices not comparable)",
            },
        }),
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    // A floor is never shown as the service's price: its cost is a lower bound, its inferences per dollar an upper one.
    private static string Cost(Recommendation r) => r.CostPerMillionUsd is { } c && r.InferencesPerUsd is { } n
        ? r.Price!.IsEc2Floor
            ? $"at least {Format.Usd(c)} per million inferences, at most {Format.Number(Math.Round(n))} inferences per $ (from the EC2 price of the same hardware: the service's own price is higher)"
            : $"{Format.Usd(c)} per million inferences ({Format.Number(Math.Round(n))} inferences per $)"
        : "cost per million unknown (no price)";

    private static string CostCell(Recommendation r) => r.CostPerMillionUsd is { } c ? (r.Price!.IsEc2Floor ? "≥ " : "") + Format.Usd(c) : "-";
}
