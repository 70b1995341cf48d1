using System.Globalization;
using System.Text.Json;

namespace PerfLint.Bench.Utilization;

/// <summary>
/// Parses `docker|podman stats --no-stream --format json`: podman prints a JSON array with cpu_percent / mem_usage,
/// docker one object per line with CPUPerc / MemUsage. Values look like "12.5%" and "120.3MiB / 7.6GiB".
/// </summary>
public static class StatsParsing
{
    public static (double? CpuPercent, double? MemoryMiB) Parse(string output)
    {
        foreach (var element in Objects(output))
        {
            double? cpu = null, mem = null;
            foreach (var prop in element.EnumerateObject())
            {
                var key = prop.Name.ToLowerInvariant().Replace("_", "");
                if (prop.Value.ValueKind != JsonValueKind.String && prop.Value.ValueKind != JsonValueKind.Number) continue;
                var text = prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString()! : prop.Value.GetRawText();
                if (key is "cpupercent" or "cpuperc" or "cpu") cpu ??= Percent(text);
                else if (key is "memusage") mem ??= MiB(text.Split('/')[0]);
            }
            if (cpu != null || mem != null) return (cpu, mem);
        }
        return (null, null);
    }

    private static IEnumerable<JsonElement> Objects(string output)
    {
        var trimmed = output.Trim();
        if (trimmed.Length == 0) yield break;
        var docs = new List<JsonDocument>();
        try
        {
            if (trimmed.StartsWith('['))
                docs.Add(JsonDocument.Parse(trimmed));
            else
                foreach (var line in trimmed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    docs.Add(JsonDocument.Parse(line));
        }
        catch (JsonException)
        {
            yield break;
        }
        foreach (var doc in docs)
        {
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
                foreach (var e in doc.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)) yield return e;
            else if (doc.RootElement.ValueKind == JsonValueKind.Object)
                yield return doc.RootElement;
        }
    }

    internal static double? Percent(string text) =>
        double.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>"120.3MiB", "12.5MB", "1.2GB", "512kB", "300B" -> MiB.</summary>
    internal static double? MiB(string text)
    {
        var t = text.Trim();
        var i = 0;
        while (i < t.Length && (char.IsDigit(t[i]) || t[i] == '.')) i++;
        if (!double.TryParse(t[..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        var factor = t[i..].Trim().ToLowerInvariant() switch
        {
            "" or "b" => 1.0,
            "kb" => 1e3, "kib" => 1024.0,
            "mb" => 1e6, "mib" => 1024.0 * 1024,
            "gb" => 1e9, "gib" => 1024.0 * 1024 * 1024,
            "tb" => 1e12, "tib" => 1024.0 * 1024 * 1024 * 1024,
            _ => double.NaN,
        };
        return double.IsNaN(factor) ? null : value * factor / (1024.0 * 1024);
    }
}
