using PerfLint.Bench.Judging;
using PerfLint.Bench.Results;
using PerfLint.Bench.Spec;
using PerfLint.Bench.Utilization;

namespace PerfLint.Bench.Tests;

public class JudgingTests
{
    private static RunResult Step(int concurrency, double p50, double p99, double throughput, long successes = 10_000, double errorRate = 0, int repeat = 0) => new()
    {
        Repeat = repeat, Concurrency = concurrency, P50Ms = p50, P90Ms = p50 * 1.5, P95Ms = p99 * 0.8, P99Ms = p99, P999Ms = p99 * 1.2,
        ThroughputPerSecond = throughput, Successes = successes, Requests = successes, ErrorRate = errorRate,
        CostPerMillionUsd = 1.0 / (throughput * 3600) * 1e6,
    };

    private static BenchmarkSpec Spec(params Budget[] budgets) => new()
    {
        Name = "b", NamePos = new SourcePos(3, 5), Image = "img",
        Request = new RequestSpec(Array.Empty<byte>(), "text/plain", "/invocations", "POST"),
        Load = new LoadSpec { Concurrency = new[] { 1, 8 } },
        Budgets = budgets,
    };

    private static Budget B(BudgetKind kind, double limit, BudgetLevel level = BudgetLevel.Error, int line = 10) => new(kind, limit, level, new SourcePos(line, 7));

    private static BenchmarkResult Result(params RunResult[] steps)
    {
        var r = new BenchmarkResult { Name = "b" };
        foreach (var s in steps)
        {
            var run = Step(s.Concurrency!.Value, s.P50Ms!.Value, s.P99Ms!.Value, s.ThroughputPerSecond, s.Successes, s.ErrorRate, repeat: 1);
            run.Utilization = s.Utilization;
            r.Runs.Add(run);
            r.Steps.Add(s);
        }
        return r;
    }

    [Test]
    public void LatencyIsJudgedAtTheWorstStepAndThroughputAtTheBest()
    {
        var result = Result(Step(1, 10, 20, 100), Step(8, 30, 90, 400));
        BudgetEvaluator.Evaluate(Spec(B(BudgetKind.P99, 80, line: 11), B(BudgetKind.MinThroughput, 300, line: 12)), "/s.json", result);
        var p99 = result.Budgets.Single(b => b.Name == "p99Ms");
        var tp = result.Budgets.Single(b => b.Name == "minThroughputPerSecond");
        Assert.Multiple(() =>
        {
            Assert.That((p99.Passed, p99.Actual, p99.Step, p99.Code), Is.EqualTo((false, 90.0, "concurrency 8", "PLB0004")));
            Assert.That((p99.SpecFile, p99.Line, p99.Column), Is.EqualTo(("/s.json", 11, 7)));
            Assert.That((tp.Passed, tp.Actual, tp.Step), Is.EqualTo((true, 400.0, "concurrency 8")));
            Assert.That(result.Valid, Is.True);
        });
    }

    [Test]
    public void CostIsTakenAtTheBestThroughputStep()
    {
        var result = Result(Step(1, 10, 20, 100), Step(8, 30, 90, 400));
        BudgetEvaluator.Evaluate(Spec(B(BudgetKind.MaxCost, 1.0)), "/s.json", result);
        var cost = result.Budgets.Single();
        Assert.That(cost.Actual, Is.EqualTo(1.0 / (400 * 3600) * 1e6).Within(1e-4));
        Assert.That(cost.Passed, Is.True);
    }

    [Test]
    public void TooFewRequestsForTheBudgetedPercentileIsInvalidNotPass()
    {
        // p99 needs 459 requests per step; 400 is not enough even though the latency is far within budget.
        var result = Result(Step(1, 1, 2, 100, successes: 400), Step(8, 1, 2, 400, successes: 5000));
        BudgetEvaluator.Evaluate(Spec(B(BudgetKind.P99, 1000, line: 14)), "/s.json", result);
        var validity = result.Budgets.Single(b => b.Name == "validity");
        Assert.Multiple(() =>
        {
            Assert.That(result.Valid, Is.False);
            Assert.That(result.Budgets.Single(b => b.Name == "p99Ms").Passed, Is.True);
            Assert.That((validity.Passed, validity.Code, validity.Line, validity.Limit), Is.EqualTo((false, "PLB0011", 14, 459.0)));
            Assert.That(result.Validity, Does.Contain("INVALID").And.Contain("459").And.Contain("concurrency 1: 400"));
        });
    }

    [Test]
    public void AP50BudgetNeedsOnlySevenRequests()
    {
        var result = Result(Step(1, 1, 2, 100, successes: 7));
        BudgetEvaluator.Evaluate(Spec(B(BudgetKind.P50, 10)), "/s.json", result);
        Assert.That(result.Valid, Is.True);
    }

