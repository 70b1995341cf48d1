using PerfLint.Knowledge.Pricing;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Config;

/// <summary>
/// What the project's .editorconfig says for C# sources: rule options (<c>PL1001.allowed_families</c>) and severities
/// (<c>dotnet_diagnostic.PL1001.severity</c>, <c>dotnet_analyzer_diagnostic.category-X.severity</c>,
/// <c>dotnet_analyzer_diagnostic.severity</c>). Template rules read the values that apply to a C# file in the project
/// directory, as the Roslyn analyzers would for the file that declares the construct.
/// </summary>
public sealed class CheckSettings
{
    private readonly IReadOnlyDictionary<string, string> _values;

    public CheckSettings(IReadOnlyDictionary<string, string> values)
    {
        _values = values;
        Options = new RuleOptions(key => _values.TryGetValue(key.ToLowerInvariant(), out var v) ? v : null);
    }

    public static CheckSettings Empty { get; } = new(new Dictionary<string, string>());

    public RuleOptions Options { get; private set; }

    /// <summary>The <c>.editorconfig</c> setting <c>perflint_prices_file</c> (relative to the project directory), or null.</summary>
    public string? PricesFile => Lookup(PriceFile.EditorConfigKey);

    /// <summary>Rules quote the user price file's prices from now on.</summary>
    public void UsePrices(PriceBook prices) => Options = Options.WithPrices(prices);

    /// <summary>Files read, nearest last, for the report.</summary>
    public List<string> Sources { get; } = new();

    /// <summary>
    /// The severity to report, or null when the rule is off (<c>none</c>, <c>silent</c>, or disabled by default and not
    /// turned on). <paramref name="decided"/> is the knowledge base's severity for this finding.
    /// </summary>
    public RuleSeverity? Effective(string ruleId, RuleSeverity decided)
    {
        var info = RuleCatalog.TryGet(ruleId, out var r) ? r : null;
        var configured = Lookup("dotnet_diagnostic." + ruleId.ToLowerInvariant() + ".severity")
                         ?? (info == null ? null : Lookup("dotnet_analyzer_diagnostic.category-" + info.Category.ToLowerInvariant() + ".severity"))
                         ?? Lookup("dotnet_analyzer_diagnostic.severity");
        var parsed = Parse(configured);
        if (parsed.HasValue)
        {
            // "default" keeps the rule's own severity and its default enablement.
            return parsed.Value.IsDefault ? (info?.EnabledByDefault == false ? null : decided) : parsed.Value.Severity;
        }

        return info?.EnabledByDefault == false ? null : decided;
    }

    private string? Lookup(string key) => _values.TryGetValue(key, out var v) ? v : null;

    private static (RuleSeverity? Severity, bool IsDefault)? Parse(string? value)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "error": return (RuleSeverity.Error, false);
            case "warning": return (RuleSeverity.Warning, false);
            case "suggestion": return (RuleSeverity.Info, false);
            case "silent": case "hidden": case "none": return (null, false);
            case "default": return (null, true);
            default: return null;
        }
    }
}
