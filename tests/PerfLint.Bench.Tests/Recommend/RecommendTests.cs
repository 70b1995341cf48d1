using System.Text.Json;
using PerfLint.Bench.Recommend;
using PerfLint.Bench.Results;

namespace PerfLint.Bench.Tests.Recommend;

/// <summary>
/// `perflint recommend` on results.json files in the shape `perflint bench` writes. Expected figures are worked out by
/// hand from the fixtures (Fixtures/*.results.json: steps of 600 s; Fixtures/prices.json: SageMaker Hosting prices of
/// a test price file, $0.24/h ml.c5.xlarge, $1.44/h ml.g5.xlarge, $0.99/h ml.inf2.xlarge).
/// </summary>
[TestFixture]
public sealed class RecommendTests
{
    private static readonly string Fixtures = Path.Combine(TestContext.CurrentContext.TestDirectory, "Recommend", "Fixtures");
    private string _dir = "";

    private static string Fixture(string name) => Path.Combine(Fixtures, name);

    private static string[] All => new[] { Fixture("g5.results.json"), Fixture("c5.results.json"), Fixture("inf2.results.json") };

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "perflint-recommend-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static List<RunResult> Steps(string fixture) => BenchResults.FromJson(File.ReadAllText(Fixture(fixture))).Benchmarks[0].Steps;

    [Test]
    public void KneeIsInterpolatedBetweenTheLastStepThatMeetsTheBudgetAndTheFirstThatMisses()
    {
        // g5: 5/s at p99 300 ms meets 500 ms, 7/s at 700 ms misses: 5 + (500 - 300) × (7 - 5) / (700 - 300) = 6/s.
        var knee = Knee.Find(Steps("g5.results.json"), LatencyBudget.P99(500))!;
        Assert.That(knee.PerSecond, Is.EqualTo(6).Within(1e-9));
        Assert.That(knee.PerMinute, Is.EqualTo(360).Within(1e-9));
        Assert.That(knee.Interpolated, Is.True);
        Assert.That(knee.How, Is.EqualTo("interpolated between concurrency 2 (5/s, p99 300 ms) and concurrency 4 (7/s, p99 700 ms)"));

        // p50 ≤ 400 ms: 5/s at 200 ms, 7/s at 420 ms: 5 + 200 × 2 / 220 = 6.8181.../s.
        Assert.That(Knee.Find(Steps("g5.results.json"), LatencyBudget.P50(400))!.PerSecond, Is.EqualTo(5 + 400.0 / 220).Within(1e-9));
    }

    [Test]
    public void KneeIsTheFastestStepWhenEveryStepMeetsTheBudget_AndNoneWhenNoStepDoes()
    {
        var knee = Knee.Find(Steps("c5.results.json"), LatencyBudget.P99(500))!;
        Assert.That(knee.PerSecond, Is.EqualTo(2));
        Assert.That(knee.Interpolated, Is.False);
        Assert.That(knee.How, Is.EqualTo("measured at concurrency 2; the budget held at every step, so the knee may lie higher"));
        Assert.That(Knee.Find(Steps("inf2.results.json"), LatencyBudget.P99(500)), Is.Null);
    }

    [Test]
    public void StepsWithTooFewRequestsForThePercentileAreNotMeasurements()
    {
        // 458 successful requests are one short of the 459 a p99 needs at 99 % confidence; p50 needs 7.
        var steps = Steps("c5.results.json");
        steps[1].Successes = 458;
        Assert.That(Knee.Find(steps, LatencyBudget.P99(500))!.PerSecond, Is.EqualTo(1));
        Assert.That(Knee.Find(steps, LatencyBudget.P50(400))!.PerSecond, Is.EqualTo(2));
    }

    [Test]
    public void TargetValueIsTheSustainableRateTimesHeadroomRoundedDown()
    {
        Assert.That(Recommender.TargetValue(360, 0.5), Is.EqualTo(180));
        Assert.That(Recommender.TargetValue(38, 0.5), Is.EqualTo(19));
        Assert.That(Recommender.TargetValue(409.0909, 0.5), Is.EqualTo(204));
        Assert.That(Recommender.TargetValue(120, 0.3), Is.EqualTo(36));
    }

