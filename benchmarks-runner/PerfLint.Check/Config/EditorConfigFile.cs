using System.Text.RegularExpressions;

namespace PerfLint.Check.Config;

/// <summary>
/// One parsed .editorconfig: <c>root = true</c> and its sections in order. Keys are lower-cased (Roslyn does the
/// same), values keep their case. Comments start with <c>#</c> or <c>;</c>.
/// </summary>
public sealed class EditorConfigFile
{
    private EditorConfigFile(string directory, bool isRoot, List<EditorConfigSection> sections)
    {
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
    }

    public string Directory { get; }

    public bool IsRoot { get; }

    public IReadOnlyList<EditorConfigSection> Sections { get; }

    public static EditorConfigFile Parse(string path)
    {
        var sections = new List<EditorConfigSection>();
        var isRoot = false;
        EditorConfigSection? current = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                continue;
            }

            if (line[0] == '[' && line.EndsWith(']'))
            {
                current = new EditorConfigSection(line[1..^1]);
                sections.Add(current);
                continue;
            }

            var eq = line.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }

            var key = line[..eq].Trim().ToLowerInvariant();
            var value = StripInlineComment(line[(eq + 1)..]).Trim();
            if (current == null)
            {
                // Only "root" is meaningful before the first section.
                isRoot |= key == "root" && value.Equals("true", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                current.Values[key] = value;
            }
        }

        return new EditorConfigFile(Path.GetDirectoryName(Path.GetFullPath(path))!, isRoot, sections);
    }

    private static string StripInlineComment(string value)
    {
        // " # " and " ; " start a comment; a bare '#' inside a value (e.g. a color) does not.
        var m = Regex.Match(value, @"\s[#;]");
        return m.Success ? value[..m.Index] : value;
    }
}

/// <summary>A <c>[glob]</c> section and its key/value pairs.</summary>
public sealed class EditorConfigSection
{
    private readonly Regex _matcher;

    public EditorConfigSection(string glob)
    {
        Glob = glob;
        _matcher = new Regex("^" + GlobToRegex(glob) + "$", RegexOptions.CultureInvariant);
    }

    public string Glob { get; }

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Does the section apply to <paramref name="relativePath"/> (forward slashes, relative to the file's directory)?</summary>
    public bool Matches(string relativePath)
    {
        // A glob without '/' matches the file name in any directory (EditorConfig spec).
        var subject = Glob.Contains('/') ? relativePath : relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return _matcher.IsMatch(subject);
    }

    private static string GlobToRegex(string glob)
    {
        if (glob.StartsWith('/'))
        {
            glob = glob[1..];
        }

        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    sb.Append(".*");
                    i++;
                    break;
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '{':
                    var close = glob.IndexOf('}', i);
                    if (close < 0)
                    {
                        sb.Append("\\{");
                        break;
                    }

                    var alternatives = glob[(i + 1)..close].Split(',').Select(Regex.Escape);
                    sb.Append("(?:").Append(string.Join('|', alternatives)).Append(')');
                    i = close;
                    break;
                case '[':
                    var end = glob.IndexOf(']', i);
                    if (end < 0)
                    {
                        sb.Append("\\[");
                        break;
                    }

                    var set = glob[(i + 1)..end];
                    sb.Append('[').Append(set.StartsWith('!') ? "^" + set[1..] : set).Append(']');
                    i = end;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.ToString();
    }
}
