using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PerfLint.Check.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Tests;

/// <summary>
/// `perflint check --format sarif` and `perflint sarif merge` for code scanning (issue 21, item 2): rule metadata,
/// %SRCROOT%-relative URIs, fingerprints, automationDetails, one run per tool, each finding once, the result limit,
/// and a merged file that the SARIF 2.1.0 schema accepts.
/// </summary>
[TestFixture]
public sealed class CodeScanningSarifTests
{
    private string _editorConfig = null!;
    private string _checkLog = null!;
    private JsonElement _run;

    [OneTimeSetUp]
    public void CheckToSarif()
    {
        _editorConfig = CheckRun.EditorConfig();
        _checkLog = Path.Combine(Paths.NewScratchDirectory("sarif"), "check.sarif");
        var result = CheckRun.Run(Synth.WholeAppAssembly, "--format", "sarif", "-o", _checkLog, "--project", Paths.WholeAppSources,
            "--editorconfig", _editorConfig, "--srcroot", Paths.RepositoryRoot);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        _run = JsonDocument.Parse(File.ReadAllText(_checkLog)).RootElement.GetProperty("runs")[0];
    }

    [Test]
    public void RulesCarryCodeScanningMetadata()
    {
        var rule = _run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "PL4001");
        Assert.That(rule.GetProperty("shortDescription").GetProperty("text").GetString(), Is.EqualTo("Use gp3 instead of gp2"));
        Assert.That(rule.GetProperty("fullDescription").GetProperty("text").GetString(), Does.StartWith("gp3 gives a baseline that does not depend on size"));
        Assert.That(rule.GetProperty("help").GetProperty("markdown").GetString(),
            Does.StartWith("**Use gp3 instead of gp2**\n\n").And.EndWith("[PL4001 documentation](https://github.com/perflint/perflint/blob/main/docs/rules/PL4001.md)"));
        Assert.That(rule.GetProperty("helpUri").GetString(), Is.EqualTo("https://github.com/perflint/perflint/blob/main/docs/rules/PL4001.md"));
        Assert.That(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Is.EqualTo("warning"));
        var properties = rule.GetProperty("properties");
        Assert.That(properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "performance", "aws-cdk", "Performance.Storage" }));
        Assert.That(properties.GetProperty("precision").GetString(), Is.EqualTo("high"));
        Assert.That(properties.GetProperty("problem.severity").GetString(), Is.EqualTo("warning"));
        var pl2001 = _run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "PL2001");
        Assert.That(pl2001.GetProperty("properties").GetProperty("problem.severity").GetString(), Is.EqualTo("recommendation"), "an info rule");
    }

    [Test]
    public void UrisAreRelativeToTheSourceRoot()
    {
        Assert.That(_run.GetProperty("automationDetails").GetProperty("id").GetString(), Is.EqualTo("perflint/"));
        Assert.That(_run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(),
            Is.EqualTo(new Uri(Paths.RepositoryRoot.TrimEnd('/') + "/").AbsoluteUri));
        var classifier = Result("PL1003", "EndpointsStack/ClassifierConfig");
        var artifact = classifier.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.That(artifact.GetProperty("uri").GetString(), Is.EqualTo("tests/PerfLint.Check.Tests/Apps/WholeApp/EndpointsStack.cs"));
        Assert.That(artifact.GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
    }

    [Test]
    public void ResultsHaveTheLineHashAndTheFindingKey()
    {
        foreach (var result in _run.GetProperty("results").EnumerateArray())
        {
            var fingerprints = result.GetProperty("partialFingerprints");
            Assert.That(fingerprints.GetProperty("primaryLocationLineHash").GetString(), Does.Match("^[0-9a-f]{1,16}:[1-9][0-9]*$"));
            Assert.That(fingerprints.GetProperty("perflintFindingKey/v1").GetString(), Does.StartWith(result.GetProperty("ruleId").GetString() + "|"));
        }

        var classifier = Result("PL1003", "EndpointsStack/ClassifierConfig");
        var line = File.ReadAllLines(Path.Combine(Paths.WholeAppSources, "EndpointsStack.cs")).ToList().FindIndex(l => l.Contains("\"ClassifierConfig\"")) + 1;
        Assert.That(classifier.GetProperty("partialFingerprints").GetProperty("perflintFindingKey/v1").GetString(),
            Is.EqualTo($"PL1003|tests/PerfLint.Check.Tests/Apps/WholeApp/EndpointsStack.cs:{line}|\"ClassifierConfig\""));
    }

    [Test]
    public void MergeFoldsCompilerLogsAndCheckIntoOneRunPerToolEachFindingOnce()
    {
        var dir = Paths.NewScratchDirectory("merge");
        var classifier = Result("PL1003", "EndpointsStack/ClassifierConfig");
        var custom = classifier.GetProperty("properties").GetProperty("customProperties");
        var file = Path.Combine(Paths.WholeAppSources, "EndpointsStack.cs");
        // Two projects' compiler logs: the analyzers reported ClassifierConfig's PL1003 (in both: a shared file), and a compiler warning.
        for (var i = 0; i < 2; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"p{i}.sarif"), JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["$schema"] = "http://json.schemastore.org/sarif-2.1.0",
                ["version"] = "2.1.0",
                ["runs"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["tool"] = new { driver = new { name = "Microsoft (R) Visual C# Compiler", version = "4.14.0", rules = new object[] { new { id = "PL1003" }, new { id = "CS0168" } } } },
                        ["results"] = new object[]
                        {
                            new
                            {
                                ruleId = "PL1003", ruleIndex = 0, level = "warning", message = new { text = "image and accelerator disagree" },
                                locations = new[] { new { physicalLocation = new { artifactLocation = new { uri = new Uri(file).AbsoluteUri }, region = new { startLine = custom.GetProperty("PerfLintConstructLine").GetString() is { } l ? int.Parse(l) : 0, startColumn = 5 } } } },
                                properties = new { customProperties = new Dictionary<string, string> { ["PerfLintConstruct"] = custom.GetProperty("PerfLintConstruct").GetString()!, ["PerfLintConstructLine"] = custom.GetProperty("PerfLintConstructLine").GetString()! } },
                            },
                            new
                            {
                                ruleId = "CS0168", ruleIndex = 1, level = "warning", message = new { text = $"The variable 'x{i}' is declared but never used" },
                                locations = new[] { new { physicalLocation = new { artifactLocation = new { uri = new Uri(file).AbsoluteUri }, region = new { startLine = 1, startColumn = 1 } } } },
                            },
                        },
                        ["columnKind"] = "utf16CodeUnits",
                    },
                },
            }));
        }

        var merged = Path.Combine(dir, "merged.sarif");
        var stderr = new StringWriter();
        var exit = Runner.Program.RunAsync(Runner.Program.CreateRoot(),
            new[] { "sarif", "merge", Path.Combine(dir, "p0.sarif"), Path.Combine(dir, "p1.sarif"), _checkLog, "-o", merged, "--category", "perflint-app", "--srcroot", Paths.RepositoryRoot },
            new StringWriter(), stderr).GetAwaiter().GetResult();
        Assert.That(exit, Is.Zero, stderr.ToString());

        var log = JsonNode.Parse(File.ReadAllText(merged))!;
        var runs = log["runs"]!.AsArray();
        Assert.That(runs.Select(r => r!["tool"]!["driver"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Microsoft (R) Visual C# Compiler", "PerfLint" }));
        var compiler = runs[0]!["results"]!.AsArray();
        Assert.That(compiler.Select(r => r!["ruleId"]!.GetValue<string>()), Is.EqualTo(new[] { "PL1003", "CS0168", "CS0168" }), "PL1003 once; the two distinct CS0168 both");
        var perflint = runs[1]!["results"]!.AsArray();
        Assert.That(perflint, Has.Count.EqualTo(_run.GetProperty("results").GetArrayLength() - 1), "the analyzers' PL1003 stands for the template's");
        Assert.That(perflint.Any(r => r!["properties"]!["constructPath"]!.GetValue<string>() == "EndpointsStack/ClassifierConfig" && r["ruleId"]!.GetValue<string>() == "PL1003"), Is.False);
        Assert.That(stderr.ToString(), Does.Contain("Microsoft (R) Visual C# Compiler: 1 result(s) already reported (same finding key) left out"));
        Assert.That(stderr.ToString(), Does.Contain("PerfLint: 1 result(s) already reported (same finding key) left out"));
        foreach (var run in runs)
        {
            Assert.That(run!["automationDetails"]!["id"]!.GetValue<string>(), Is.EqualTo("perflint-app/"));
            foreach (var result in run["results"]!.AsArray())
            {
                var artifact = result!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
                Assert.That(artifact["uriBaseId"]!.GetValue<string>(), Is.EqualTo("%SRCROOT%"));
                Assert.That(artifact["uri"]!.GetValue<string>(), Does.Not.StartWith("file:"));
                Assert.That(result["partialFingerprints"]!["primaryLocationLineHash"], Is.Not.Null);
            }
        }

        var rules = runs[0]!["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.That(rules.Select(r => r!["id"]!.GetValue<string>()), Is.EqualTo(new[] { "PL1003", "CS0168" }), "rules united by id");

        var schema = JsonSchema.FromFile(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "sarif-2.1.0.json"));
        var evaluation = schema.Evaluate(JsonDocument.Parse(File.ReadAllText(merged)).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(schema.Evaluate(JsonDocument.Parse("""{ "version": "2.1.0" }""").RootElement).IsValid, Is.False, "the schema is applied: runs is required");
        Assert.That(evaluation.IsValid, Is.True, string.Join("\n", (evaluation.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null).Select(d => d.InstanceLocation + ": " + string.Join("; ", d.Errors!.Values))));
    }

    [Test]
    public void MergeKeepsTheMostSevereUnderTheResultLimit()
    {
        var outcome = Sarif.SarifMerge.Merge(new[] { _checkLog }, Sarif.SourceRoot.Find(Paths.RepositoryRoot, Paths.RepositoryRoot), "perflint", maxResultsPerRun: 2);
        var results = outcome.Log["runs"]![0]!["results"]!.AsArray();
        var total = _run.GetProperty("results").GetArrayLength();
        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(results.Select(r => r!["level"]!.GetValue<string>()), Is.All.EqualTo("warning"), "notes go before warnings");
        Assert.That(outcome.Notes, Has.Member($"PerfLint: {total - 2} of {total} results dropped (code scanning takes 2 per run; the least severe went first)"));
    }

    [Test]
    public void MergeRefusesWhatIsNotSarif21()
    {
        var dir = Paths.NewScratchDirectory("merge-bad");
        var v1 = Path.Combine(dir, "v1.sarif");
        File.WriteAllText(v1, """{ "version": "1.0.0", "runLogs": [] }""");
        var stderr = new StringWriter();
        var exit = Runner.Program.RunAsync(Runner.Program.CreateRoot(), new[] { "sarif", "merge", v1, "-o", Path.Combine(dir, "out.sarif") }, new StringWriter(), stderr).GetAwaiter().GetResult();
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Is.EqualTo($"perflint sarif merge: {v1}: not a SARIF 2.1.0 log (the compiler writes one with -p:ErrorLog=file.sarif%2Cversion=2.1){Environment.NewLine}"));
    }

    private JsonElement Result(string ruleId, string constructPath) =>
        _run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == ruleId &&
                                                                 r.GetProperty("properties").GetProperty("constructPath").GetString() == constructPath);
}
