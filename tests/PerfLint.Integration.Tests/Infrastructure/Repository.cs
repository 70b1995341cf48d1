namespace PerfLint.Integration.Tests.Infrastructure;

/// <summary>Where the repository and its build outputs are, seen from the test assembly.</summary>
internal static class Repository
{
    public static string Root => PerfLint.Testing.RepositoryRoot.Path;

    /// <summary>The configuration this test assembly was built in; the analyzers are built (and read) in the same one.</summary>
    public static string Configuration => PerfLint.Testing.RepositoryRoot.Configuration;

    public static string SampleDirectory => Path.Combine(Root, "samples", "CdkApp");

    public static string ProjectPath(string relative) => Path.Combine(Root, relative);

    /// <summary>Output of an analyzer-side project (netstandard2.0) of this repository.</summary>
    public static string AnalyzerAssembly(string project) =>
        Path.Combine(Root, "analyzers", project, "bin", Configuration, "netstandard2.0", project + ".dll");

    /// <summary>
    /// Whether this machine builds and uses the analyzers' precompiled images (analyzers/ReadyToRun.targets,
    /// PerfLint.ReadyToRun.targets): linux-x64 only.
    /// </summary>
    public static bool ReadyToRunApplies => OperatingSystem.IsLinux() &&
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;

    /// <summary>The precompiled image the build makes beside an analyzer assembly of this repository.</summary>
    public static string ReadyToRunImage(string analyzerAssembly) =>
        Path.Combine(Path.GetDirectoryName(analyzerAssembly)!, "readytorun", "linux-x64", Path.GetFileName(analyzerAssembly));

    public static IReadOnlyList<string> AnalyzerAssemblies { get; } = new[]
    {
        AnalyzerAssembly("PerfLint.Knowledge"),
        AnalyzerAssembly("PerfLint.Analyzers"),
        AnalyzerAssembly("PerfLint.CodeFixes"),
    };
}
