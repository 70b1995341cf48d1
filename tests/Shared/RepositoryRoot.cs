namespace PerfLint.Testing;

/// <summary>The checkout the tests run from: the folder above the test assembly that holds PerfLint.sln. Linked into every test project.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PerfLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PerfLint.sln not found above " + AppContext.BaseDirectory);
    }
}
