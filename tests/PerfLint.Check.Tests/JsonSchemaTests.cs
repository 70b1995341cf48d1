using System.Text.Json;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>The JSON output has exactly the keys docs/schemas/check-results.schema.json requires (it allows no others).</summary>
[TestFixture]
public sealed class JsonSchemaTests
{
    [Test]
    public void OutputKeysMatchTheSchema()
    {
        var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.RepositoryRoot, "docs", "schemas", "check-results.schema.json"))).RootElement;
        var output = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", CheckRun.EditorConfig()).Json;

        AssertKeys(output, schema);
        AssertKeys(output.GetProperty("summary"), schema.GetProperty("properties").GetProperty("summary"));
        var finding = schema.GetProperty("$defs").GetProperty("finding");
        var position = schema.GetProperty("$defs").GetProperty("position");
        var findings = output.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(findings, Is.Not.Empty);
        foreach (var f in findings)
        {
            AssertKeys(f, finding);
            AssertKeys(f.GetProperty("template"), position);
            if (f.GetProperty("source").ValueKind != JsonValueKind.Null)
            {
                AssertKeys(f.GetProperty("source"), position);
            }

            Assert.That(finding.GetProperty("properties").GetProperty("severity").GetProperty("enum").EnumerateArray().Select(e => e.GetString()),
                Has.Member(f.GetProperty("severity").GetString()));
        }
    }

    private static void AssertKeys(JsonElement value, JsonElement schema)
    {
        var required = schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.That(value.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(required));
    }
}
