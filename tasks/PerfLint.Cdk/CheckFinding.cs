using System.Text.Json;
using Amazon.CDK;

namespace PerfLint.Cdk;

/// <summary>One finding of <c>perflint check --format json</c> (docs/schemas), as the CDK report needs it.</summary>
internal sealed record CheckFinding(
    string RuleId, string Severity, string Message, string? Fix, string? HelpUri, string LogicalId, string? Property,
    string TemplateFile, string? Source)
{
    /// <summary>The findings of a JSON report; template files are made absolute against <paramref name="baseDirectory"/>.</summary>
    public static IReadOnlyList<CheckFinding> Read(string json, string baseDirectory)
    {
        using var doc = JsonDocument.Parse(json);
        var findings = new List<CheckFinding>();
        foreach (var f in doc.RootElement.GetProperty("findings").EnumerateArray())
        {
            var template = f.GetProperty("template");
            var source = f.GetProperty("source");
            findings.Add(new CheckFinding(
                f.GetProperty("ruleId").GetString()!,
                f.GetProperty("severity").GetString()!,
                f.GetProperty("message").GetString()!,
                Text(f, "replacement"),
                Text(f, "helpUri"),
                f.GetProperty("logicalId").GetString()!,
                Text(f, "property"),
                Path.GetFullPath(template.GetProperty("file").GetString()!, baseDirectory),
                source.ValueKind == JsonValueKind.Object
                    ? $"{source.GetProperty("file").GetString()}:{source.GetProperty("line").GetInt32()}"
                    : null));
        }

        return findings;
    }

    public IPolicyViolationBeta1 ToViolation()
    {
        var metadata = new Dictionary<string, string>();
        if (HelpUri != null)
        {
            metadata["help"] = HelpUri;
        }

        if (Source != null)
        {
            metadata["source"] = Source;
        }

        return new PolicyViolationBeta1
        {
            RuleName = RuleId,
            Description = Message,
            Fix = Fix,
            Severity = Severity,
            RuleMetadata = metadata,
            ViolatingResources = new IPolicyViolatingResourceBeta1[]
            {
                new PolicyViolatingResourceBeta1
                {
                    ResourceLogicalId = LogicalId,
                    TemplatePath = TemplateFile,
                    // The CDK prints locations as they are: the property path in the template, and the C# line.
                    Locations = new[] { Property, Source }.Where(l => l != null).Select(l => l!).ToArray(),
                },
            },
        };
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
