using System.Text.Json;
using PerfLint.Check.Findings;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Output;

/// <summary>
/// SARIF 2.1.0: one run, the rule metadata in tool.driver.rules, one result per finding. The C# line (when mapped) is
/// the first location, the template line the next; logicalLocations carries the construct path.
/// </summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(CheckReport report, Stream stream)
    {
        var rules = RuleCatalog.All.ToList();
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "PerfLint");
        w.WriteString("version", CheckReport.Version);
        w.WriteString("semanticVersion", CheckReport.Version);
        w.WriteString("informationUri", "https://github.com/perflint/perflint");
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
            w.WriteString("helpUri", rule.HelpUri);
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.DefaultSeverity));
            w.WriteBoolean("enabled", rule.EnabledByDefault);
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("category", rule.Category);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var f in report.Findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteNumber("ruleIndex", rules.FindIndex(r => r.Id == f.RuleId));
            w.WriteString("level", Level(f.Severity));
            w.WriteStartObject("message");
            w.WriteString("text", f.Message);
            w.WriteEndObject();
            w.WriteStartArray("locations");
            if (f.SourcePosition != null)
            {
                WriteLocation(w, f, f.SourcePosition, logical: true);
            }

            WriteLocation(w, f, f.TemplatePosition, logical: f.SourcePosition == null);
            w.WriteEndArray();
            w.WriteStartObject("properties");
            w.WriteString("constructPath", f.Resource.ConstructPath);
            w.WriteString("resourceType", f.Resource.Type);
            w.WriteString("logicalId", f.Resource.LogicalId);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, Finding f, SourcePosition p, bool logical)
    {
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", new Uri(p.File).AbsoluteUri);
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", p.Line);
        w.WriteNumber("startColumn", p.Column);
        w.WriteEndObject();
        w.WriteEndObject();
        if (logical)
        {
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("fullyQualifiedName", f.Resource.ConstructPath);
            w.WriteString("name", f.Resource.LogicalId);
            w.WriteString("kind", "resource");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "note",
        _ => "none",
    };
}
