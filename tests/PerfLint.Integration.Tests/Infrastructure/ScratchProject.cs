using PerfLint.Testing;
namespace PerfLint.Integration.Tests.Infrastructure;

/// <summary>
/// A copy of one of the small projects under Projects/ in a temp folder, with a project file that references the
/// repository's analyzer assemblies the way the NuGet package does (as &lt;Analyzer&gt; items, nothing referenced,
/// and the package's PerfLint.ReadyToRun.targets, which hands the compiler their precompiled images on linux-x64).
/// </summary>
internal sealed class ScratchProject : IDisposable
{
    private readonly TempDirectory _directory;

    private ScratchProject(string name, bool referenceCdk)
    {
        _directory = new TempDirectory("perflint-" + name.ToLowerInvariant());
        var source = Path.Combine(TestContext.CurrentContext.TestDirectory, "Projects", name);
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*.cs"))
        {
            File.Copy(file, Path.Combine(_directory.Path, Path.GetFileName(file)));
        }

        ProjectFile = Path.Combine(_directory.Path, name + ".csproj");
        File.WriteAllText(ProjectFile, ProjectXml(referenceCdk));
    }

    public string Directory => _directory.Path;

    public string ProjectFile { get; }

    public string SarifPath => Path.Combine(_directory.Path, "out.sarif");

    public static ScratchProject Copy(string name, bool referenceCdk) => new(name, referenceCdk);

    public string Read(string file) => File.ReadAllText(Path.Combine(_directory.Path, file));

    /// <summary>`dotnet build` with a SARIF 2.1 error log; extra arguments go last.</summary>
    public ProcessResult Build(params string[] extra) => Build(null, extra);

    /// <summary>As <see cref="Build(string[])"/>, with environment variables for the build's processes.</summary>
    public ProcessResult Build(IReadOnlyDictionary<string, string>? environment, params string[] extra) =>
        ProcessRunner.Dotnet(_directory.Path, TimeSpan.FromMinutes(4), environment,
            new[] { "build", ProjectFile, "-nologo", "-p:ErrorLog=" + SarifPath + "%2Cversion=2.1" }.Concat(extra).ToArray());

    public void Dispose() => _directory.Dispose();

    private static string ReadyToRunTargets => Repository.ProjectPath("tasks/PerfLint.Tasks/build/PerfLint.ReadyToRun.targets");

    private static string ProjectXml(bool referenceCdk)
    {
        var analyzers = string.Join(Environment.NewLine,
            Repository.AnalyzerAssemblies.Select(a => $"    <Analyzer Include=\"{a}\" />"));
        var cdk = referenceCdk ? "    <PackageReference Include=\"Amazon.CDK.Lib\" Version=\"2.160.0\" />" : string.Empty;
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <!-- Amazon.CDK.Lib 2.160.0 asks for a Constructs version that is not served; NuGet takes the next one. -->
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
            {cdk}
              </ItemGroup>
              <ItemGroup>
            {analyzers}
              </ItemGroup>
              <Import Project="{ReadyToRunTargets}" />
            </Project>
            """;
    }
}
