using System.Text.Json.Nodes;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// Mutated real templates (values swapped for other JSON kinds and for malformed intrinsic functions) must never
/// crash the checker: every run ends with exit code 0 or 1 and a parseable report.
/// </summary>
[TestFixture]
public sealed class FuzzTests
{
    private static readonly Func<Random, JsonNode?>[] Replacements =
    {
        _ => null,
        r => JsonValue.Create(r.Next(-5, 100000)),
        _ => JsonValue.Create("m4.large"),
        _ => JsonValue.Create(""),
        _ => new JsonArray(1, "x", null),
        _ => new JsonObject(),
        _ => new JsonObject { ["Ref"] = new JsonArray() },
        _ => new JsonObject { ["Fn::GetAtt"] = 5 },
        _ => new JsonObject { ["Fn::Join"] = new JsonArray("", "not-a-list") },
        _ => new JsonObject { ["Fn::Select"] = new JsonArray(99, new JsonObject { ["Fn::GetAZs"] = "" }) },
        _ => new JsonObject { ["Fn::Sub"] = new JsonArray("${A}${B.C}${!D}", "not-a-map") },
        _ => new JsonObject { ["Fn::ImportValue"] = new JsonObject { ["Fn::ImportValue"] = "loop" } },
        _ => new JsonObject { ["Fn::FindInMap"] = new JsonArray("M", 1) },
        _ => new JsonObject { ["Fn::Split"] = new JsonArray("", "abc") },
    };

    [Test]
    public void MutatedTemplatesNeverCrash()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 40; round++)
        {
            var copy = Paths.NewScratchDirectory("fuzz");
            CopyDirectory(Synth.WholeAppAssembly, copy);
            foreach (var template in Directory.GetFiles(copy, "*.template.json", SearchOption.AllDirectories))
            {
                var root = JsonNode.Parse(File.ReadAllText(template))!;
                var values = Walk(root).ToList();
                for (var m = 0; m < 25 && values.Count > 0; m++)
                {
                    var (parent, key) = values[random.Next(values.Count)];
                    var replacement = Replacements[random.Next(Replacements.Length)](random);
                    if (parent is JsonObject o && key is string name)
                    {
                        o[name] = replacement;
                    }
                    else if (parent is JsonArray a && key is int index && index < a.Count)
                    {
                        a[index] = replacement;
                    }

                    values = Walk(root).ToList();
                }

                File.WriteAllText(template, root.ToJsonString());
            }

            var result = CheckRun.Json(copy, "--editorconfig", CheckRun.EditorConfig("dotnet_diagnostic.PL1005.severity = suggestion"));
            Assert.That(result.ExitCode, Is.AnyOf(0, 1), $"round {round}: {result.Stderr}");
            Assert.That(result.Json.GetProperty("findings").GetArrayLength(), Is.GreaterThanOrEqualTo(0));
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>Every (container, key) whose value can be replaced, inside Resources and Outputs.</summary>
    private static IEnumerable<(JsonNode Parent, object Key)> Walk(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    yield return (o, name);
                    if (child != null)
                    {
                        foreach (var inner in Walk(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, i);
                    if (a[i] != null)
                    {
                        foreach (var inner in Walk(a[i]!))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
