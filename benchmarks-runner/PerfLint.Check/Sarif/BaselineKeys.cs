using System.Text.Json;

namespace PerfLint.Check.Sarif;

/// <summary>`--baseline old.sarif`: the finding keys (<see cref="FindingKeys"/>) of an earlier check or merged log.</summary>
public static class BaselineKeys
{
    public static IReadOnlySet<string> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CheckInputException($"{path}: baseline SARIF file not found");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!doc.RootElement.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                throw new CheckInputException($"{path}: not a SARIF log (no runs)", path);
            }

            foreach (var run in runs.EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    if (result.TryGetProperty("partialFingerprints", out var fingerprints) && fingerprints.ValueKind == JsonValueKind.Object &&
                        fingerprints.TryGetProperty(FindingKeys.FingerprintName, out var key) && key.ValueKind == JsonValueKind.String)
                    {
                        keys.Add(key.GetString()!);
                    }
                }
            }
        }
        catch (JsonException e)
        {
            throw new CheckInputException($"{path}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): malformed SARIF: {e.Message}", path);
        }

        return keys;
    }
}
