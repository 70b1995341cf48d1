using System.Text.Json;
using System.Text.Json.Nodes;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using PerfLint.Check.Mapping;
using PerfLint.Check.Output;

namespace PerfLint.Check.Sarif;

/// <summary>
/// `perflint sarif merge`: the compiler's per-project SARIF logs and `perflint check`'s log as one SARIF file for code
/// scanning: one run per tool (rules united by id), URIs relative to the source root (<c>%SRCROOT%</c>),
/// <c>primaryLocationLineHash</c> where a result has none, each finding once by its key (<see cref="FindingKeys"/>; the
/// compiler's runs are read first, so an analyzer's result wins over the same template finding), and code scanning's
/// limits kept (<see cref="MaxResultsPerRun"/>, <see cref="MaxRuns"/>): what is dropped is said on stderr.
/// </summary>
public static class SarifMerge
{
    /// <summary>Code scanning's limits for one uploaded file.</summary>
    public const int MaxResultsPerRun = 25_000;

    public const int MaxRuns = 20;

    public sealed record Outcome(JsonObject Log, IReadOnlyList<string> Notes);

    public static Outcome Merge(IReadOnlyList<string> inputs, SourceRoot root, string category, int maxResultsPerRun = MaxResultsPerRun)
    {
        var notes = new List<string>();
        var runs = inputs.SelectMany(path => Runs(path).Select(run => (Path: path, Run: run)))
            .OrderBy(r => ToolName(r.Run) == "PerfLint" ? 1 : 0)
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        var merged = new List<JsonObject>();
        foreach (var tool in runs.GroupBy(r => ToolName(r.Run)))
        {
            var driver = (JsonObject)tool.First().Run["tool"]!["driver"]!.DeepClone();
            var rules = new List<JsonObject>();
            var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var results = new List<JsonObject>();
            var duplicates = 0;
            foreach (var (path, run) in tool)
            {
                var runRules = (run["tool"]?["driver"]?["rules"] as JsonArray)?.OfType<JsonObject>().ToList() ?? new List<JsonObject>();
                foreach (var rule in runRules.Where(r => r["id"]?.GetValue<string>() is { } id && !ruleIndex.ContainsKey(id)))
                {
                    ruleIndex[rule["id"]!.GetValue<string>()] = rules.Count;
                    rules.Add((JsonObject)rule.DeepClone());
                }

                var bases = BaseUris(run, path);
                var copies = new List<(JsonObject Result, string Key, (string File, int Line)? Primary, int Column)>();
                foreach (var result in (run["results"] as JsonArray)?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>())
                {
                    var copy = (JsonObject)result.DeepClone();
                    var ruleId = copy["ruleId"]?.GetValue<string>() ??
                                 (copy["ruleIndex"]?.GetValue<int>() is { } i && i >= 0 && i < runRules.Count ? runRules[i]["id"]?.GetValue<string>() : null) ?? string.Empty;
                    copy["ruleId"] = ruleId;
                    copy.Remove("ruleIndex");
                    if (ruleIndex.TryGetValue(ruleId, out var index))
                    {
                        copy["ruleIndex"] = index;
                    }

                    var primary = Relativize(copy, bases, root);
                    var column = copy["locations"]?[0]?["physicalLocation"]?["region"]?["startColumn"]?.GetValue<int>() ?? 0;
                    copies.Add((copy, KeyOf(copy, ruleId, primary, root), primary, column));
                }

                // Numbered within this log, as the log's writer numbered them: the n-th finding of a key is the same in every log.
                var keys = FindingKeys.Numbered(copies, c => c.Key, c => (c.Primary?.Line ?? 0, c.Column));
                for (var i = 0; i < copies.Count; i++)
                {
                    var (copy, _, primary, _) = copies[i];
                    if (!seen.Add(keys[i]))
                    {
                        duplicates++;
                        continue;
                    }

                    var fingerprints = copy["partialFingerprints"] as JsonObject ?? new JsonObject();
                    copy["partialFingerprints"] = fingerprints;
                    fingerprints[FindingKeys.FingerprintName] = keys[i];
                    if (fingerprints["primaryLocationLineHash"] == null && primary is { File: var file, Line: var line } &&
                        LineHashOf(hashes, file, line) is { } lineHash)
                    {
                        fingerprints["primaryLocationLineHash"] = lineHash;
                    }

                    results.Add(copy);
                }
            }

            if (duplicates > 0)
            {
                notes.Add($"{tool.Key}: {duplicates} result(s) already reported (same finding key) left out");
            }

            if (results.Count > maxResultsPerRun)
            {
                // Code scanning refuses a run over the limit: keep the most severe.
                var kept = results.Select((r, i) => (r, i)).OrderBy(x => LevelRank(x.r)).ThenBy(x => x.i).Take(maxResultsPerRun).OrderBy(x => x.i).Select(x => x.r).ToList();
                notes.Add($"{tool.Key}: {results.Count - kept.Count} of {results.Count} results dropped (code scanning takes {maxResultsPerRun:N0} per run; the least severe went first)");
                results = kept;
            }

            driver["rules"] = new JsonArray(rules.Select(r => (JsonNode)r).ToArray());
            var merge = new JsonObject { ["tool"] = new JsonObject { ["driver"] = driver } };
            merge["automationDetails"] = new JsonObject { ["id"] = category.TrimEnd('/') + "/" };
            merge["originalUriBaseIds"] = new JsonObject { [SourceRoot.UriBaseId] = new JsonObject { ["uri"] = root.Uri } };
            if (tool.First().Run["columnKind"] is { } columnKind)
            {
                merge["columnKind"] = columnKind.DeepClone();
            }

            merge["results"] = new JsonArray(results.Select(r => (JsonNode)r).ToArray());
            merged.Add(merge);
        }

        if (merged.Count > MaxRuns)
        {
            notes.Add($"{merged.Count - MaxRuns} run(s) dropped ({string.Join(", ", merged.Skip(MaxRuns).Select(r => r["tool"]!["driver"]!["name"]!.GetValue<string>()))}): code scanning takes {MaxRuns} runs per file");
            merged = merged.Take(MaxRuns).ToList();
        }

        var log = new JsonObject
        {
            ["$schema"] = SarifReportWriter.SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(merged.Select(r => (JsonNode)r).ToArray()),
        };
        return new Outcome(log, notes);
    }

