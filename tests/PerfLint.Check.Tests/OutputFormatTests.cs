using System.Text.Json;
using PerfLint.Check.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Tests;

/// <summary>SARIF 2.1.0, JSON and text carry the same findings; SARIF has the key structure viewers rely on.</summary>
[TestFixture]
public sealed class OutputFormatTests
{
    private CheckRun.Result _json = null!;
    private JsonElement _sarif;
    private string _editorConfig = null!;

    [OneTimeSetUp]
    public void Run()
    {
        _editorConfig = CheckRun.EditorConfig();
        _json = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", _editorConfig);
        var sarif = CheckRun.Run(Synth.WholeAppAssembly, "--format", "sarif", "--project", Paths.WholeAppSources, "--editorconfig", _editorConfig);
        Assert.That(sarif.ExitCode, Is.Zero, sarif.Stderr);
        _sarif = JsonDocument.Parse(sarif.Stdout).RootElement;
    }

    [Test]
    public void SarifTopLevelAndDriver()
    {
        Assert.That(_sarif.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        Assert.That(_sarif.GetProperty("$schema").GetString(), Does.Contain("sarif-2.1.0"));
        var driver = _sarif.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("PerfLint"));
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.That(rules.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(RuleCatalog.All.Select(r => r.Id)));
        Assert.That(rules.All(r => r.GetProperty("helpUri").GetString()!.EndsWith(r.GetProperty("id").GetString() + ".md")), Is.True);
    }

    [Test]
    public void SarifResultsHaveSourceTemplateAndConstructPath()
    {
        var run = _sarif.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results, Has.Count.EqualTo(_json.Findings.Count));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.That(rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), Is.EqualTo(ruleId));
            Assert.That(result.GetProperty("level").GetString(), Is.AnyOf("warning", "note", "error"));
            Assert.That(result.GetProperty("message").GetProperty("text").GetString(), Is.Not.Empty);
            var locations = result.GetProperty("locations").EnumerateArray().ToList();
            Assert.That(locations, Has.Count.EqualTo(2), "C# (primary) and template");
            var primary = locations[0].GetProperty("physicalLocation");
            // Relative to the repository root (the nearest .git above the project), as code scanning wants.
            Assert.That(primary.GetProperty("artifactLocation").GetProperty("uri").GetString(), Does.StartWith("tests/PerfLint.Check.Tests/Apps/WholeApp/").And.EndWith(".cs"));
            Assert.That(primary.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            Assert.That(primary.GetProperty("region").GetProperty("startLine").GetInt32(), Is.Positive);
            Assert.That(locations[1].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), Does.EndWith(".json"));
            var logical = locations[0].GetProperty("logicalLocations")[0];
            Assert.That(logical.GetProperty("fullyQualifiedName").GetString(), Is.EqualTo(result.GetProperty("properties").GetProperty("constructPath").GetString()));
        }

        Assert.That(results.Select(r => r.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString()),
            Has.Member("EndpointsStack/ClassifierConfig"));
    }

    [Test]
    public void JsonFindingFields()
    {
        var f = _json.Single("PL1003", "EndpointsStack/ClassifierConfig");
        Assert.That(f.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        Assert.That(f.GetProperty("title").GetString(), Is.EqualTo(RuleCatalog.Get("PL1003").Title));
        Assert.That(f.GetProperty("resourceType").GetString(), Is.EqualTo("AWS::SageMaker::EndpointConfig"));
        Assert.That(f.GetProperty("logicalId").GetString(), Is.EqualTo("ClassifierConfig"));
        Assert.That(f.GetProperty("stack").GetString(), Is.EqualTo("EndpointsStack"));
        Assert.That(f.GetProperty("property").GetString(), Is.EqualTo("ProductionVariants[0].InstanceType"));
        Assert.That(_json.Json.GetProperty("formatVersion").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void TextHasCompilerStyleLinesAndSummary()
    {
        var text = CheckRun.Run(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", _editorConfig);
        var lines = text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\.cs\(\d+,\d+\): (warning|info|error) PL\d{4}: ")), Is.EqualTo(_json.Findings.Count));
        Assert.That(lines[^1], Does.StartWith("perflint check: 5 templates").And.Contain($"{_json.Findings.Count} findings"));
    }

    [Test]
    public void MsBuildFormatIsOneCanonicalLinePerFinding()
    {
        var result = CheckRun.Run(Synth.WholeAppAssembly, "--format", "msbuild", "--project", Paths.WholeAppSources, "--editorconfig", _editorConfig);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(_json.Findings.Count), "no summary, no template lines");
        Assert.That(lines.All(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^/.+\.(cs|json)\(\d+,\d+\): PerfLint (warning|info|error) PL\d{4}: .+ \[.+\]$")), Is.True, result.Stdout);
        Assert.That(lines, Has.Some.Match(@"^/.+/\w+\.cs\(\d+,\d+\): PerfLint warning PL1003: .+ \[EndpointsStack/ClassifierConfig\]$"));
    }

    [Test]
    public void OutputFileGetsTheReport()
    {
        var file = Path.Combine(Paths.NewScratchDirectory("out"), "r.sarif");
        var result = CheckRun.Run(Synth.WholeAppAssembly, "--format", "sarif", "--output", file, "--editorconfig", _editorConfig);
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
    }
}
