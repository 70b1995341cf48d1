using PerfLint.Knowledge.Rules;

namespace PerfLint.Check;

public enum ReportFormat
{
    Text,
    Sarif,
    Json,
    MsBuild,
    Markdown,
}

/// <summary>What `perflint check` was asked to do (<see cref="CheckCommandDefinition"/> reads it from the command line).</summary>
public sealed record CheckArguments(string Input)
{
    public ReportFormat Format { get; init; } = ReportFormat.Text;

    public string? Output { get; init; }

    public string? Project { get; init; }

    public string? EditorConfig { get; init; }

    /// <summary>The user price file named on the command line (<c>--prices</c>), or null.</summary>
    public string? Prices { get; init; }

    public string? ExcludeReported { get; init; }

    /// <summary>The directory SARIF and markdown paths are relative to (<c>--srcroot</c>); null: the repository root found from the project.</summary>
    public string? SrcRoot { get; init; }

    /// <summary>An earlier SARIF log (<c>--baseline</c>): findings whose key is in it are not new.</summary>
    public string? Baseline { get; init; }

    /// <summary>The lowest severity that makes the exit code 1; null = never.</summary>
    public RuleSeverity? FailOn { get; init; } = RuleSeverity.Error;
}
