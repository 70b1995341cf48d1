using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PerfLint.Knowledge.Capacity;
using PerfLint.Knowledge.Pricing;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Config;

/// <summary>
/// What the project's .editorconfig says for C# sources: rule options (<c>PL1001.allowed_families</c>) and severities
/// (<c>dotnet_diagnostic.PL1001.severity</c>, <c>dotnet_analyzer_diagnostic.category-X.severity</c>,
/// <c>dotnet_analyzer_diagnostic.severity</c>). Template rules read the values that apply to a C# file in the project
/// directory, as the Roslyn analyzers would for the file that declares the construct. Roslyn's
/// <see cref="AnalyzerConfigSet"/> resolves them (<see cref="EditorConfigLoader"/>): it keeps
/// <c>dotnet_diagnostic.X.severity</c> apart, already parsed, and lower-cases the other keys.
/// </summary>
public sealed class CheckSettings
{
    private readonly ImmutableDictionary<string, string> _values;
    private readonly ImmutableDictionary<string, ReportDiagnostic> _ruleSeverities;

    public CheckSettings(ImmutableDictionary<string, string> values, ImmutableDictionary<string, ReportDiagnostic> ruleSeverities)
    {
        _values = values;
        _ruleSeverities = ruleSeverities;
        Options = new RuleOptions(key => _values.TryGetValue(key.ToLowerInvariant(), out var v) ? v : null);
    }

    public static CheckSettings Empty { get; } = new(ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, ReportDiagnostic>.Empty);

    public RuleOptions Options { get; private set; }

    /// <summary>The <c>.editorconfig</c> setting <c>perflint_prices_file</c> (relative to the project directory), or null.</summary>
    public string? PricesFile => Lookup(PriceFile.EditorConfigKey);

    /// <summary>The measured capacity file PL5002 judges target values against (perflint.capacity.json beside the project), and its name.</summary>
    public (CapacityFile File, string Name)? Capacity { get; private set; }

    /// <summary>PL5002 judges endpoints the file measured against it from now on.</summary>
    public void UseCapacity(CapacityFile file, string name) => Capacity = (file, name);

    /// <summary>Rules quote the user price file's prices from now on.</summary>
    public void UsePrices(PriceBook prices) => Options = Options.WithPrices(prices);

    /// <summary>
    /// The severity to report, or null when the rule is off (<c>none</c>, <c>silent</c>, or disabled by default and not
    /// turned on). <paramref name="decided"/> is the knowledge base's severity for this finding.
    /// </summary>
    public RuleSeverity? Effective(string ruleId, RuleSeverity decided)
    {
        var info = RuleCatalog.TryGet(ruleId, out var r) ? r : null;
        var configured = _ruleSeverities.TryGetValue(ruleId, out var own)
            ? own
            : Parse(info == null ? null : Lookup("dotnet_analyzer_diagnostic.category-" + info.Category.ToLowerInvariant() + ".severity"))
              ?? Parse(Lookup("dotnet_analyzer_diagnostic.severity"));
        switch (configured)
        {
            case ReportDiagnostic.Error: return RuleSeverity.Error;
            case ReportDiagnostic.Warn: return RuleSeverity.Warning;
            case ReportDiagnostic.Info: return RuleSeverity.Info;
            case ReportDiagnostic.Hidden: case ReportDiagnostic.Suppress: return null;
            default:
                // Unset or "default": the rule's own severity and its default enablement.
                return info?.EnabledByDefault == false ? null : decided;
        }
    }

    private string? Lookup(string key) => _values.TryGetValue(key, out var v) ? v : null;

    /// <summary>The compiler's severity words (Roslyn parses <c>dotnet_diagnostic.X.severity</c> the same way).</summary>
    private static ReportDiagnostic? Parse(string? value)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "error": return ReportDiagnostic.Error;
            case "warning": return ReportDiagnostic.Warn;
            case "suggestion": return ReportDiagnostic.Info;
            case "silent": case "refactoring": return ReportDiagnostic.Hidden;
            case "none": return ReportDiagnostic.Suppress;
            case "default": return ReportDiagnostic.Default;
            default: return null;
        }
    }
}
