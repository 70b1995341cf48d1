namespace PerfLint.AnalyzerBenchmarks.Generation;

/// <summary>Which kind of project the generator writes.</summary>
public enum ProjectKind
{
    /// <summary>A CDK v2 app: stacks of constructs (Lambda, EC2, RDS, ElastiCache, SageMaker, S3/CloudFront).</summary>
    Cdk,

    /// <summary>The same amount of ordinary C# (no CDK reference): PerfLint must bail out at compilation start.</summary>
    Plain,
}

/// <summary>A generated project: its source files (relative path -> text) and how to write it as an SDK project.</summary>
public sealed class GeneratedProject
{
    public GeneratedProject(ProjectKind kind, IReadOnlyDictionary<string, string> sources)
    {
        Kind = kind;
        Sources = sources;
    }

    public ProjectKind Kind { get; }

    public IReadOnlyDictionary<string, string> Sources { get; }

    public static GeneratedProject Create(ProjectKind kind, int files) =>
        kind == ProjectKind.Cdk ? CdkProjectGenerator.Generate(files) : PlainProjectGenerator.Generate(files);

    /// <summary>
    /// Writes the project. The PerfLint analyzers are added only when the build passes <c>-p:PerfLint=true</c>, so one
    /// folder builds both ways. <paramref name="analyzerTargets"/>, when given, is imported with them: the package's
    /// PerfLint.ReadyToRun.targets, which hands the compiler the precompiled images where the package would.
    /// </summary>
    public string WriteTo(string directory, IReadOnlyList<string> analyzerAssemblies, string? analyzerTargets = null)
    {
        Directory.CreateDirectory(directory);
        foreach (var (path, text) in Sources)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        // -p:PerfLintAdmitAll=true builds with every body admitted (no syntax gates): what the gates save.
        File.WriteAllText(Path.Combine(directory, "admit-all.globalconfig"), "is_global = true\nperflint_diagnostics_admit_all_bodies = true\n");
        var analyzers = string.Join(Environment.NewLine, analyzerAssemblies.Select(a => $"    <Analyzer Include=\"{a}\" />"));
        var import = analyzerTargets == null ? string.Empty : $"""  <Import Project="{analyzerTargets}" Condition="'$(PerfLint)' == 'true'" />""";
        var cdk = Kind == ProjectKind.Cdk ? "    <PackageReference Include=\"Amazon.CDK.Lib\" Version=\"2.160.0\" />" : string.Empty;
        var project = Path.Combine(directory, "Generated.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
            {cdk}
              </ItemGroup>
              <ItemGroup Condition="'$(PerfLint)' == 'true'">
            {analyzers}
              </ItemGroup>
              <ItemGroup Condition="'$(PerfLintAdmitAll)' == 'true'">
                <GlobalAnalyzerConfigFiles Include="admit-all.globalconfig" />
              </ItemGroup>
            {import}
            </Project>
            """);
        return project;
    }
}
