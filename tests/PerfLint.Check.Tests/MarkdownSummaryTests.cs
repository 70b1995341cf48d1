using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// `perflint check --format markdown` (issue 21, item 3): counts by severity, each finding with a repository-relative
/// file:line link and its fix line; with `--baseline`, the findings the baseline lacks come first as new.
/// </summary>
[TestFixture]
public sealed class MarkdownSummaryTests
{
    [Test]
    public void CountsLinksAndFixes()
    {
        var editorConfig = CheckRun.EditorConfig();
        var json = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", editorConfig);
        var md = CheckRun.Run(Synth.WholeAppAssembly, "--format", "markdown", "--project", Paths.WholeAppSources, "--editorconfig", editorConfig, "--srcroot", Paths.RepositoryRoot);
        Assert.That(md.ExitCode, Is.Zero, md.Stderr);
        var lines = md.Stdout.Split(Environment.NewLine);
        Assert.That(lines[0], Is.EqualTo("## PerfLint check"));
        var warnings = json.Findings.Count(f => f.GetProperty("severity").GetString() == "warning");
        var infos = json.Findings.Count(f => f.GetProperty("severity").GetString() == "info");
        Assert.That(lines, Has.Member($"| warning | {warnings} |").And.Member($"| info | {infos} |").And.Member("| error | 0 |"));
        Assert.That(lines, Has.Member("### Findings"));

        var data = json.Single("PL4001", "ComputeStack/ScratchVolume");
        var line = data.GetProperty("source").GetProperty("line").GetInt32();
        var entry = Array.FindIndex(lines, l => l.Contains("`ComputeStack/ScratchVolume`") && l.StartsWith("- **PL4001**", StringComparison.Ordinal));
        Assert.That(entry, Is.Not.Negative, md.Stdout);
        Assert.That(lines[entry], Does.StartWith($"- **PL4001** warning · [tests/PerfLint.Check.Tests/Apps/WholeApp/{Path.GetFileName(data.GetProperty("source").GetProperty("file").GetString())}:{line}](tests/PerfLint.Check.Tests/Apps/WholeApp/"));
        Assert.That(lines[entry + 1], Does.StartWith("  Fix: ").And.EndWith("[Use gp3 instead of gp2](https://github.com/perflint/perflint/blob/main/docs/rules/PL4001.md)"));
    }

    [Test]
    public void BaselineListsTheNewFindingsFirst()
    {
        var editorConfig = CheckRun.EditorConfig();
        var dir = Paths.NewScratchDirectory("baseline");
        // The baseline was taken with PL4001 off: its findings are the new ones now.
        var baseline = Path.Combine(dir, "old.sarif");
        var old = CheckRun.Run(Synth.WholeAppAssembly, "--format", "sarif", "-o", baseline, "--project", Paths.WholeAppSources,
            "--editorconfig", CheckRun.EditorConfig("dotnet_diagnostic.PL4001.severity = none"), "--srcroot", Paths.RepositoryRoot);
        Assert.That(old.ExitCode, Is.Zero, old.Stderr);
        var json = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", editorConfig);
        var added = json.FindingsOf("PL4001").Count;
        Assert.That(added, Is.Positive);

        var md = CheckRun.Run(Synth.WholeAppAssembly, "--format", "markdown", "--project", Paths.WholeAppSources, "--editorconfig", editorConfig,
            "--srcroot", Paths.RepositoryRoot, "--baseline", baseline);
        Assert.That(md.ExitCode, Is.Zero, md.Stderr);
        var lines = md.Stdout.Split(Environment.NewLine).ToList();
        Assert.That(lines, Has.Member($"{json.Findings.Count} findings in {json.Json.GetProperty("summary").GetProperty("templates").GetInt32()} templates, {json.Json.GetProperty("summary").GetProperty("resources").GetInt32()} resources; {added} new since the baseline."));
        var start = lines.IndexOf("### New findings");
        var end = lines.IndexOf("### Already in the baseline");
        Assert.That(start, Is.Positive.And.LessThan(end));
        var entries = lines.Skip(start).Take(end - start).Where(l => l.StartsWith("- **", StringComparison.Ordinal)).ToList();
        Assert.That(entries, Has.Count.EqualTo(added).And.All.StartWith("- **PL4001**"));
    }
}
