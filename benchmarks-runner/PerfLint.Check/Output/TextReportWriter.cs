using PerfLint.Check.Findings;

namespace PerfLint.Check.Output;

/// <summary>Compiler-style lines (<c>file(line,col): warning PL1001: message [construct path]</c>), then a summary.</summary>
public static class TextReportWriter
{
    public static void Write(CheckReport report, TextWriter writer)
    {
        foreach (var f in report.Findings)
        {
            var primary = f.SourcePosition ?? f.TemplatePosition;
            writer.WriteLine($"{Display(primary)}: {CheckReport.SeverityName(f.Severity)} {f.RuleId}: {f.Message} [{f.Resource.ConstructPath}]");
            if (f.SourcePosition != null)
            {
                writer.WriteLine($"    template: {Display(f.TemplatePosition)} ({f.Resource.Type} {f.Resource.LogicalId}{(f.Property == null ? string.Empty : "." + f.Property)})");
            }
        }

        foreach (var note in report.Notes)
        {
            writer.WriteLine("note: " + note);
        }

        var counts = report.Findings.GroupBy(f => CheckReport.SeverityName(f.Severity)).ToDictionary(g => g.Key, g => g.Count());
        writer.WriteLine($"perflint check: {report.Stacks} templates, {report.Resources} resources: {report.Findings.Count} findings " +
                         $"({Get(counts, "error")} errors, {Get(counts, "warning")} warnings, {Get(counts, "info")} info)" +
                         (report.ExcludedAsReported > 0 ? $"; {report.ExcludedAsReported} already reported by the analyzers" : string.Empty));
    }

    private static int Get(Dictionary<string, int> counts, string key) => counts.TryGetValue(key, out var n) ? n : 0;

    private static string Display(SourcePosition p)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), p.File);
        var file = relative.StartsWith("..", StringComparison.Ordinal) ? p.File : relative;
        return $"{file}({p.Line},{p.Column})";
    }
}
