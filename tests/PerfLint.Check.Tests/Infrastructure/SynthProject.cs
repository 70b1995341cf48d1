namespace PerfLint.Check.Tests.Infrastructure;

/// <summary>
/// A CDK app project that imports PerfLint's built targets (not the package) and names the built runner: what the
/// MSBuild tests build with <c>-p:PerfLintSynth=true</c>.
/// </summary>
public static class SynthProject
{
    public static void Write(string directory, string name, string program, bool withAnalyzers = false)
    {
        // The analyzer assemblies as the package wires them: run by the compiler, never referenced by the app.
        var analyzers = withAnalyzers
            ? $"""
              <ItemGroup>
                <Analyzer Include="{Paths.KnowledgeAssembly}" />
                <Analyzer Include="{Paths.AnalyzersAssembly}" />
              </ItemGroup>
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
              </ItemGroup>
            {analyzers}
              <Import Project="{Paths.TasksTargets}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
    }
}
