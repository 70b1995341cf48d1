using PerfLint.Check.Findings;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Output;

/// <summary>Everything a report writer needs: the findings and what was read.</summary>
public sealed record CheckReport(string Input, string? ProjectDirectory, int Stacks, int Resources, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Notes, int ExcludedAsReported)
{
    public static string SeverityName(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "info",
        _ => "hidden",
    };

    public static string Version => typeof(CheckReport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
