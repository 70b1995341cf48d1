namespace PerfLint.Prices;

/// <summary>
/// One key of the .editorconfig chain above a project directory, from the sections that apply to every file
/// (<c>[*]</c>, <c>[*.cs]</c>), nearer files winning; for `perflint knowledge`, which has no full editorconfig reader.
/// `perflint check` uses its own complete loader.
/// </summary>
internal static class EditorConfigValue
{
    public static string? Find(string projectDirectory, string key)
    {
        string? value = null;
        var files = new List<string>();
        for (var dir = new DirectoryInfo(Path.GetFullPath(projectDirectory)); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".editorconfig");
            if (File.Exists(candidate))
            {
                files.Insert(0, candidate);
                if (File.ReadLines(candidate).Any(l => l.Replace(" ", string.Empty).Equals("root=true", StringComparison.OrdinalIgnoreCase)))
                {
                    break;
                }
            }
        }

        foreach (var file in files)
        {
            var applies = false;
            foreach (var raw in File.ReadLines(file))
            {
                var line = raw.Trim();
                if (line.StartsWith('['))
                {
                    applies = line is "[*]" or "[*.cs]" or "[*.{cs,vb}]";
                }
                else if (applies && line.Split('=', 2) is [var k, var v] && k.Trim().Equals(key, StringComparison.OrdinalIgnoreCase))
                {
                    value = v.Trim();
                }
            }
        }

        return value;
    }
}
