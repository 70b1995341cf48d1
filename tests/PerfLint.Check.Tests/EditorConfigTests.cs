using PerfLint.Check.Config;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>.editorconfig severities and options drive the template rules and the exit code.</summary>
[TestFixture]
public sealed class EditorConfigTests
{
    private static CheckRun.Result CheckWith(params string[] lines) =>
        CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", CheckRun.EditorConfig(lines));

    [Test]
    public void ErrorSeverityFailsTheCheck()
    {
        var result = CheckWith("dotnet_diagnostic.PL4002.severity = error");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Single("PL4002", "ComputeStack/Storage/JournalVolume").GetProperty("severity").GetString(), Is.EqualTo("error"));
    }

    [Test]
    public void FailOnWarning()
    {
        var editorConfig = CheckRun.EditorConfig();
        Assert.That(CheckRun.Json(Synth.WholeAppAssembly, "--editorconfig", editorConfig, "--fail-on", "warning").ExitCode, Is.EqualTo(1));
        Assert.That(CheckRun.Json(Synth.WholeAppAssembly, "--editorconfig", editorConfig, "--fail-on", "never").ExitCode, Is.Zero);
    }

    [Test]
    public void NoneDropsTheRule()
    {
        var result = CheckWith("dotnet_diagnostic.PL4001.severity = none");
        Assert.That(result.FindingsOf("PL4001"), Is.Empty);
        Assert.That(result.FindingsOf("PL4002"), Is.Not.Empty);
    }

    [Test]
    public void CategorySeverity()
    {
        var result = CheckWith("dotnet_analyzer_diagnostic.category-Performance.Scaling.severity = error");
        Assert.That(result.FindingsOf("PL5003").Select(f => f.GetProperty("severity").GetString()), Is.EqualTo(new[] { "error", "error" }));
        Assert.That(result.FindingsOf("PL4001").First().GetProperty("severity").GetString(), Is.EqualTo("warning"));
    }

    [Test]
    public void DisabledByDefaultRuleTurnedOn()
    {
        var result = CheckWith("dotnet_diagnostic.PL1005.severity = suggestion");
        Assert.That(result.FindingsOf("PL1005").Select(f => f.GetProperty("resourceType").GetString()), Has.Member("AWS::Lambda::Function"));
        Assert.That(result.FindingsOf("PL1005").All(f => f.GetProperty("severity").GetString() == "info"), Is.True);
    }

    [Test]
    public void AllowedFamiliesOption()
    {
        var result = CheckWith("PL1001.allowed_families = m4, p3");
        Assert.That(result.FindingsOf("PL1001"), Is.Empty, result.Summary);
    }

    [Test]
    public void ExampleValuesOption()
    {
        Assert.That(CheckWith("PL5002.example_values = 100").FindingsOf("PL5002"), Is.Empty);
        Assert.That(CheckWith("PL5002.example_values = 50, 70").FindingsOf("PL5002"), Has.Count.EqualTo(1));
    }

    [Test]
    public void ProjectChainNearestWinsAndRootStops()
    {
        // outer/.editorconfig (root) -> outer/app/.editorconfig; a file above the root is never read.
        var top = Paths.NewScratchDirectory("chain");
        var outer = Directory.CreateDirectory(Path.Combine(top, "outer")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(outer, "app")).FullName;
        File.WriteAllText(Path.Combine(top, ".editorconfig"), "[*]\ndotnet_diagnostic.PL4002.severity = none\n");
        File.WriteAllText(Path.Combine(outer, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.PL4001.severity = error\ndotnet_diagnostic.PL5003.severity = error\n[*.py]\ndotnet_diagnostic.PL1001.severity = none\n");
        File.WriteAllText(Path.Combine(app, ".editorconfig"), "[*.{cs,vb}]\ndotnet_diagnostic.PL5003.severity = suggestion # nearer file wins\n");
        var settings = EditorConfigLoader.Load(app, null);
        Assert.That(settings.Effective("PL4001", Knowledge.Rules.RuleSeverity.Warning), Is.EqualTo(Knowledge.Rules.RuleSeverity.Error));
        Assert.That(settings.Effective("PL5003", Knowledge.Rules.RuleSeverity.Warning), Is.EqualTo(Knowledge.Rules.RuleSeverity.Info));
        Assert.That(settings.Effective("PL4002", Knowledge.Rules.RuleSeverity.Warning), Is.EqualTo(Knowledge.Rules.RuleSeverity.Warning), "above root=true");
        Assert.That(settings.Effective("PL1001", Knowledge.Rules.RuleSeverity.Warning), Is.EqualTo(Knowledge.Rules.RuleSeverity.Warning), "[*.py] does not apply to C#");
    }

    [Test]
    public void GlobalConfigAppliesEverywhereBelowTheEditorConfig()
    {
        // .globalconfig (is_global = true) applies to every file regardless of directory and root = true; an
        // .editorconfig setting of the same key wins over it (compiler precedence).
        var top = Paths.NewScratchDirectory("global");
        var app = Directory.CreateDirectory(Path.Combine(top, "app")).FullName;
        File.WriteAllText(Path.Combine(top, ".globalconfig"), "is_global = true\ndotnet_diagnostic.PL4001.severity = error\ndotnet_diagnostic.PL5003.severity = error\n");
        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.PL5003.severity = none\n");
        var settings = EditorConfigLoader.Load(app, null);
        Assert.That(settings.Effective("PL4001", Knowledge.Rules.RuleSeverity.Warning), Is.EqualTo(Knowledge.Rules.RuleSeverity.Error));
        Assert.That(settings.Effective("PL5003", Knowledge.Rules.RuleSeverity.Warning), Is.Null);
    }

    // The section applies to a C# file of the project directory (the directory under the .editorconfig).
    [TestCase("*.cs", "src", true)]
    [TestCase("*.py", "", false)]
    [TestCase("**.cs", "a/b", true)]
    [TestCase("src/*.cs", "src", true)]
    [TestCase("src/*.cs", "lib/src", false)]
    [TestCase("*.{cs,vb}", "", true)]
    [TestCase("*", "any", true)]
    [TestCase("[!P]*.cs", "", false)]
    // EditorConfig spec: {num1..num2} matches any integer between num1 and num2.
    [TestCase("src{1..3}/*.cs", "src2", true)]
    [TestCase("src{1..3}/*.cs", "src4", false)]
    // EditorConfig spec: {s1,s2} braces can be nested, and each choice is itself a glob.
    [TestCase("*.{c{s,sx},vb}", "", true)]
    [TestCase("{Perf*.cs,*.vb}", "", true)]
    [TestCase("{Other*.cs,*.vb}", "", false)]
    public void SectionMatching(string section, string projectSubdirectory, bool applies)
    {
        var top = Paths.NewScratchDirectory("glob");
        var project = Directory.CreateDirectory(Path.Combine(top, projectSubdirectory)).FullName;
        File.WriteAllText(Path.Combine(top, ".editorconfig"), $"root = true\n[{section}]\ndotnet_diagnostic.PL4001.severity = error\n");
        var severity = EditorConfigLoader.Load(project, null).Effective("PL4001", Knowledge.Rules.RuleSeverity.Warning);
        Assert.That(severity == Knowledge.Rules.RuleSeverity.Error, Is.EqualTo(applies));
    }
}
