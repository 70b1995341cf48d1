using System.Text.Json;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Sarif;

/// <summary>
/// The rule metadata code scanning shows (tool.driver.rules), from the knowledge base's <see cref="RuleCatalog"/>:
/// title, description, help (markdown) and its link, the default level, tags, precision and problem.severity.
/// </summary>
public static class SarifRules
{
    public static void Write(Utf8JsonWriter w, IEnumerable<RuleInfo> rules)
    {
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", rule.Title);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Title);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", rule.Description);
            w.WriteEndObject();
            w.WriteStartObject("help");
            w.WriteString("text", $"{rule.Title}. {rule.Description} {rule.HelpUri}");
            w.WriteString("markdown", $"**{rule.Title}**\n\n{rule.Description}\n\n[{rule.Id} documentation]({rule.HelpUri})");
            w.WriteEndObject();
            w.WriteString("helpUri", rule.HelpUri);
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.DefaultSeverity));
            w.WriteBoolean("enabled", rule.EnabledByDefault);
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("category", rule.Category);
            w.WriteStartArray("tags");
            w.WriteStringValue("performance");
            w.WriteStringValue("aws-cdk");
            w.WriteStringValue(rule.Category);
            w.WriteEndArray();
            // Every rule decides from values the knowledge base proves for that service; anything else is silent.
            w.WriteString("precision", "high");
            w.WriteString("problem.severity", ProblemSeverity(rule.DefaultSeverity));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "note",
        _ => "none",
    };

    /// <summary>Code scanning's problem.severity: error, warning or recommendation.</summary>
    public static string ProblemSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        _ => "recommendation",
    };
}
