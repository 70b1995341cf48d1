using System.Text.Json;
using PerfLint.Check.Findings;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Output;

/// <summary>The findings as JSON (docs/schemas/check-results.schema.json); the MSBuild task reads this.</summary>
public static class JsonReportWriter
{
    public const int FormatVersion = 1;

    public static void Write(CheckReport report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("formatVersion", FormatVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", "perflint");
        w.WriteString("version", CheckReport.Version);
        w.WriteEndObject();
        w.WriteString("input", report.Input);
        w.WriteString("project", report.ProjectDirectory);
        w.WriteStartObject("summary");
        w.WriteNumber("templates", report.Stacks);
        w.WriteNumber("resources", report.Resources);
        w.WriteNumber("findings", report.Findings.Count);
        foreach (var severity in new[] { RuleSeverity.Error, RuleSeverity.Warning, RuleSeverity.Info })
        {
            w.WriteNumber(CheckReport.SeverityName(severity) == "info" ? "infos" : CheckReport.SeverityName(severity) + "s", report.Findings.Count(f => f.Severity == severity));
        }

        w.WriteNumber("excludedAsReported", report.ExcludedAsReported);
        w.WriteEndObject();
        w.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            var rule = RuleCatalog.Get(f.RuleId);
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteString("severity", CheckReport.SeverityName(f.Severity));
            w.WriteString("title", rule.Title);
            w.WriteString("message", f.Message);
            w.WriteString("helpUri", rule.HelpUri);
            w.WriteString("constructPath", f.Resource.ConstructPath);
            w.WriteString("stack", f.Resource.Stack.Name);
            w.WriteString("logicalId", f.Resource.LogicalId);
            w.WriteString("resourceType", f.Resource.Type);
            w.WriteString("property", f.Property);
            w.WriteString("replacement", f.Decision.Replacement);
            WritePosition(w, "template", f.TemplatePosition);
            WritePosition(w, "source", f.SourcePosition);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var note in report.Notes)
        {
            w.WriteStringValue(note);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter w, string name, SourcePosition? p)
    {
        if (p == null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("file", p.File);
        w.WriteNumber("line", p.Line);
        w.WriteNumber("column", p.Column);
        w.WriteEndObject();
    }
}