    private static IEnumerable<JsonObject> Runs(string path)
    {
        if (!File.Exists(path))
        {
            throw new CheckInputException($"{path}: SARIF file not found");
        }

        JsonNode? log;
        try
        {
            log = JsonNode.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new CheckInputException($"{path}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): malformed SARIF: {e.Message}", path);
        }

        if (log is not JsonObject root || root["version"]?.GetValueKind() != JsonValueKind.String || root["version"]!.GetValue<string>() != "2.1.0" ||
            root["runs"] is not JsonArray runs)
        {
            throw new CheckInputException($"{path}: not a SARIF 2.1.0 log (the compiler writes one with -p:ErrorLog=file.sarif%2Cversion=2.1)", path);
        }

        return runs.OfType<JsonObject>().Where(r => r["tool"]?["driver"] is JsonObject).ToList();
    }

    private static string ToolName(JsonObject run) => run["tool"]!["driver"]!["name"]?.GetValue<string>() ?? "unknown";

    /// <summary>The run's uriBaseIds as local directories (a relative base is the log's directory's).</summary>
    private static Dictionary<string, string> BaseUris(JsonObject run, string logPath)
    {
        var bases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in run["originalUriBaseIds"] as JsonObject ?? new JsonObject())
        {
            if (value?["uri"]?.GetValue<string>() is { } uri && SourceRoot.LocalPath(uri) is { } local)
            {
                bases[name] = local;
            }
        }

        bases.TryAdd(string.Empty, Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        return bases;
    }

    /// <summary>Every artifact location of the result made relative to the root; returns the primary file and line.</summary>
    private static (string File, int Line)? Relativize(JsonObject result, Dictionary<string, string> bases, SourceRoot root)
    {
        (string, int)? primary = null;
        foreach (var location in new[] { "locations", "relatedLocations" }.SelectMany(name => (result[name] as JsonArray)?.OfType<JsonObject>() ?? Enumerable.Empty<JsonObject>()))
        {
            if (location["physicalLocation"]?["artifactLocation"] is not JsonObject artifact || artifact["uri"]?.GetValue<string>() is not { } uri)
            {
                continue;
            }

            var baseId = artifact["uriBaseId"]?.GetValue<string>();
            string? local = Uri.TryCreate(uri, UriKind.Absolute, out var absolute)
                ? absolute.IsFile ? absolute.LocalPath : null
                : bases.TryGetValue(baseId ?? string.Empty, out var dir) || bases.TryGetValue(string.Empty, out dir) ? Path.GetFullPath(Path.Combine(dir, Uri.UnescapeDataString(uri))) : null;
            if (local == null)
            {
                continue;
            }

            artifact.Remove("index");
            if (root.RelativeUri(local) is { } relative)
            {
                artifact["uri"] = relative;
                artifact["uriBaseId"] = SourceRoot.UriBaseId;
            }
            else
            {
                artifact["uri"] = new Uri(local).AbsoluteUri;
                artifact.Remove("uriBaseId");
            }

            if (primary == null && ReferenceEquals(location, (result["locations"] as JsonArray)?.FirstOrDefault()))
            {
                primary = (local, location["physicalLocation"]?["region"]?["startLine"]?.GetValue<int>() ?? 1);
            }
        }

        return primary;
    }

    /// <summary>The construct the result names (analyzers and check alike), else the key check wrote, else its position and message.</summary>
    private static string KeyOf(JsonObject result, string ruleId, (string File, int Line)? primary, SourceRoot root)
    {
        var file = primary is { } p ? root.Relative(p.File) ?? p.File : string.Empty;
        var custom = result["properties"]?["customProperties"];
        if (custom?[ReportedFindings.ConstructProperty]?.GetValue<string>() is { } id &&
            int.TryParse(custom[ReportedFindings.ConstructLineProperty]?.GetValue<string>(), out var constructLine))
        {
            return FindingKeys.Construct(ruleId, file, constructLine, id);
        }

        if (result["partialFingerprints"]?[FindingKeys.FingerprintName]?.GetValue<string>() is { } existing)
        {
            // Renumbered below, as its writer numbered it.
            return System.Text.RegularExpressions.Regex.Replace(existing, "#[0-9]+$", string.Empty);
        }

        var region = result["locations"]?[0]?["physicalLocation"]?["region"];
        return FindingKeys.Position(ruleId, file, primary?.Line ?? 0, region?["startColumn"]?.GetValue<int>() ?? 0, result["message"]?["text"]?.GetValue<string>() ?? string.Empty);
    }

    private static string? LineHashOf(Dictionary<string, IReadOnlyList<string>?> cache, string file, int line)
    {
        if (!cache.TryGetValue(file, out var lines))
        {
            cache[file] = lines = File.Exists(file) ? LineHash.OfFile(file) : null;
        }

        return lines != null && line >= 1 && line <= lines.Count ? lines[line - 1] : null;
    }

    private static int LevelRank(JsonObject result) => (result["level"]?.GetValue<string>() ?? "warning") switch
    {
        "error" => 0,
        "warning" => 1,
        "note" => 2,
        _ => 3,
    };
}
