using System.Text.Json;

namespace PerfLint.Check.Mapping;

/// <summary>
/// Rule id + file + line of every result in a compiler SARIF log (<c>-p:ErrorLog=file.sarif%2Cversion=2.1</c>):
/// findings the Roslyn analyzers already reported in this build, which `perflint check` must not repeat.
/// </summary>
public sealed class ReportedFindings
{
    private readonly HashSet<(string RuleId, string File, int Line)> _reported = new();
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
                    foreach (var location in Array(r, "locations"))
                    {
                        if (ruleId != null && location.TryGetProperty("physicalLocation", out var physical) &&
                            physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri) &&
                            physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var line))
                        {
                            result._reported.Add((ruleId, Normalize(uri.GetString()!), line.GetInt32()));
                            if (message != null)
                            {
                                result._messages.Add((ruleId, Normalize(uri.GetString()!), message));
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

    /// <summary>Reported with one of these messages anywhere in that file (connection rules: the analyzers report the connecting call).</summary>
    public bool ContainsMessage(string ruleId, string file, IEnumerable<string> messages)
    {
        var path = Normalize(file);
        return messages.Any(message => _messages.Contains((ruleId, path, message)));
    }

    /// <summary>Reported at that line, or anywhere in the statement that creates the construct (the analyzers put it on the value).</summary>
    public bool Contains(string ruleId, string file, int line, (int Start, int End)? span = null)
    {
        var path = Normalize(file);
        if (_reported.Contains((ruleId, path, line)))
        {
            return true;
        }

        if (span is not { } s)
        {
            return false;
        }

        for (var l = s.Start; l <= s.End; l++)
        {
            if (_reported.Contains((ruleId, path, l)))
            {
                return true;
            }
        }

        return false;
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
