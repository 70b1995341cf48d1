using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>Findings point at the C# line that declares the construct id (or the helper call that passes it).</summary>
[TestFixture]
public sealed class SourceMappingTests
{
    private CheckRun.Result _result = null!;

    [OneTimeSetUp]
    public void CheckWholeApp() => _result = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", CheckRun.EditorConfig());

    // Where the construct's creation writes the offending prop, the finding points at its value; else at the id.
    [TestCase("PL1001", "ComputeStack/WebServer", "ComputeStack.cs", "InstanceType = new Amazon.CDK.AWS.EC2.InstanceType(config.WebInstanceType)", "new Amazon.CDK.AWS.EC2.InstanceType(config.WebInstanceType)", TestName = "L2 construct: the InstanceType prop of new Instance_(this, \"WebServer\")")]
    [TestCase("PL4001", "ComputeStack/ScratchVolume", "ComputeStack.cs", "\"ScratchVolume\"", "\"ScratchVolume\"", TestName = "L2 default: no prop written, so the id")]
    [TestCase("PL2002", "ComputeStack/TrainingNode1", "ComputeStack.cs", "InstanceType = \"p3.8xlarge\"", "\"p3.8xlarge\"", TestName = "Id built in a helper loop")]
    [TestCase("PL1003", "EndpointsStack/ClassifierConfig", "EndpointsStack.cs", "NewEndpointConfig(\"ClassifierConfig\"", "\"ClassifierConfig\"", TestName = "Helper call that passes the id")]
    [TestCase("PL4002", "ComputeStack/Storage/JournalVolume", "StorageNestedStack.cs", "VolumeType = \"io1\"", "\"io1\"", TestName = "Resource in a nested stack")]
    [TestCase("PL2003", "Prod/SiteStack/SiteBucket", "WebsiteStage.cs", "WebsiteIndexDocument", "\"index.html\"", TestName = "Resource in a stage: the L2 prop that makes the website")]
    [TestCase("PL4001", "EndpointsStack/ModelCache", "EndpointsStack.cs", "\"ModelCache\"", "\"gp2\"", TestName = "Same id in two stacks (1): the EndpointsStack class")]
    [TestCase("PL4002", "ScalingStack/ModelCache", "ScalingStack.cs", "\"ModelCache\"", "\"io1\"", TestName = "Same id in two stacks (2): the ScalingStack class")]
    [TestCase("PL5002", "ScalingStack/LlmScaling/InvocationsTracking", "ScalingStack.cs", "TargetValue = 70", "70", TestName = "Child created by a method call")]
    public void MapsToTheValueOrTheId(string ruleId, string constructPath, string file, string lineText, string valueText)
    {
        var source = _result.Single(ruleId, constructPath).GetProperty("source");
        var path = Path.Combine(Paths.WholeAppSources, file);
        var line = LineOf(path, lineText);
        var column = File.ReadAllLines(path)[line - 1].IndexOf(valueText, StringComparison.Ordinal) + 1;
        Assert.That(source.GetProperty("file").GetString(), Is.EqualTo(path));
        Assert.That((source.GetProperty("line").GetInt32(), source.GetProperty("column").GetInt32()), Is.EqualTo((line, column)));
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

    /// <summary>1-based line of the only line that contains <paramref name="text"/>.</summary>
    private static int LineOf(string path, string text)
    {
        var hits = File.ReadAllLines(path).Select((l, i) => (Line: i + 1, Text: l)).Where(h => h.Text.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.That(hits, Has.Count.EqualTo(1), $"'{text}' once in {path}");
        return hits[0].Line;
    }
}
