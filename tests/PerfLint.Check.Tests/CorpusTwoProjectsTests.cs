using System.Text.RegularExpressions;
using PerfLint.Check.Mapping;
using PerfLint.Check.Tests.Infrastructure;
using PerfLint.Testing;

namespace PerfLint.Check.Tests;

/// <summary>
/// A custom construct library in a second project (Apps/Corpus/TwoProjects: App references Library by
/// ProjectReference). The library's construct creates the resource, so its finding lands in the library's file, not
/// on the app's `new ArchiveStore(stack, "Archive")`.
/// </summary>
[TestFixture]
public sealed class CorpusTwoProjectsTests
{
    private string _root = null!;

    private string App => Path.Combine(_root, "App");

    [OneTimeSetUp]
    public void CreateApps()
    {
        _root = Paths.NewScratchDirectory("corpus-two-projects");
        SynthProject.CopyCorpusApp("TwoProjects", _root);
        SynthProject.WriteProject(App, "App", """<ProjectReference Include="..\Library\Library.csproj" />""");
        File.WriteAllText(Path.Combine(_root, ".editorconfig"), "root = true\n");
    }

    [Test]
    public void TheIndexReadsTheReferencedProjectsSources()
    {
        var site = CSharpSourceIndex.Build(App).Find("ArchiveStack/Archive/Volume");
        Assert.That(site?.FilePath, Is.EqualTo(Path.Combine(_root, "Library", "ArchiveStore.cs")));
    }

    [Test]
    public void TheSourcesAreTheProjectsAndItsReferencesTransitively()
    {
        var root = Paths.NewScratchDirectory("project-sources");
        Directory.CreateDirectory(Path.Combine(root, "app"));
        Directory.CreateDirectory(Path.Combine(root, "lib"));
        Directory.CreateDirectory(Path.Combine(root, "core"));
        Directory.CreateDirectory(Path.Combine(root, "unrelated"));
        // Both spellings real projects use: a relative path with backslashes, and one from $(MSBuildThisFileDirectory).
        File.WriteAllText(Path.Combine(root, "app", "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="..\lib\Lib.csproj" /></ItemGroup></Project>
            """);
        File.WriteAllText(Path.Combine(root, "lib", "Lib.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="$(MSBuildThisFileDirectory)../core/Core.csproj" /><ProjectReference Include="$(Unknown)/x.csproj" /></ItemGroup></Project>
            """);
        File.WriteAllText(Path.Combine(root, "core", "Core.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="../app/App.csproj" /></ItemGroup></Project>
            """);
        File.WriteAllText(Path.Combine(root, "unrelated", "Other.csproj"), "<Project />");
        Assert.That(ProjectSources.Directories(Path.Combine(root, "app")),
            Is.EqualTo(new[] { Path.Combine(root, "app"), Path.Combine(root, "lib"), Path.Combine(root, "core") }));
    }

    [Test]
    public void TheFindingLandsInTheLibrarysFile()
    {
        var build = ProcessRunner.DotnetBuild(App, null, "-p:PerfLintSynth=true");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        // Hand-computed: ArchiveStore.cs line 11, the column of "gp2".
        var expected = Path.Combine(_root, "Library", "ArchiveStore.cs") + "(11,118): PerfLint warning PL4001: gp2 volume";
        Assert.That(Regex.Matches(BuildOutput.Events(build.Output), Regex.Escape(expected)).Count, Is.EqualTo(1), build.Output);
        Assert.That(Regex.Matches(BuildOutput.Events(build.Output), "PerfLint warning ").Count, Is.EqualTo(1), build.Output);
    }
}
