namespace PerfLint.Check.Sarif;

/// <summary>
/// The directory SARIF URIs are relative to (<c>uriBaseId</c> <c>%SRCROOT%</c>, the repository root code scanning
/// checks out): <c>--srcroot</c>, else the nearest directory with a <c>.git</c> at or above the start, else the start.
/// </summary>
public sealed class SourceRoot
{
    public const string UriBaseId = "%SRCROOT%";

    private SourceRoot(string directory) => Directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));

    public string Directory { get; }

    public static SourceRoot Find(string? explicitRoot, string start)
    {
        if (explicitRoot != null)
        {
            if (!System.IO.Directory.Exists(explicitRoot))
            {
                throw new CheckInputException($"{explicitRoot}: --srcroot directory not found");
            }

            return new SourceRoot(explicitRoot);
        }

        var full = Path.GetFullPath(start);
        for (var dir = new DirectoryInfo(System.IO.Directory.Exists(full) ? full : Path.GetDirectoryName(full)!); dir != null; dir = dir.Parent)
        {
            if (System.IO.Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return new SourceRoot(dir.FullName);
            }
        }

        return new SourceRoot(System.IO.Directory.Exists(full) ? full : Path.GetDirectoryName(full)!);
    }

    /// <summary>The root as the <c>originalUriBaseIds</c> entry wants it: an absolute file URI ending in a slash.</summary>
    public string Uri => new System.Uri(Directory + Path.DirectorySeparatorChar).AbsoluteUri;

    /// <summary>The path relative to the root with forward slashes, or null when it is outside the root.</summary>
    public string? Relative(string path)
    {
        var relative = Path.GetRelativePath(Directory, Path.GetFullPath(path));
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The relative path as a URI reference (each segment escaped), or null when outside the root.</summary>
    public string? RelativeUri(string path) =>
        Relative(path) is { } relative ? string.Join('/', relative.Split('/').Select(System.Uri.EscapeDataString)) : null;

    /// <summary>A file path or file URI as a local path (null for other schemes).</summary>
    public static string? LocalPath(string pathOrUri) =>
        System.Uri.TryCreate(pathOrUri, UriKind.Absolute, out var uri) ? uri.IsFile ? uri.LocalPath : null : Path.GetFullPath(pathOrUri);
}
