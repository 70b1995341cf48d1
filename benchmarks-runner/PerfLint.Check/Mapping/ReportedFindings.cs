using System.Text.Json;
using PerfLint.Check.Findings;

namespace PerfLint.Check.Mapping;

/// <summary>
/// The results of a compiler SARIF log (<c>-p:ErrorLog=file.sarif%2Cversion=2.1</c>): findings the Roslyn analyzers
/// already reported in this build, which `perflint check` must not repeat. A result is one finding: its rule, file,
/// line and, when the analyzers wrote it (<c>properties.customProperties.PerfLintConstruct</c> and
/// <c>PerfLintConstructLine</c>), the construct it belongs to.
/// </summary>
public sealed class ReportedFindings
{
    /// <summary>Diagnostic property names the analyzers write (PerfLint.Analyzers' FindingKey).</summary>
    public const string ConstructProperty = "PerfLintConstruct";

    public const string ConstructLineProperty = "PerfLintConstructLine";

    private readonly Dictionary<(string RuleId, string File, int Line), List<SourceConstruct?>> _reported = new();
    private readonly HashSet<(string RuleId, string File, SourceConstruct Construct)> _constructs = new();
    private readonly HashSet<(string RuleId, string File, string Message)> _messages = new();

    public int Count => _reported.Count;

    public static ReportedFindings Load(string sarifPath)
    {
        var result = new ReportedFindings();
        if (!File.Exists(sarifPath))
        {
            throw new CheckInputException($"{sarifPath}: SARIF file for --exclude-reported not found");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(sarifPath));
            foreach (var run in Array(doc.RootElement, "runs"))
            {
                foreach (var r in Array(run, "results"))
                {
                    var ruleId = r.TryGetProperty("ruleId", out var id) ? id.GetString() : null;
                    var message = r.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("text", out var t) ? t.GetString() : null;
                    var construct = ConstructOf(r);
                    foreach (var location in Array(r, "locations"))
                    {
                        if (ruleId != null && location.TryGetProperty("physicalLocation", out var physical) &&
                            physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri) &&
                            physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var line))
                        {
                            var file = Normalize(uri.GetString()!);
                            var key = (ruleId, file, line.GetInt32());
                            if (!result._reported.TryGetValue(key, out var constructs))
                            {
                                result._reported[key] = constructs = new List<SourceConstruct?>();
                            }

                            constructs.Add(construct);
                            if (construct != null)
                            {
                                result._constructs.Add((ruleId, file, construct));
                            }

                            // Only a result outside any construct's creation (a connecting call) stands for a finding elsewhere in the file.
                            if (message != null && construct == null)
                            {
                                result._messages.Add((ruleId, file, message));
                            }
                        }
                    }
                }
            }
        }
        catch (JsonException e)
        {
            throw new CheckInputException($"{sarifPath}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): malformed SARIF: {e.Message}", sarifPath);
        }

        return result;
    }

    /// <summary>
    /// Reported with one of these messages anywhere in that file by a result outside any construct creation
    /// (connection rules: the analyzers report the connecting call, <c>db.Connections.AllowDefaultPortFrom(fn)</c>).
    /// </summary>
    public bool ContainsMessage(string ruleId, string file, IEnumerable<string> messages)
    {
        var path = Normalize(file);
        return messages.Any(message => _messages.Contains((ruleId, path, message)));
    }

    /// <summary>
    /// Reported for that construct (same id argument at the same line), or at that line or anywhere in the statement
    /// that creates the construct (the analyzers put it on the value) by a result that names no other construct: two
    /// constructs created in one statement (a Lambda in an Auto Scaling group's props) are two findings.
    /// </summary>
    public bool Contains(string ruleId, string file, int line, (int Start, int End)? span = null, SourceConstruct? construct = null)
    {
        var path = Normalize(file);
        if (construct != null && _constructs.Contains((ruleId, path, construct)))
        {
            return true;
        }

        var lines = span is { } s ? Enumerable.Range(s.Start, s.End - s.Start + 1).Append(line) : new[] { line };
        return lines.Any(l => _reported.TryGetValue((ruleId, path, l), out var constructs) &&
                              constructs.Any(c => c == null || construct == null || c == construct));
    }

    /// <summary>The construct the analyzers wrote into the result's properties (Roslyn: <c>properties.customProperties</c>).</summary>
    private static SourceConstruct? ConstructOf(JsonElement result)
    {
        if (!result.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var custom = properties.TryGetProperty("customProperties", out var c) && c.ValueKind == JsonValueKind.Object ? c : properties;
        return custom.TryGetProperty(ConstructProperty, out var id) && id.ValueKind == JsonValueKind.String &&
               custom.TryGetProperty(ConstructLineProperty, out var line) && line.ValueKind == JsonValueKind.String &&
               int.TryParse(line.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? new SourceConstruct(id.GetString()!, number)
            : null;
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : Enumerable.Empty<JsonElement>();

    private static string Normalize(string pathOrUri)
    {
        if (Uri.TryCreate(pathOrUri, UriKind.Absolute, out var uri) && uri.IsFile)
        {
            pathOrUri = uri.LocalPath;
        }

        return Path.GetFullPath(pathOrUri);
    }
}
