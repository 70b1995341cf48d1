using PerfLint.Check.Findings;
using PerfLint.Check.Sarif;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Output;

/// <summary>
/// `--format markdown`: a summary for a pull-request comment or <c>$GITHUB_STEP_SUMMARY</c>: counts by severity, then
/// each finding with a file:line link relative to the source root, its construct path, the message and the rule's
/// fix line (the catalog's title and documentation link, with the replacement value when the rule names one). With a
/// baseline, the findings whose key it does not hold come first, as new.
/// </summary>
public static class MarkdownReportWriter
{
    public static void Write(CheckReport report, TextWriter writer, SourceRoot root, IReadOnlySet<string>? baseline)
    {
        var keys = SarifReportWriter.Keys(report.Findings, root);
        var isNew = report.Findings.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => baseline == null || !baseline.Contains(keys[x.i]));
        var findings = report.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        writer.WriteLine("## PerfLint check");
        writer.WriteLine();
        var summary = $"{Count(findings.Count, "finding")} in {Count(report.Stacks, "template")}, {Count(report.Resources, "resource")}";
        if (baseline != null)
        {
            summary += $"; {isNew.Count(p => p.Value)} new since the baseline";
        }

        writer.WriteLine(summary + ".");
        writer.WriteLine();
        writer.WriteLine("| Severity | Findings |");
        writer.WriteLine("|---|---:|");
        foreach (var severity in new[] { RuleSeverity.Error, RuleSeverity.Warning, RuleSeverity.Info })
        {
            writer.WriteLine($"| {CheckReport.SeverityName(severity)} | {findings.Count(f => f.Severity == severity)} |");
        }

        if (baseline == null)
        {
            Section(writer, "Findings", findings, root);
        }
        else
        {
            Section(writer, "New findings", findings.Where(f => isNew[f]).ToList(), root);
            Section(writer, "Already in the baseline", findings.Where(f => !isNew[f]).ToList(), root);
        }
    }

    private static void Section(TextWriter writer, string title, IReadOnlyList<Finding> findings, SourceRoot root)
    {
        if (findings.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("### " + title);
        writer.WriteLine();
        foreach (var f in findings)
        {
            var position = f.SourcePosition ?? f.TemplatePosition;
            var path = root.Relative(position.File);
            var link = path == null
                ? $"`{Path.GetFileName(position.File)}:{position.Line}`"
                : $"[{path}:{position.Line}]({root.RelativeUri(position.File)}#L{position.Line})";
            writer.WriteLine($"- **{f.RuleId}** {CheckReport.SeverityName(f.Severity)} · {link} · `{f.Resource.ConstructPath}`: {Escape(f.Message)}");
            var rule = RuleCatalog.Get(f.RuleId);
            var replacement = f.Decision.Replacement == null ? string.Empty : $"use `{f.Decision.Replacement}`; ";
            writer.WriteLine($"  Fix: {replacement}[{rule.Title}]({rule.HelpUri})");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    // Messages are plain text: keep markdown from reading their characters as markup.
    private static string Escape(string text) => text.Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("<", "&lt;");
}
