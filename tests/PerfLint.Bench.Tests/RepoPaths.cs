namespace PerfLint.Bench.Tests;

/// <summary>Paths of the repository and of build outputs the tests run (same configuration as this test assembly).</summary>
internal static class RepoPaths
{
    public static string Root => PerfLint.Testing.RepositoryRoot.Path;

    public static string Configuration => PerfLint.Testing.RepositoryRoot.Configuration;

    public static string RunnerDll => Existing(PerfLint.Testing.RepositoryRoot.RunnerAssembly);
    public static string FaultServerDll => Existing(Path.Combine(Root, "samples", "serving", "FaultServer", "bin", Configuration, "net10.0", "FaultServer.dll"));
    public static string TasksTargets => Existing(PerfLint.Testing.RepositoryRoot.TasksTargets);
    public static string RequestImage => Existing(Path.Combine(Root, "samples", "serving", "request.jpg"));

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the test project (it builds its dependencies).");
}