    [Test]
    public void WarnLevelIsReportedButGpuWithoutToolIsSkipped()
    {
        var result = Result(Step(1, 50, 60, 100));
        result.Steps[0].Utilization = new UtilizationResult();
        BudgetEvaluator.Evaluate(Spec(B(BudgetKind.P50, 10, BudgetLevel.Warn), B(BudgetKind.MinGpuUtilization, 50)), "/s.json", result);
        var warn = result.Budgets.Single(b => b.Name == "p50Ms");
        var gpu = result.Budgets.Single(b => b.Name == "minGpuUtilization");
        Assert.That((warn.Passed, warn.Level), Is.EqualTo((false, "warn")));
        Assert.That((gpu.Passed, gpu.Skipped), Is.EqualTo((true, true)));
    }

    [Test]
    public void AStepWithoutSuccessesFailsLatencyBudgets()
    {
        var dead = Step(4, 0, 0, 0, successes: 0, errorRate: 1);
        dead.P50Ms = dead.P99Ms = dead.P90Ms = dead.P95Ms = dead.P999Ms = null;
        dead.Requests = 12;
        var result = new BenchmarkResult { Name = "b" };
        result.Steps.Add(dead);
        BudgetEvaluator.Evaluate(Spec(B(BudgetKind.P50, 100), B(BudgetKind.MaxErrorRate, 0.01)), "/s.json", result);
        Assert.That(result.Budgets.Where(b => b.Name != "validity").Select(b => b.Passed), Is.All.False);
        Assert.That(result.Budgets.Single(b => b.Name == "p50Ms").Message, Does.Contain("no successful requests"));
    }

    [Test]
    public void RegressionIsTheMedianOfRunsAgainstTheBaselineMedian()
    {
        var baseline = new BenchResults();
        var before = new BenchmarkResult { Name = "b", Repeat = 3 };
        before.Steps.Add(Step(4, 10, 40, 200));
        baseline.Benchmarks.Add(before);

        var now = new BenchmarkResult { Name = "b", Repeat = 3 };
        now.Steps.Add(Step(4, 10.5, 50, 195)); // p99 +25 %, p50 +5 %, throughput -2.5 %
        BaselineComparer.Compare(Spec(), "/s.json", now, baseline, threshold: 0.10);
        var byMetric = now.Budgets.ToDictionary(b => b.Name);
        Assert.Multiple(() =>
        {
            Assert.That(byMetric["regression:p99Ms"].Passed, Is.False);
            Assert.That(byMetric["regression:p99Ms"].Actual, Is.EqualTo(0.25));
            Assert.That(byMetric["regression:p99Ms"].Code, Is.EqualTo("PLB0010"));
            Assert.That((byMetric["regression:p99Ms"].Line, byMetric["regression:p99Ms"].Column), Is.EqualTo((3, 5)));
            Assert.That(byMetric["regression:p50Ms"].Passed, Is.True);
            Assert.That(byMetric["regression:throughputPerSecond"].Passed, Is.True);
            Assert.That(now.JudgementNote, Is.Null);
        });
    }

    [Test]
    public void FewRepeatsMakeAWeakJudgement()
    {
        var baseline = new BenchResults();
        var before = new BenchmarkResult { Name = "b", Repeat = 1 };
        before.Steps.Add(Step(4, 10, 40, 200));
        baseline.Benchmarks.Add(before);
        var now = new BenchmarkResult { Name = "b", Repeat = 1 };
        now.Steps.Add(Step(4, 10, 40, 150));
        BaselineComparer.Compare(Spec(), "/s.json", now, baseline, threshold: 0.10);
        Assert.That(now.JudgementNote, Does.StartWith("weak regression judgement"));
        Assert.That(now.Budgets.Single(b => b.Name == "regression:throughputPerSecond").Passed, Is.False);
    }

    [Test]
    public void PercentilesFromTooFewRequestsAreNotCompared()
    {
        var baseline = new BenchResults();
        var before = new BenchmarkResult { Name = "b", Repeat = 3 };
        before.Steps.Add(Step(4, 10, 40, 200, successes: 300));
        baseline.Benchmarks.Add(before);
        var now = new BenchmarkResult { Name = "b", Repeat = 3 };
        now.Steps.Add(Step(4, 10, 80, 200, successes: 300)); // p99 doubled, but 300 requests cannot carry a p99
        BaselineComparer.Compare(Spec(), "/s.json", now, baseline, threshold: 0.10);
        Assert.That(now.Budgets.Select(b => b.Name), Is.EquivalentTo(new[] { "regression:p50Ms", "regression:throughputPerSecond" }));
        Assert.That(now.JudgementNote, Does.Contain("p99Ms at concurrency 4 not compared: fewer than 459 requests"));
    }
}
