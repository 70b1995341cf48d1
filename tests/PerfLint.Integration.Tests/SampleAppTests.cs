using PerfLint.Integration.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Integration.Tests;

/// <summary>
/// The README's main job: `dotnet build samples/CdkApp` must report exactly the diagnostics the sample marks with
/// `// expect: PLxxxx` — every marked one on its line, and no other PerfLint diagnostic anywhere.
/// </summary>
[TestFixture]
public sealed class SampleAppTests
{
    private SampleBuild _build = null!;

    [OneTimeSetUp]
    public void BuildSample()
    {
        _build = SampleBuild.Instance;
        Assert.That(_build.Result.ExitCode, Is.Zero, "dotnet build samples/CdkApp failed:\n" + _build.Result.Tail());
        Assert.That(File.Exists(_build.SarifPath), Is.True, "no SARIF log was written:\n" + _build.Result.Tail());
    }

    [Test]
    public void Sample_marks_at_least_one_diagnostic_for_every_rule()
    {
        var marked = ExpectMarkers.Read(Repository.SampleDirectory).Select(e => e.RuleId).ToHashSet();
        var unmarked = RuleCatalog.All.Select(r => r.Id).Where(id => !marked.Contains(id)).ToList();
        Assert.That(unmarked, Is.Empty, "rules with no `// expect:` marker in samples/CdkApp");
    }

    [Test]
    public void Build_reports_exactly_the_marked_diagnostics()
    {
        var expected = ExpectMarkers.Read(Repository.SampleDirectory).ToHashSet();
        var actual = _build.Sarif.PerfLintResults
            .Select(r => new ExpectedDiagnostic(r.FilePath == null ? "<no location>" : ExpectMarkers.Relative(Repository.SampleDirectory, r.FilePath), r.Line, r.RuleId))
            .ToHashSet();
        var messages = _build.Sarif.PerfLintResults.ToLookup(r => (r.Line, r.RuleId), r => r.Message);

        var missing = expected.Except(actual).OrderBy(e => e.ToString(), StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected).OrderBy(e => e.ToString(), StringComparer.Ordinal)
            .Select(e => e + ": " + string.Join(" | ", messages[(e.Line, e.RuleId)]))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "marked with `// expect:` but not reported:\n" + string.Join("\n", missing));
            Assert.That(unexpected, Is.Empty, "reported but not marked:\n" + string.Join("\n", unexpected));
        });
    }

    [Test]
    public void No_analyzer_crashed_or_failed_to_load()
    {
        // AD0001: an analyzer threw; CS8032/CS8033: an analyzer assembly or type could not be loaded.
        var failures = _build.Sarif.Results.Where(r => r.RuleId is "AD0001" or "CS8032" or "CS8033" or "CS8034")
            .Select(r => r.RuleId + ": " + r.Message).ToList();
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Warnings_show_in_the_build_output_and_do_not_fail_the_build()
    {
        var warnings = _build.Sarif.PerfLintResults.Where(r => r.Level == "warning").ToList();
        Assert.That(warnings, Is.Not.Empty, "the sample has warning-level findings (gp2, previous generation)");
        var lines = _build.Result.Output.Split('\n');
        Assert.Multiple(() =>
        {
            foreach (var warning in warnings)
            {
                // MSBuild's canonical form: /path/File.cs(line,column): warning PL4001: message
                var shown = lines.Any(l => l.Contains(Path.GetFileName(warning.FilePath!) + "(" + warning.Line + ",", StringComparison.Ordinal) &&
                                           l.Contains("warning " + warning.RuleId + ":", StringComparison.Ordinal));
                Assert.That(shown, Is.True, $"{warning.RuleId} on line {warning.Line} is in the SARIF log but not in the build output");
            }
        });
    }

    [Test]
    public void Sarif_log_is_version_2_1_0_with_the_PerfLint_rules_and_their_help_links()
    {
        var sarif = _build.Sarif;
        Assert.That(sarif.Version, Is.EqualTo("2.1.0"));

        var rules = sarif.Rules.Where(r => r.Id.StartsWith("PL", StringComparison.Ordinal)).ToDictionary(r => r.Id);
        var reported = sarif.PerfLintResults.Select(r => r.RuleId).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        Assert.That(reported, Is.EquivalentTo(RuleCatalog.All.Select(r => r.Id)), "the sample hits every rule, so every rule is in the log");
        Assert.Multiple(() =>
        {
            foreach (var id in reported)
            {
                Assert.That(rules.ContainsKey(id), Is.True, id + " has results but no rule descriptor");
                if (rules.TryGetValue(id, out var rule))
                {
                    Assert.That(rule.HelpUri, Is.EqualTo(RuleCatalog.GetHelpUri(id)), id + " helpUri");
                    Assert.That(rule.ShortDescription, Is.EqualTo(RuleCatalog.Get(id).Title), id + " title");
                }
            }
        });
    }
}
