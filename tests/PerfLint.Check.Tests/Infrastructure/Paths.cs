using System.Reflection;

namespace PerfLint.Check.Tests.Infrastructure;

/// <summary>Where the repository, the built runner/tasks and the test CDK apps are.</summary>
public static class Paths
{
    public static string RepositoryRoot => PerfLint.Testing.RepositoryRoot.Path;

    public static string Configuration => PerfLint.Testing.RepositoryRoot.Configuration;

    public static string WholeAppAssembly => Metadata("WholeAppAssembly");

    public static string CdkProvidersAssembly => Metadata("CdkProvidersAssembly");

    public static string WholeAppSources => Path.Combine(RepositoryRoot, "tests", "PerfLint.Check.Tests", "Apps", "WholeApp");

    public static string RunnerAssembly => PerfLint.Testing.RepositoryRoot.RunnerAssembly;

    public static string AnalyzersAssembly => PerfLint.Testing.RepositoryRoot.Combine("analyzers", "PerfLint.Analyzers", "bin", Configuration, "netstandard2.0", "PerfLint.Analyzers.dll");

    public static string KnowledgeAssembly => PerfLint.Testing.RepositoryRoot.Combine("analyzers", "PerfLint.Knowledge", "bin", Configuration, "netstandard2.0", "PerfLint.Knowledge.dll");

    public static string TasksTargets => PerfLint.Testing.RepositoryRoot.TasksTargets;

    /// <summary>One scratch directory per test run; <see cref="TestRunCleanup"/> deletes it.</summary>
    public static string RunDirectory { get; } = Directory.CreateTempSubdirectory("perflint-check-tests-").FullName;

    public static string NewScratchDirectory(string name) => Directory.CreateDirectory(Path.Combine(RunDirectory, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
