namespace PerfLint.Bench.Tests;

/// <summary>Paths of the repository and of build outputs the tests run (same configuration as this test assembly).</summary>
internal static class RepoPaths
{
    public static string Root => PerfLint.Testing.RepositoryRoot.Path;

    /// <summary>Debug or Release, read from this assembly's output path (bin/&lt;cfg&gt;/net10.0).</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string RunnerDll => Existing(Path.Combine(Root, "benchmarks-runner", "PerfLint.Runner", "bin", Configuration, "net10.0", "perflint.dll"));
    public static string FaultServerDll => Existing(Path.Combine(Root, "samples", "serving", "FaultServer", "bin", Configuration, "net10.0", "FaultServer.dll"));
    public static string TasksTargets => Existing(Path.Combine(Root, "tasks", "PerfLint.Tasks", "bin", Configuration, "netstandard2.0", "build", "PerfLint.targets"));
    public static string RequestImage => Existing(Path.Combine(Root, "samples", "serving", "request.jpg"));

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the test project (it builds its dependencies).");
}
