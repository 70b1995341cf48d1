namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>The checkout the tests run from (the folder that holds PerfLint.sln).</summary>
internal static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PerfLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PerfLint.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
