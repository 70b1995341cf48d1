using System.Text.Json;

namespace PerfLint.Integration.Tests.Infrastructure;

/// <summary>One result of a SARIF log: rule, level and where (absolute file path, 1-based line).</summary>
internal sealed record SarifResult(string RuleId, string Level, string? FilePath, int Line, string Message);

/// <summary>A rule descriptor of a SARIF log.</summary>
internal sealed record SarifRule(string Id, string? HelpUri, string? ShortDescription);

/// <summary>The parts of a compiler SARIF log (`-p:ErrorLog=file%2Cversion=2.1`) the tests read.</summary>
internal sealed class SarifLog
{
    private SarifLog(string version, IReadOnlyList<SarifResult> results, IReadOnlyList<SarifRule> rules)
    {
        Version = version;
        Results = results;
        Rules = rules;
    }

    public string Version { get; }

    public IReadOnlyList<SarifResult> Results { get; }

    public IReadOnlyList<SarifRule> Rules { get; }

    public IEnumerable<SarifResult> PerfLintResults => Results.Where(r => r.RuleId.StartsWith("PL", StringComparison.Ordinal));

    public static SarifLog Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var version = root.GetProperty("version").GetString() ?? string.Empty;
        var results = new List<SarifResult>();
        var rules = new List<SarifRule>();
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            if (run.TryGetProperty("results", out var runResults))
            {
                results.AddRange(runResults.EnumerateArray().Select(ReadResult));
            }

            if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver) &&
                driver.TryGetProperty("rules", out var driverRules))
            {
                rules.AddRange(driverRules.EnumerateArray().Select(r => new SarifRule(
                    r.GetProperty("id").GetString()!,
                    r.TryGetProperty("helpUri", out var help) ? help.GetString() : null,
                    r.TryGetProperty("shortDescription", out var shortDescription) && shortDescription.TryGetProperty("text", out var text) ? text.GetString() : null)));
            }
        }

        return new SarifLog(version, results, rules);
    }

    private static SarifResult ReadResult(JsonElement result)
    {
        var ruleId = result.GetProperty("ruleId").GetString()!;
        // SARIF's default level is "warning"; the compiler leaves it out then.
        var level = result.TryGetProperty("level", out var l) ? l.GetString()! : "warning";
        var message = result.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
        string? file = null;
        var line = 0;
        if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0 &&
            locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri))
            {
                var text = uri.GetString()!;
                file = Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : text;
            }

            if (physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var startLine))
            {
                line = startLine.GetInt32();
            }
        }

        return new SarifResult(ruleId, level, file, line, message);
    }
}
