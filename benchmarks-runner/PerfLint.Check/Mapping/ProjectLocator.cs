namespace PerfLint.Check.Mapping;

/// <summary>Finds the C# project of a cloud assembly: the nearest directory at or above it that holds a *.csproj.</summary>
public static class ProjectLocator
{
    public static string? FindProjectDirectory(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir != null; dir = dir.Parent)
        {
            if (dir.Exists && dir.EnumerateFiles("*.csproj").Any())
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
