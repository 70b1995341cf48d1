using PerfLint.Testing;

namespace PerfLint.Analyzers.Tests.Gating;

/// <summary>Every C# source of this repository (analyzers, tasks, runner, samples, tests): real code for property tests.</summary>
internal static class RepositoryCorpus
{
    public static List<string> Sources() =>
        new[] { "analyzers", "tasks", "benchmarks-runner", "samples", "tests" }
            .Select(d => Path.Combine(RepositoryRoot.Path, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
}
