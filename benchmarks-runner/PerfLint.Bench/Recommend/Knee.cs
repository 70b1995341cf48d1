using PerfLint.Bench.Results;

namespace PerfLint.Bench.Recommend;

/// <summary>
/// The knee of a latency curve: the highest throughput (successful requests per second, one instance) at which the
/// budget's percentile still meets the budget. <see cref="Interpolated"/>: it lies between a measured step that meets
/// the budget and the next faster step that misses it, on the straight line between them.
/// </summary>
public sealed record Knee(double PerSecond, double LatencyMs, bool Interpolated, string How)
{
    public double PerMinute => PerSecond * 60;

    /// <summary>
    /// The knee of <paramref name="steps"/> (the median rows of results.json), or null when no step meets the budget.
    /// Invalid steps, steps with too few requests for the budget's percentile and steps without a latency are left out.
    /// </summary>
    public static Knee? Find(IEnumerable<RunResult> steps, LatencyBudget budget)
    {
        var measured = steps.Where(s => s.Valid && budget.Supports(s) && s.ThroughputPerSecond > 0 && budget.LatencyOf(s) is not null)
            .OrderBy(s => s.ThroughputPerSecond).ToList();
        var meeting = measured.Where(s => budget.LatencyOf(s) <= budget.Ms).ToList();
        if (meeting.Count == 0) return null;
        var best = meeting[^1];
        var bestLatency = budget.LatencyOf(best)!.Value;
        // The next faster step misses the budget (every faster step does: best is the fastest that meets it).
        var next = measured.FirstOrDefault(s => s.ThroughputPerSecond > best.ThroughputPerSecond && budget.LatencyOf(s) > budget.Ms);
        if (next == null)
        {
            return new Knee(best.ThroughputPerSecond, bestLatency, false,
                $"measured at {best.Label}; the budget held at every step, so the knee may lie higher");
        }

        var nextLatency = budget.LatencyOf(next)!.Value;
        var perSecond = best.ThroughputPerSecond +
                        (budget.Ms - bestLatency) * (next.ThroughputPerSecond - best.ThroughputPerSecond) / (nextLatency - bestLatency);
        return new Knee(perSecond, budget.Ms, true,
            $"interpolated between {best.Label} ({Format.Number(best.ThroughputPerSecond)}/s, {budget.Percentile} {Format.Number(bestLatency)} ms) " +
            $"and {next.Label} ({Format.Number(next.ThroughputPerSecond)}/s, {budget.Percentile} {Format.Number(nextLatency)} ms)");
    }
}
