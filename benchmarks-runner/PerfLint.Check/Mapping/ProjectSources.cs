using System.Xml.Linq;

namespace PerfLint.Check.Mapping;

/// <summary>
/// The directories whose C# files build a project's constructs: the project's own, and those of the projects it
/// references (<c>&lt;ProjectReference Include="../Constructs/Constructs.csproj" /&gt;</c>), transitively. A construct
/// library in a second project creates its resources in its own files, so mapping must see them.
/// </summary>
public static class ProjectSources
{
    public static IReadOnlyList<string> Directories(string projectDirectory)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        pending.Enqueue(Path.GetFullPath(projectDirectory));
        while (pending.Count > 0)
        {
            var directory = pending.Dequeue();
            if (!seen.Add(directory) || !Directory.Exists(directory))
            {
                continue;
            }

            result.Add(directory);
            foreach (var project in Directory.EnumerateFiles(directory, "*.csproj"))
            {
                foreach (var referenced in References(project))
                {
                    pending.Enqueue(referenced);
                }
            }
        }

        return result;
    }

    /// <summary>The directories of a project file's ProjectReference items; items whose path needs other MSBuild properties are skipped.</summary>
    private static IEnumerable<string> References(string projectFile)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectFile);
        }
        catch (System.Xml.XmlException)
        {
            // A project file that does not parse adds no sources; the project's own directory is still indexed.
            yield break;
        }

        var directory = Path.GetDirectoryName(projectFile)!;
        foreach (var item in document.Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
        {
            var include = item.Attribute("Include")?.Value;
            if (string.IsNullOrWhiteSpace(include))
            {
                continue;
            }

            foreach (var one in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var path = one.Replace("$(MSBuildThisFileDirectory)", directory + "/", StringComparison.OrdinalIgnoreCase)
                              .Replace("$(MSBuildProjectDirectory)", directory, StringComparison.OrdinalIgnoreCase)
                              .Replace('\\', '/');
                if (!path.Contains("$(", StringComparison.Ordinal))
                {
                    yield return Path.GetDirectoryName(Path.GetFullPath(Path.Combine(directory, path)))!;
                }
            }
        }
    }
}
