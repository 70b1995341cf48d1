using PerfLint.Testing;
using PerfLint.Integration.Tests.Infrastructure;

namespace PerfLint.Integration.Tests;

/// <summary>
/// Builds the analyzer side (Knowledge, Analyzers, CodeFixes) once per test run, in the test assembly's
/// configuration, so every test reads current analyzer assemblies. Usually a no-op after the solution build.
/// In the tests' root namespace: NUnit runs a SetUpFixture for its namespace and those below it.
/// </summary>
[SetUpFixture]
public sealed class AnalyzerBuild
{
    internal static ProcessResult? Result { get; private set; }

    [OneTimeSetUp]
    public void BuildAnalyzers()
    {
        Result = ProcessRunner.Dotnet(Repository.Root, TimeSpan.FromMinutes(4), null,
            "build", Repository.ProjectPath("analyzers/PerfLint.CodeFixes/PerfLint.CodeFixes.csproj"),
            "-c", Repository.Configuration, "-nologo", "-v", "q");
        Assert.That(Result.ExitCode, Is.Zero, "building the analyzers failed:\n" + Result.Tail());
        foreach (var assembly in Repository.AnalyzerAssemblies)
        {
            Assert.That(File.Exists(assembly), Is.True, assembly + " was not built");
        }
    }
}
