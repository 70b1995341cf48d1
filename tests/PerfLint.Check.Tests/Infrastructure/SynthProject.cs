namespace PerfLint.Check.Tests.Infrastructure;

/// <summary>
/// A CDK app project that imports PerfLint's built targets (not the package) and names the built runner: what the
/// MSBuild tests build with <c>-p:PerfLintSynth=true</c>.
/// </summary>
public static class SynthProject
{
    /// <summary>The apps under Apps/Corpus: real project layouts, copied into a scratch directory by the tests.</summary>
    public static string CorpusApps => Path.Combine(Paths.RepositoryRoot, "tests", "PerfLint.Check.Tests", "Apps", "Corpus");

    public static void Write(string directory, string name, string program, bool withAnalyzers = false)
    {
        WriteProject(directory, name, withAnalyzers: withAnalyzers);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
    }

    /// <summary>
    /// The project file alone; <paramref name="items"/> is extra ItemGroup content (a ProjectReference);
    /// <paramref name="withAnalyzers"/>: the analyzer assemblies as the package wires them (run by the compiler, never referenced by the app).
    /// </summary>
    public static void WriteProject(string directory, string name, string items = "", bool withAnalyzers = false)
    {
        var analyzers = withAnalyzers
            ? $"""
                <Analyzer Include="{Paths.KnowledgeAssembly}" />
                <Analyzer Include="{Paths.AnalyzersAssembly}" />
              """
            : string.Empty;
        Assert.That(File.Exists(Paths.TasksTargets), Is.True, "PerfLint.Tasks is built with the test project");
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
                <PerfLintRunnerPath>{Paths.RunnerAssembly}</PerfLintRunnerPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
                {items}
                {analyzers}
              </ItemGroup>
              <Import Project="{Paths.TasksTargets}" />
            </Project>
            """);
    }

    /// <summary>Copies the files of Apps/Corpus/<paramref name="app"/> (folders kept) into <paramref name="destination"/>.</summary>
    public static void CopyCorpusApp(string app, string destination)
    {
        var source = Path.Combine(CorpusApps, app);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
