using PerfLint.Testing;
using System.Text.RegularExpressions;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// The bundled sample (samples/CdkApp) built, synthesized and checked: every `// expect: PLxxxx` marker there has
/// the finding on that line. PL2001 and PL3001 are marked on the connecting call, which the template does not
/// record; for them the same file is enough.
/// </summary>
[TestFixture]
[Category("Sample")]
public sealed class SampleAppTests
{
    private static readonly HashSet<string> ConnectionRules = new() { "PL2001", "PL3001" };

    [Test]
    public void EveryMarkedProblemIsFoundAtItsLine()
    {
        var sample = Path.Combine(Paths.RepositoryRoot, "samples", "CdkApp");
        var output = Paths.NewScratchDirectory("sample-build");
        var build = ProcessRunner.DotnetBuild(sample, null, "-p:PerfLintSampleOutput=" + output);
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var app = Directory.GetFiles(Path.Combine(output, "bin"), "CdkApp.dll", SearchOption.AllDirectories).Single();
        var assembly = Synth.Run(app, "sample", new Dictionary<string, string> { ["CDK_CONTEXT_JSON"] = CliContext(sample) });

        var result = CheckRun.Json(assembly, "--project", sample);
        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var found = result.Findings
            .Where(f => f.GetProperty("source").ValueKind != System.Text.Json.JsonValueKind.Null)
            .Select(f => (Rule: f.GetProperty("ruleId").GetString()!, File: f.GetProperty("source").GetProperty("file").GetString()!, Line: f.GetProperty("source").GetProperty("line").GetInt32()))
            .ToList();

        var markers = Markers(sample).ToList();
        Assert.That(markers, Is.Not.Empty);
        var missing = markers.Where(m => !found.Any(f => f.Rule == m.Rule && f.File == m.File && (f.Line == m.Line || ConnectionRules.Contains(m.Rule))))
            .Select(m => $"{Path.GetFileName(m.File)}:{m.Line} {m.Rule}").ToList();
        Assert.That(missing, Is.Empty, "marked but not found at the line; found:\n" + string.Join("\n", found.Select(f => $"{Path.GetFileName(f.File)}:{f.Line} {f.Rule}")));
    }

    /// <summary>
    /// The context `cdk synth` hands the app (CDK_CONTEXT_JSON): the `context` of the sample's cdk.json, which picks its
    /// stage and worker types, and the metadata flags the CLI sets.
    /// </summary>
    private static string CliContext(string sample)
    {
        var context = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(sample, "cdk.json")))!["context"]!.AsObject().DeepClone().AsObject();
        context["aws:cdk:enable-path-metadata"] = true;
        context["aws:cdk:enable-asset-metadata"] = true;
        return context.ToJsonString();
    }

    private static IEnumerable<(string Rule, string File, int Line)> Markers(string sample)
    {
        foreach (var file in Directory.EnumerateFiles(sample, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = Regex.Match(lines[i], @"//\s*expect:\s*(PL\d{4}(?:\s*,\s*PL\d{4})*)\s*$");
                if (!marker.Success)
                {
                    continue;
                }

                foreach (var rule in marker.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    yield return (rule, Path.GetFullPath(file), i + 1);
                }
            }
        }
    }
}
