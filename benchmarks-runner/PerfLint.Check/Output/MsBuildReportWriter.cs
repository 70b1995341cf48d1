namespace PerfLint.Check.Output;

/// <summary>
/// <c>--format msbuild</c>: one canonical MSBuild line per finding, <c>file(line,col): PerfLint warning PL1001: message
/// [construct path]</c>, at the C# line when mapped, else the template line, with absolute paths (the build's tasks
/// read these lines). Info findings use the word <c>info</c>, which MSBuild's own parser ignores: the task logs them as
/// messages.
/// </summary>
public static class MsBuildReportWriter
{
    public static void Write(CheckReport report, TextWriter writer)
    {
        foreach (var f in report.Findings)
        {
            var p = f.SourcePosition ?? f.TemplatePosition;
            writer.WriteLine($"{Path.GetFullPath(p.File)}({p.Line},{p.Column}): PerfLint {CheckReport.SeverityName(f.Severity)} {f.RuleId}: {f.Message} [{f.Resource.ConstructPath}]");
        }
    }
}