    [Test]
    public async Task RanksByCostPerMillionAmongThoseMeetingTheBudget()
    {
        // c5: 2/s → $0.24 / 7200 × 10^6 = $33.3333 per million, 7200 / 0.24 = 30000 per $; g5: 6/s → $1.44 / 21600 × 10^6 =
        // $66.6667, 15000 per $; inf2 misses 500 ms at every step.
        var run = await Perflint.RunAsync(All.Concat(new[] { "--p99-ms", "500", "--prices", Fixture("prices.json") }).Prepend("recommend").ToArray());
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout.ReplaceLineEndings("\n"), Is.EqualTo(
            "perflint recommend: 3 candidate(s), budget p99 ≤ 500 ms, headroom 0.5 (target value = sustainable invocations per instance per minute × 0.5, rounded down)\n" +
            "recommended: ml.c5.xlarge (resnet18-c5): target value 60/min per instance, sustainable 120/min, $33.3333 per million inferences (30000 inferences per $)\n" +
            "1. ml.c5.xlarge (resnet18-c5): meets p99 ≤ 500 ms\n" +
            "   sustainable 120/min (2/s), measured at concurrency 2; the budget held at every step, so the knee may lie higher\n" +
            "   target value 60/min; $33.3333 per million inferences (30000 inferences per $)\n" +
            "   price: $0.24/h, SageMaker Hosting On-Demand us-east-1, 2026-12-01 (prices.json)\n" +
            "2. ml.g5.xlarge (resnet18-g5): meets p99 ≤ 500 ms\n" +
            "   sustainable 360/min (6/s), interpolated between concurrency 2 (5/s, p99 300 ms) and concurrency 4 (7/s, p99 700 ms)\n" +
            "   target value 180/min; $66.6667 per million inferences (15000 inferences per $)\n" +
            "   price: $1.44/h, SageMaker Hosting On-Demand us-east-1, 2026-12-01 (prices.json)\n" +
            "3. ml.inf2.xlarge (resnet18-inf2): misses p99 ≤ 500 ms\n" +
            "   price: $0.99/h, SageMaker Hosting On-Demand us-east-1, 2026-12-01 (prices.json)\n"));
    }

    [Test]
    public async Task JsonCarriesTheRecommendationsAndTheChoice()
    {
        var run = await Perflint.RunAsync(All.Concat(new[] { "--p99-ms", "500", "--headroom", "0.3", "--prices", Fixture("prices.json"), "--format", "json" }).Prepend("recommend").ToArray());
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.That(root.GetProperty("chosen").GetString(), Is.EqualTo("ml.c5.xlarge"));
        Assert.That(root.GetProperty("headroom").GetDouble(), Is.EqualTo(0.3));
        var recommendations = root.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.That(recommendations.Select(r => r.GetProperty("instanceType").GetString()), Is.EqualTo(new[] { "ml.c5.xlarge", "ml.g5.xlarge", "ml.inf2.xlarge" }));
        var (c5, g5, inf2) = (recommendations[0], recommendations[1], recommendations[2]);
        Assert.Multiple(() =>
        {
            Assert.That(c5.GetProperty("meetsBudget").GetBoolean(), Is.True);
            Assert.That(c5.GetProperty("sustainablePerMinute").GetDouble(), Is.EqualTo(120).Within(1e-9));
            Assert.That(c5.GetProperty("targetValue").GetDouble(), Is.EqualTo(36)); // 120 × 0.3
            Assert.That(c5.GetProperty("costPerMillionUsd").GetDouble(), Is.EqualTo(33.3333).Within(1e-4));
            Assert.That(c5.GetProperty("priceSource").GetString(), Is.EqualTo("$0.24/h, SageMaker Hosting On-Demand us-east-1, 2026-12-01 (prices.json)"));
            Assert.That(c5.GetProperty("rankedBy").GetString(), Is.EqualTo("costPerMillion"));
            Assert.That(g5.GetProperty("sustainablePerMinute").GetDouble(), Is.EqualTo(360).Within(1e-9));
            Assert.That(g5.GetProperty("kneeInterpolated").GetBoolean(), Is.True);
            Assert.That(g5.GetProperty("targetValue").GetDouble(), Is.EqualTo(108)); // 360 × 0.3
            Assert.That(g5.GetProperty("costPerMillionUsd").GetDouble(), Is.EqualTo(66.6667).Within(1e-4));
            Assert.That(inf2.GetProperty("meetsBudget").GetBoolean(), Is.False);
            Assert.That(inf2.GetProperty("targetValue").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(inf2.GetProperty("costPerMillionUsd").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task SageMakerTypesWithoutAPriceFileGetTheEc2FloorSaidAsSuch()
    {
        // The snapshot's ml.c5.xlarge figure is the EC2 c5.xlarge price, $0.17/h: at 2/s at least 0.17 / 7200 × 10^6 = $23.6111
        // per million, at most 7200 / 0.17 = 42353 per $.
        var run = await Perflint.RunAsync("recommend", Fixture("c5.results.json"), "--p99-ms", "500", "--prices", Fixture("prices.json") + ".none");
        Assert.That(run.ExitCode, Is.EqualTo(2), "a named price file that is missing is bad input");
        run = await Perflint.RunAsync("recommend", Fixture("c5.results.json"), "--p99-ms", "500");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Does.Contain(
            "   target value 60/min; at least $23.6111 per million inferences, at most 42353 inferences per $ (from the EC2 price of the same hardware: the service's own price is higher)\n" +
            "   price: $0.17/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)\n" +
            "note: costs from EC2 floors: each type's SageMaker price is higher by its own amount, so this order may differ from the real one; " +
            "`perflint prices import` or `prices refresh` gives the SageMaker prices\n"));
    }

    [Test]
    public async Task ATypeWithNoKnownPriceIsRankedByThroughputAndSaysSo()
    {
        var unknown = Path.Combine(_dir, "unknown.results.json");
        File.WriteAllText(unknown, File.ReadAllText(Fixture("c5.results.json")).Replace("\"ml.c5.xlarge\"", "\"ml.zz9.xlarge\""));
        var run = await Perflint.RunAsync("recommend", unknown, Fixture("g5.results.json"), "--p99-ms", "500");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Does.Contain("1. ml.g5.xlarge (resnet18-g5): meets p99 ≤ 500 ms\n"));
        Assert.That(run.Stdout, Does.Contain("2. ml.zz9.xlarge (resnet18-c5): meets p99 ≤ 500 ms\n" +
                                             "   sustainable 120/min (2/s), measured at concurrency 2; the budget held at every step, so the knee may lie higher\n" +
                                             "   target value 60/min; cost per million unknown (no price)\n" +
                                             "   price: price unknown\n" +
                                             "   no known price for ml.zz9.xlarge: ranked by throughput\n"));
    }

    [Test]
    public async Task AFloorIsNeverRankedAgainstARealPrice()
    {
        // Only g5 is in this price file: c5 gets the EC2 floor, so both are ranked by throughput (g5 6/s before c5 2/s).
        var prices = Path.Combine(_dir, "perflint.prices.json");
        File.WriteAllText(prices, "{ \"formatVersion\": 1, \"imported\": \"2026-12-01\", \"prices\": [ { \"service\": \"AmazonSageMaker\", \"use\": \"Hosting\", " +
                                  "\"instanceType\": \"ml.g5.xlarge\", \"region\": \"us-east-1\", \"usdPerHour\": 1.44 } ] }");
        var run = await Perflint.RunAsync("recommend", Fixture("c5.results.json"), Fixture("g5.results.json"), "--p99-ms", "500", "--prices", prices, "-f", "json");
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        var recommendations = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.That(recommendations.Select(r => r.GetProperty("instanceType").GetString()), Is.EqualTo(new[] { "ml.g5.xlarge", "ml.c5.xlarge" }));
        Assert.That(recommendations.Select(r => r.GetProperty("rankedBy").GetString()), Is.EqualTo(new[] { "throughput (prices not comparable)", "throughput (prices not comparable)" }));
        Assert.That(recommendations[1].GetProperty("costIsEc2Floor").GetBoolean(), Is.True);
    }

    [Test]
    public async Task ExitsOneWhenNoCandidateMeetsTheBudget()
    {
        var run = await Perflint.RunAsync(All.Concat(new[] { "--p99-ms", "100" }).Prepend("recommend").ToArray());
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("no candidate meets p99 ≤ 100 ms\n"));
    }

    [Test]
    public async Task BadInputExitsTwo()
    {
        var noType = Path.Combine(_dir, "no-type.results.json");
        File.WriteAllText(noType, File.ReadAllText(Fixture("c5.results.json")).Replace("\"instanceType\": \"ml.c5.xlarge\",", ""));
        var noEndpoint = Path.Combine(_dir, "no-endpoint.results.json");
        File.WriteAllText(noEndpoint, File.ReadAllText(Fixture("c5.results.json")).Replace("\"endpoint\": \"resnet-endpoint\",", ""));
        var cases = new[]
        {
            (new[] { "recommend", noType, "--p99-ms", "500" }, "benchmark 'resnet18-c5' has no instanceType"),
            (new[] { "recommend", Path.Combine(_dir, "missing.json"), "--p99-ms", "500" }, "not a readable results.json"),
            (new[] { "recommend", Fixture("c5.results.json") }, "no latency budget: pass --p99-ms or --p50-ms"),
            (new[] { "recommend", Fixture("c5.results.json"), "--p99-ms", "500", "--p50-ms", "100" }, "give --p99-ms or --p50-ms, not both"),
            (new[] { "recommend", Fixture("c5.results.json"), "--p99-ms", "500", "--headroom", "1.5" }, "--headroom must be above 0 and at most 1"),
            (new[] { "recommend", noEndpoint, "--p99-ms", "500", "--write", Path.Combine(_dir, "c.json") }, "no benchmark names an endpoint"),
        };
        foreach (var (args, message) in cases)
        {
            var run = await Perflint.RunAsync(args);
            Assert.That(run.ExitCode, Is.EqualTo(2), string.Join(' ', args));
            Assert.That(run.Stderr, Does.Contain(message), string.Join(' ', args));
        }
    }

    [Test]
    public async Task MarkdownReportHasTheTableAndThePlotBesideIt()
    {
        var report = Path.Combine(_dir, "recommend.md");
        var run = await Perflint.RunAsync(All.Concat(new[] { "--p99-ms", "500", "--prices", Fixture("prices.json"), "--format", "markdown", "-o", report }).Prepend("recommend").ToArray());
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        var markdown = File.ReadAllText(report);
        Assert.That(markdown, Does.Contain("**Recommended: `ml.c5.xlarge`**: target value **60** invocations per instance per minute (sustainable 120/min)."));
        Assert.That(markdown, Does.Contain("| 2 | `ml.g5.xlarge` | resnet18-g5 | meets | 360 | interpolated | 180 | $66.6667 | 15000 | $1.44/h, SageMaker Hosting On-Demand us-east-1, 2026-12-01 (prices.json) |"));
        Assert.That(markdown, Does.Contain("![cost per million inferences vs p99 latency](recommend.svg)"));
        var svg = File.ReadAllText(Path.Combine(_dir, "recommend.svg"));
        Assert.That(svg, Does.StartWith("<svg"));
        Assert.That(svg, Does.Contain("ml.c5.xlarge").And.Contain("ml.g5.xlarge").And.Contain("ml.inf2.xlarge"));
    }

    [Test]
    public async Task WriteRecordsTheChosenTypesMeasuredCapacityPerEndpoint()
    {
        var capacity = Path.Combine(_dir, "perflint.capacity.json");
        File.WriteAllText(capacity, "{ \"formatVersion\": 1, \"endpoints\": [ { \"endpoint\": \"other\", \"instanceType\": \"ml.m5.large\", \"sustainablePerMinute\": 50, " +
                                    "\"targetValue\": 25, \"headroom\": 0.5, \"percentile\": \"p99\", \"budgetMs\": 200, \"measured\": \"2026-11-30\", \"interpolated\": false } ] }");
        var run = await Perflint.RunAsync(All.Concat(new[] { "--p99-ms", "500", "--prices", Fixture("prices.json"), "--write", capacity }).Prepend("recommend").ToArray());
        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        var endpoints = JsonDocument.Parse(File.ReadAllText(capacity)).RootElement.GetProperty("endpoints").EnumerateArray().ToList();
        Assert.That(endpoints.Select(e => e.GetProperty("endpoint").GetString()), Is.EqualTo(new[] { "other", "resnet-endpoint" }));
        var entry = endpoints[1];
        Assert.Multiple(() =>
        {
            Assert.That(entry.GetProperty("instanceType").GetString(), Is.EqualTo("ml.c5.xlarge"));
            Assert.That(entry.GetProperty("sustainablePerMinute").GetDouble(), Is.EqualTo(120));
            Assert.That(entry.GetProperty("targetValue").GetDouble(), Is.EqualTo(60));
            Assert.That(entry.GetProperty("headroom").GetDouble(), Is.EqualTo(0.5));
            Assert.That(entry.GetProperty("percentile").GetString(), Is.EqualTo("p99"));
            Assert.That(entry.GetProperty("budgetMs").GetDouble(), Is.EqualTo(500));
            Assert.That(entry.GetProperty("measured").GetString(), Is.EqualTo("2026-12-04")); // c5's startedUtc
            Assert.That(entry.GetProperty("interpolated").GetBoolean(), Is.False);
        });
    }
}
