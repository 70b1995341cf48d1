using System.Text;
using PerfLint.Bench.Judging;
using PerfLint.Bench.Reports;
using PerfLint.Bench.Results;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Tests;

/// <summary>Variants side by side in report.md and report.html; the quality gate judged as budget PLB0013.</summary>
public class VariantReportTests
{
    private static BenchmarkResult Variant(string variant, double scale, bool passed, QualityResult? quality)
    {
        var b = new BenchmarkResult { Name = "resnet", Variant = variant, Image = "img", Passed = passed, Valid = true, Quality = quality };
        foreach (var c in new[] { 1, 4 })
            b.Steps.Add(new RunResult
            {
                Concurrency = c, Requests = 100 * c, Successes = 100 * c, P50Ms = 10 * c * scale, P99Ms = 20 * c * scale,
                ThroughputPerSecond = 50 * c / scale, CostPerMillionUsd = 0.4 * scale,
            });
        return b;
    }

    private static BenchResults Sample() => new()
    {
        SpecFile = "/s.json",
        Engine = "podman",
        Benchmarks =
        {
            Variant("fp32", 1, true, new QualityResult { Compare = "maxAbsError", Limit = 0.05, Requests = 1, MaxAbsError = 0, MinCosine = 1, Exact = true, Passed = true }),
            Variant("fp16", 0.5, false, new QualityResult { Compare = "maxAbsError", Limit = 0.05, Requests = 1, MaxAbsError = 0.25, MinCosine = 0.998, Passed = false }),
            new BenchmarkResult { Name = "other", Image = "img2", Passed = true, Valid = true },
        },
    };

    [Test]
    public void MarkdownPutsTheVariantsOfABenchmarkSideBySide()
    {
        var lines = MarkdownReport.Render(Sample()).Split(Environment.NewLine);
        var start = Array.IndexOf(lines, "## resnet: variants side by side");
        Assert.That(start, Is.GreaterThan(0));
        Assert.That(lines.Skip(start + 2).Take(12), Is.EqualTo(new[]
        {
            "| | fp32 | fp16 |",
            "|---|---:|---:|",
            "| verdict | PASS | FAIL |",
            "| best req/s | 200 | 400 |",
            "| p50 ms at concurrency 1 | 10 | 5 |",
            "| p99 ms at concurrency 1 | 20 | 10 |",
            "| p50 ms at concurrency 4 | 40 | 20 |",
            "| p99 ms at concurrency 4 | 80 | 40 |",
            "| $/M at best step | 0.4 | 0.2 |",
            "| quality | pass | FAIL |",
            "| max abs error | 0 | 0.25 |",
            "| min cosine | 1 | 0.998 |",
        }));
        Assert.That(lines, Has.Member("## resnet (fp16): FAIL"));
        Assert.That(lines, Has.Member("Quality (maxAbsError): max abs error 0.25 > max 0.05 over 1 golden request(s) (max abs error 0.25, min cosine 0.998)."));
        Assert.That(lines, Has.No.Member("## other: variants side by side"), "a benchmark without variants has no comparison");
    }

    [Test]
    public void HtmlHasTheSameComparisonTable()
    {
        var html = HtmlReport.Render(Sample());
        Assert.That(html, Does.Contain("<h2>resnet: variants side by side</h2>"));
        Assert.That(html, Does.Contain("<tr><th></th><th>fp32</th><th>fp16</th></tr>"));
        Assert.That(html, Does.Contain("<tr><td>p99 ms at concurrency 4</td><td>80</td><td>40</td></tr>"));
        Assert.That(html, Does.Contain("<tr><td>quality</td><td>pass</td><td>FAIL</td></tr>"));
        Assert.That(html, Does.Contain("<h2>resnet (fp16): <span class=\"FAIL\">FAIL</span></h2>"));
    }

    [Test]
    public void ResultsJsonKeepsTheVariantAndTheMeasuredQuality()
    {
        var json = Sample().ToJson();
        Assert.That(json, Does.Contain("\"variant\": \"fp16\"").And.Contain("\"maxAbsError\": 0.25").And.Contain("\"minCosine\": 0.998"));
        var back = BenchResults.FromJson(json);
        Assert.That(back.Benchmarks.Select(b => b.Variant), Is.EqualTo(new[] { "fp32", "fp16", null }));
        Assert.That(json, Does.Not.Contain("\"displayName\""));
    }

    [Test]
    public void AMissedQualityGateIsBudgetPlb0013AtTheQualityKey()
    {
        var spec = SpecReader.Read(Encoding.UTF8.GetBytes("""
            { "benchmarks": [ { "name": "r", "image": "i", "request": { "body": "x" }, "load": { "concurrency": 1 },
              "quality": { "requests": [ { "body": "g", "expected": { "json": [1] } } ], "compare": { "cosine": 0.999 } },
              "variants": [ { "name": "a" } ] } ] }
            """), "/s.json").Benchmarks.Single();
        var result = new BenchmarkResult
        {
            Name = "r", Variant = "a",
            Quality = new QualityResult { Compare = "cosine", Limit = 0.999, Requests = 1, MaxAbsError = 0.5, MinCosine = 0.9, Passed = false },
        };
        BudgetEvaluator.Evaluate(spec, "/s.json", result);
        var budget = result.Budgets.Single();
        Assert.That((budget.Name, budget.Code, budget.Passed, budget.Line, budget.Column, budget.Limit, budget.Actual),
            Is.EqualTo(("quality", "PLB0013", false, 2, 3, (double?)0.999, (double?)0.9)));
        Assert.That(budget.Message, Is.EqualTo("quality: min cosine 0.9 < min 0.999 over 1 golden request(s) (max abs error 0.5, min cosine 0.9)"));
    }
}
