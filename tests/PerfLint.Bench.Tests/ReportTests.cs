using TempDirectory = PerfLint.Testing.TempDirectory;
using System.Xml.Linq;
using PerfLint.Bench.Cli;
using PerfLint.Bench.Results;
using PerfLint.Bench.Utilization;

namespace PerfLint.Bench.Tests;

public class ReportTests
{
    private static BenchResults Sample()
    {
        var b = new BenchmarkResult { Name = "resnet", Image = "img", Passed = false, Valid = true, CostNote = "ml.g5.xlarge FLOOR" };
        foreach (var c in new[] { 1, 4, 16 })
            b.Steps.Add(new RunResult
            {
                Concurrency = c, Requests = 1000 * c, Successes = 1000 * c, P50Ms = 5 * c, P90Ms = 6 * c, P99Ms = 9 * c, P999Ms = 10 * c, MaxMs = 12 * c,
                ThroughputPerSecond = 100 * c, Distribution = new List<double[]> { new[] { 0.0, 1.0 * c }, new[] { 50.0, 5.0 * c }, new[] { 99.0, 9.0 * c }, new[] { 100.0, 12.0 * c } },
                Utilization = new UtilizationResult { ContainerCpuPercent = 50, ContainerMemoryMiB = 300 },
            });
        b.Budgets.Add(new BudgetResult { Name = "p99Ms", Code = "PLB0004", Passed = false, Message = "p99Ms: 144 ms > max 100 ms", SpecFile = "/s.json", Line = 12, Column = 7 });
        b.Budgets.Add(new BudgetResult { Name = "p50Ms", Code = "PLB0001", Passed = true, Message = "ok", SpecFile = "/s.json", Line = 11, Column = 7 });
        return new BenchResults { SpecFile = "/s.json", Engine = "podman", Benchmarks = { b } };
    }

    [Test]
    public void WritesAllFourReports()
    {
        using var dir = new TempDirectory("perflint-bench-test");
        ReportWriter.Write(Sample(), dir.Path);
        Assert.That(Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "junit.xml", "report.html", "report.md", "results.json" }));
    }

    [Test]
    public void ResultsJsonRoundTripsWithPositions()
    {
        var back = BenchResults.FromJson(Sample().ToJson());
        var budget = back.Benchmarks.Single().Budgets.First();
        Assert.That((budget.SpecFile, budget.Line, budget.Column, budget.Code), Is.EqualTo(("/s.json", 12, 7, "PLB0004")));
        Assert.That(back.Benchmarks.Single().Steps.Select(s => s.Concurrency), Is.EqualTo(new int?[] { 1, 4, 16 }));
    }

    [Test]
    public void JunitHasOneFailurePerMissedBudget()
    {
        var doc = XDocument.Parse(PerfLint.Bench.Reports.JunitReport.Render(Sample()));
        var suite = doc.Root!.Element("testsuite")!;
        Assert.That(suite.Attribute("failures")!.Value, Is.EqualTo("1"));
        Assert.That(suite.Elements("testcase").Single(t => t.Attribute("name")!.Value == "p99Ms").Element("failure"), Is.Not.Null);
    }

    [Test]
    public void HtmlHasThreeWellFormedSvgPlots()
    {
        var html = PerfLint.Bench.Reports.HtmlReport.Render(Sample());
        var svgs = html.Split("<svg").Skip(1).Select(s => "<svg" + s[..(s.IndexOf("</svg>", StringComparison.Ordinal) + 6)]).ToList();
        Assert.That(svgs, Has.Count.EqualTo(3));
        foreach (var svg in svgs) Assert.DoesNotThrow(() => XDocument.Parse(svg));
        Assert.That(html, Does.Contain("Latency vs load").And.Contain("Throughput vs load").And.Contain("Latency distribution"));
        // p50/p90/p99 lines, one point per step.
        Assert.That(svgs[0].Split("<polyline").Length - 1, Is.EqualTo(3));
    }

    [Test]
    public void MarkdownShowsVerdictTableAndCostFloor()
    {
        var md = PerfLint.Bench.Reports.MarkdownReport.Render(Sample());
        Assert.That(md, Does.Contain("## resnet: FAIL").And.Contain("| concurrency 16 | 16000 |").And.Contain("FLOOR").And.Contain("| `p99Ms` (PLB0004) | FAIL |"));
    }

    [Test]
    public void MarkdownStartsWithCountsAndTheMissedBudgets()
    {
        var lines = PerfLint.Bench.Reports.MarkdownReport.Render(Sample()).Split(Environment.NewLine);
        var counts = Array.FindIndex(lines, l => l.StartsWith("**Benchmarks**", StringComparison.Ordinal));
        Assert.That(counts, Is.GreaterThan(0).And.LessThan(Array.FindIndex(lines, l => l.StartsWith("## resnet", StringComparison.Ordinal))), "before the benchmarks");
        Assert.That(lines[counts], Is.EqualTo("**Benchmarks**: 0 pass, 1 fail, 0 invalid. **Budgets**: 1 pass, 1 fail, 0 warn, 0 not measured."));
        Assert.That(lines.Skip(counts + 1).Take(4), Is.EqualTo(new[]
        {
            "",
            "| benchmark | missed budget | result | detail |",
            "|---|---|---|---|",
            "| resnet | `p99Ms` (PLB0004) | FAIL | p99Ms: 144 ms > max 100 ms |",
        }));
    }
}
