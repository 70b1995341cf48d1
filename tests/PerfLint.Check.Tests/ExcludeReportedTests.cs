using System.Text.Json;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>A finding the Roslyn analyzers already reported (same rule, same C# file and line) is not repeated.</summary>
[TestFixture]
public sealed class ExcludeReportedTests
{
    [Test]
    public void SameRuleAtSameLineIsDropped()
    {
        var editorConfig = CheckRun.EditorConfig();
        var before = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", editorConfig);
        var source = before.Single("PL1003", "EndpointsStack/ClassifierConfig").GetProperty("source");
        var file = source.GetProperty("file").GetString()!;
        var line = source.GetProperty("line").GetInt32();
        // What the compiler writes with -p:ErrorLog=build.sarif%2Cversion=2.1 (one result reported, one other rule at the same line).
        var sarif = Path.Combine(Paths.NewScratchDirectory("sarif"), "build.sarif");
        File.WriteAllText(sarif, $$"""
        { "version": "2.1.0", "runs": [ { "results": [
          { "ruleId": "PL1003", "level": "warning", "message": { "text": "x" }, "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{new Uri(file).AbsoluteUri}}" }, "region": { "startLine": {{line}}, "startColumn": 1 } } } ] },
          { "ruleId": "PL1001", "level": "warning", "message": { "text": "y" }, "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "{{new Uri(file).AbsoluteUri}}" }, "region": { "startLine": {{line}}, "startColumn": 1 } } } ] }
        ] } ] }
        """);

        var after = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", editorConfig, "--exclude-reported", sarif);
        Assert.That(after.FindingsOf("PL1003"), Is.Empty);
        Assert.That(after.Findings, Has.Count.EqualTo(before.Findings.Count - 1));
        Assert.That(after.Json.GetProperty("summary").GetProperty("excludedAsReported").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void ConnectionRuleWithTheAnalyzersMessageElsewhereInTheFileIsDropped()
    {
        // The analyzers report PL3001 on the connecting call and name constructs by id; the template checker reports
        // at the function's environment with construct paths. The message (from the shared knowledge base) tells.
        var editorConfig = CheckRun.EditorConfig();
        var file = Path.Combine(Paths.WholeAppSources, "ComputeStack.cs");
        const string message = "Lambda function 'OrdersApi' connects straight to 'OrdersDb' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections";
        const string other = "Lambda function 'ReportsApi' connects straight to 'OrdersDb' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections";
        var sarif = Path.Combine(Paths.NewScratchDirectory("sarif"), "build.sarif");
        File.WriteAllText(sarif, JsonSerializer.Serialize(new
        {
            version = "2.1.0",
            runs = new[]
            {
                new
                {
                    results = new[] { message, other }.Select(text => new
                    {
                        ruleId = "PL3001",
                        message = new { text },
                        locations = new[] { new { physicalLocation = new { artifactLocation = new { uri = new Uri(file).AbsoluteUri }, region = new { startLine = 1 } } } },
                    }),
                },
            },
        }));

        var result = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", editorConfig, "--exclude-reported", sarif);
        Assert.That(result.FindingsOf("PL3001"), Is.Empty);
        Assert.That(result.Json.GetProperty("summary").GetProperty("excludedAsReported").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void MissingSarifIsBadInput()
    {
        var result = CheckRun.Json(Synth.WholeAppAssembly, "--exclude-reported", Path.Combine(Paths.RunDirectory, "none.sarif"));
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr, Does.Contain("none.sarif"));
    }
}
