using System.Text.Json;
using PerfLint.Check.Findings;
using PerfLint.Check.Sarif;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Output;

/// <summary>
/// SARIF 2.1.0 for code scanning: one run, the rule metadata in tool.driver.rules (<see cref="SarifRules"/>), one
/// result per finding. URIs are relative to the source root (<c>uriBaseId</c> <c>%SRCROOT%</c>); each result has
/// <c>primaryLocationLineHash</c> and the finding key (<see cref="FindingKeys"/>) in <c>partialFingerprints</c>. The
/// C# line (when mapped) is the first location, the template line the next; logicalLocations carries the construct path.
/// </summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string DefaultCategory = "perflint";

    public static void Write(CheckReport report, Stream stream, SourceRoot root, string category = DefaultCategory)
    {
        var rules = RuleCatalog.All.ToList();
        var hashes = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        var keys = Keys(report.Findings, root);
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
        SarifRules.Write(w, rules);
        w.WriteEndObject();
        w.WriteEndObject();
        WriteRunHeader(w, root, category);
        w.WriteStartArray("results");
        for (var i = 0; i < report.Findings.Count; i++)
        {
            var f = report.Findings[i];
            w.WriteStartObject();
            w.WriteString("ruleId", f.RuleId);
            w.WriteNumber("ruleIndex", rules.FindIndex(r => r.Id == f.RuleId));
            w.WriteString("level", SarifRules.Level(f.Severity));
            w.WriteStartObject("message");
            w.WriteString("text", f.Message);
            w.WriteEndObject();
            w.WriteStartArray("locations");
            if (f.SourcePosition != null)
            {
                WriteLocation(w, root, f, f.SourcePosition, logical: true);
            }

            WriteLocation(w, root, f, f.TemplatePosition, logical: f.SourcePosition == null);
            w.WriteEndArray();
            w.WriteStartObject("partialFingerprints");
            var primary = f.SourcePosition ?? f.TemplatePosition;
            if (LineHashOf(hashes, primary) is { } lineHash)
            {
                w.WriteString("primaryLocationLineHash", lineHash);
            }

            w.WriteString(FindingKeys.FingerprintName, keys[i]);
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("constructPath", f.Resource.ConstructPath);
            w.WriteString("resourceType", f.Resource.Type);
            w.WriteString("logicalId", f.Resource.LogicalId);
            if (f.SourceConstruct is { } construct)
            {
                // The names the analyzers use, so one reader serves both logs (sarif merge, --exclude-reported).
                w.WriteStartObject("customProperties");
                w.WriteString(Mapping.ReportedFindings.ConstructProperty, construct.Id);
                w.WriteString(Mapping.ReportedFindings.ConstructLineProperty, construct.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>automationDetails (code scanning's category) and the source root the relative URIs resolve against.</summary>
    public static void WriteRunHeader(Utf8JsonWriter w, SourceRoot root, string category)
    {
        w.WriteStartObject("automationDetails");
        w.WriteString("id", category.TrimEnd('/') + "/");
        w.WriteEndObject();
        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SourceRoot.UriBaseId);
        w.WriteString("uri", root.Uri);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The findings' keys, in their order (<see cref="FindingKeys.Numbered"/>).</summary>
    public static IReadOnlyList<string> Keys(IReadOnlyList<Finding> findings, SourceRoot root) =>
        FindingKeys.Numbered(findings, f => KeyOf(f, root), f => ((f.SourcePosition ?? f.TemplatePosition).Line, (f.SourcePosition ?? f.TemplatePosition).Column));

    /// <summary>The finding's key before numbering: its C# construct when mapped, else its template file and construct path.</summary>
    private static string KeyOf(Finding f, SourceRoot root)
    {
        if (f.SourcePosition is { } source && f.SourceConstruct is { } construct)
        {
            return FindingKeys.Construct(f.RuleId, root.Relative(source.File) ?? Path.GetFullPath(source.File), construct.Line, construct.Id);
        }

        return FindingKeys.Template(f.RuleId, root.Relative(f.TemplatePosition.File) ?? Path.GetFullPath(f.TemplatePosition.File), f.Resource.ConstructPath, f.Property);
    }

    private static string? LineHashOf(Dictionary<string, IReadOnlyList<string>?> cache, SourcePosition position)
    {
        if (!cache.TryGetValue(position.File, out var lines))
        {
            cache[position.File] = lines = File.Exists(position.File) ? LineHash.OfFile(position.File) : null;
        }

        return lines != null && position.Line >= 1 && position.Line <= lines.Count ? lines[position.Line - 1] : null;
    }

    /// <summary>An artifact location: relative to %SRCROOT% when under it, else an absolute file URI.</summary>
    public static void WriteArtifact(Utf8JsonWriter w, SourceRoot root, string file)
    {
        w.WriteStartObject("artifactLocation");
        if (root.RelativeUri(file) is { } relative)
        {
            w.WriteString("uri", relative);
            w.WriteString("uriBaseId", SourceRoot.UriBaseId);
        }
        else
        {
            w.WriteString("uri", new Uri(Path.GetFullPath(file)).AbsoluteUri);
        }

        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, SourceRoot root, Finding f, SourcePosition p, bool logical)
    {
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        WriteArtifact(w, root, p.File);
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
}
