namespace PerfLint.Check.Config;

/// <summary>
/// Collects the .editorconfig values that apply to a C# file in the project directory: every .editorconfig from
/// that directory up to the first with <c>root = true</c>; nearer files and later sections win.
/// </summary>
public static class EditorConfigLoader
{
    /// <summary>The name of the virtual file the settings are computed for (any .cs file of the project).</summary>
    private const string ProbeFile = "PerfLintProbe.cs";

    public static CheckSettings Load(string? projectDirectory, string? explicitFile)
    {
        var files = new List<EditorConfigFile>();
        if (explicitFile != null)
        {
            if (!File.Exists(explicitFile))
            {
                throw new CheckInputException($"{explicitFile}: .editorconfig file not found");
            }

            files.Add(EditorConfigFile.Parse(explicitFile));
        }
        else if (projectDirectory != null)
        {
            for (var dir = new DirectoryInfo(projectDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".editorconfig");
                if (File.Exists(candidate))
                {
                    var parsed = EditorConfigFile.Parse(candidate);
                    files.Insert(0, parsed);
                    if (parsed.IsRoot)
                    {
                        break;
                    }
                }
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var probeDirectory = Path.GetFullPath(projectDirectory ?? Directory.GetCurrentDirectory());
        foreach (var file in files)
        {
            var probe = explicitFile != null
                ? ProbeFile
                : Path.GetRelativePath(file.Directory, Path.Combine(probeDirectory, ProbeFile)).Replace('\\', '/');
            foreach (var section in file.Sections.Where(s => s.Matches(probe)))
            {
                foreach (var (key, value) in section.Values)
                {
                    values[key] = value;
                }
            }
        }

        var settings = new CheckSettings(values);
        settings.Sources.AddRange(files.Select(f => Path.Combine(f.Directory, ".editorconfig")));
        return settings;
    }
}
