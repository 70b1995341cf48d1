using System.Reflection;
using System.Text.RegularExpressions;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Prices;

/// <summary>The knowledge base's embedded data files and their description in Data/SOURCES.md (embedded in this assembly).</summary>
internal static partial class EmbeddedData
{
    private static readonly Assembly Knowledge = typeof(InstanceCatalog).Assembly;

    /// <summary>Data rows of an embedded CSV file (header and empty lines not counted).</summary>
    public static int Rows(string file)
    {
        using var stream = Knowledge.GetManifestResourceStream("PerfLint.Knowledge.Data." + file);
        if (stream == null)
        {
            return 0;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Skip(1).Count(l => l.Trim().Length > 0);
    }

    /// <summary>SOURCES.md's "Gathered ..." sentence.</summary>
    public static string SourcesGathered() =>
        Sources().Split('\n').Select(l => Gathered().Match(l)).FirstOrDefault(m => m.Success)?.Value.TrimEnd('.') ?? "see Data/SOURCES.md";

    /// <summary>The rows of SOURCES.md's first table (the data files): file, what, source.</summary>
    public static IEnumerable<(string File, string What, string Source)> Files()
    {
        var inTable = false;
        foreach (var line in Sources().Split('\n'))
        {
            if (!line.TrimStart().StartsWith('|'))
            {
                if (inTable)
                {
                    yield break; // the first table ends; later tables (storage figures) are not file rows
                }

                continue;
            }

            inTable = true;
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length == 3 && cells[0] != "file" && !cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                yield return (cells[0], cells[1], cells[2].Replace("**", string.Empty));
            }
        }
    }

    private static string Sources()
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream("PerfLint.Prices.SOURCES.md");
        return stream == null ? string.Empty : new StreamReader(stream).ReadToEnd();
    }

    [GeneratedRegex(@"Gathered \d{4}-\d{2}-\d{2}(, revised \d{4}-\d{2}-\d{2})?")]
    private static partial Regex Gathered();
}
