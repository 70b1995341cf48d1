using PerfLint.Bench.Reports;
using PerfLint.Bench.Results;

namespace PerfLint.Bench.Cli;

/// <summary>Writes results.json, report.md, junit.xml and report.html into the output directory.</summary>
public static class ReportWriter
{
    public static void Write(BenchResults results, string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "results.json"), results.ToJson());
        var markdown = MarkdownReport.Render(results);
        File.WriteAllText(Path.Combine(dir, "report.md"), markdown);
        File.WriteAllText(Path.Combine(dir, "junit.xml"), JunitReport.Render(results));
        File.WriteAllText(Path.Combine(dir, "report.html"), HtmlReport.Render(results));
        // GitHub Actions shows the step summary on the run page.
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            try { File.AppendAllText(summary, markdown + Environment.NewLine); }
            catch (IOException) { }
        }
    }
}
