using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>Findings point at the C# line that declares the construct id (or the helper call that passes it).</summary>
[TestFixture]
public sealed class SourceMappingTests
{
    private CheckRun.Result _result = null!;

    [OneTimeSetUp]
    public void CheckWholeApp() => _result = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", CheckRun.EditorConfig());

    [TestCase("PL1001", "ComputeStack/WebServer", "ComputeStack.cs", "\"WebServer\"", TestName = "L2 construct: new Instance_(this, \"WebServer\")")]
    [TestCase("PL4001", "ComputeStack/ScratchVolume", "ComputeStack.cs", "\"ScratchVolume\"", TestName = "L2 child Resource maps to the L2 id")]
    [TestCase("PL2002", "ComputeStack/TrainingNode1", "ComputeStack.cs", "$\"TrainingNode{index}\"", TestName = "Id built in a helper loop")]
    [TestCase("PL1003", "EndpointsStack/ClassifierConfig", "EndpointsStack.cs", "\"ClassifierConfig\"", TestName = "Helper call that passes the id")]
    [TestCase("PL4002", "ComputeStack/Storage/JournalVolume", "StorageNestedStack.cs", "\"JournalVolume\"", TestName = "Resource in a nested stack")]
    [TestCase("PL2003", "Prod/SiteStack/SiteBucket", "WebsiteStage.cs", "\"SiteBucket\"", TestName = "Resource in a stage")]
    [TestCase("PL5002", "ScalingStack/LlmScaling/InvocationsTracking", "ScalingStack.cs", "\"InvocationsTracking\"", TestName = "Child created by a method call")]
    public void MapsToTheLineOfTheId(string ruleId, string constructPath, string file, string idText)
    {
        var source = _result.Single(ruleId, constructPath).GetProperty("source");
        var path = Path.Combine(Paths.WholeAppSources, file);
        var (line, column) = Locate(path, idText);
        Assert.That(source.GetProperty("file").GetString(), Is.EqualTo(path));
        Assert.That(source.GetProperty("line").GetInt32(), Is.EqualTo(line));
        Assert.That(source.GetProperty("column").GetInt32(), Is.EqualTo(column));
    }

    [Test]
    public void TemplatePositionIsTheOffendingProperty()
    {
        var finding = _result.Single("PL1001", "ComputeStack/WebServer");
        var template = finding.GetProperty("template");
        var lines = File.ReadAllLines(template.GetProperty("file").GetString()!);
        var text = lines[template.GetProperty("line").GetInt32() - 1];
        Assert.That(text[(template.GetProperty("column").GetInt32() - 1)..], Does.StartWith("\"m4.large\""));
    }

    [Test]
    public void WithoutAProjectFindingsKeepOnlyTheTemplatePosition()
    {
        var result = CheckRun.Json(Synth.WholeAppAssembly, "--editorconfig", CheckRun.EditorConfig());
        Assert.That(result.Findings.All(f => f.GetProperty("source").ValueKind == System.Text.Json.JsonValueKind.Null), Is.True);
        Assert.That(result.Findings, Has.Count.EqualTo(_result.Findings.Count));
    }

    /// <summary>1-based line and column where <paramref name="text"/> starts in the file.</summary>
    private static (int Line, int Column) Locate(string path, string text)
    {
        var lines = File.ReadAllLines(path);
        var hits = lines.Select((l, i) => (Line: i + 1, Column: l.IndexOf(text, StringComparison.Ordinal) + 1)).Where(h => h.Column > 0).ToList();
        Assert.That(hits, Has.Count.EqualTo(1), $"'{text}' once in {path}");
        return hits[0];
    }
}
