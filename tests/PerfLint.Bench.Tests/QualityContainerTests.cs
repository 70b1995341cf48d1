namespace PerfLint.Bench.Tests;

/// <summary>
/// The quality gate against real containers: ResNet18's fp32 and fp16 variants against the sample's golden features
/// (each variant in its own container), a deliberately tight tolerance failing PLB0013 at the quality key, and the
/// fault server's fixed answer compared exactly.
/// </summary>
public class QualityContainerTests : ContainerFixture
{
    private static string Golden => Path.Combine(RepoPaths.Root, "samples", "serving", "golden", "request.features.fp32.json");

    /// <summary>The image must serve MODEL_PRECISION and ?output=features: rebuild it when its sources changed (a no-op otherwise).</summary>
    [OneTimeSetUp]
    public async Task ResnetImageIsCurrent()
    {
        var script = Path.Combine(RepoPaths.Root, "samples", "serving", "build-images.sh");
        var build = await Containers.ProcessRunner.RunAsync("bash", new[] { script, "resnet18" }, TimeSpan.FromMinutes(15));
        if (!build.Ok) Assert.Fail($"building {ResnetImage} failed: {build.Describe()}");
    }

    private static string ResnetSpec(string name, string maxAbsError, string variants) => $$"""
        {
          "benchmarks": [ {
            "name": "{{name}}",
            "image": "{{ResnetImage}}",
            "env": { "BATCH_MAX": "4" },
            "requestTimeoutSeconds": 30,
            "request": { "bodyFile": "{{RepoPaths.RequestImage}}", "contentType": "application/x-image" },
            "load": { "concurrency": [1], "durationSeconds": 1, "warmupSeconds": 0 },
            "budgets": { "maxErrorRate": 0 },
            "quality": {
              "requests": [ { "bodyFile": "{{RepoPaths.RequestImage}}", "path": "/invocations?output=features", "expected": { "bodyFile": "{{Golden}}" } } ],
              "compare": { "maxAbsError": {{maxAbsError}} }
            },
            "variants": [ {{variants}} ]
          } ]
        }
        """;

    [Test]
    public async Task TheFp16VariantDiffersSlightlyAndMeetsTheDocumentedTolerance()
    {
        var name = UniqueName("quality");
        var run = await RunBenchAsync(ResnetSpec(name, "0.02",
            "{ \"name\": \"fp32\", \"env\": { \"MODEL_PRECISION\": \"fp32\" } }, { \"name\": \"fp16\", \"env\": { \"MODEL_PRECISION\": \"fp16\" } }"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
        var results = run.Results!.Benchmarks;
        Assert.That(results.Select(b => (b.Name, b.Variant)), Is.EqualTo(new[] { (name, "fp32"), (name, "fp16") }));
        var fp32 = results[0].Quality!;
        var fp16 = results[1].Quality!;
        TestContext.Out.WriteLine($"fp32: {fp32.MaxAbsError} / {fp32.MinCosine}; fp16: {fp16.MaxAbsError} / {fp16.MinCosine}");
        Assert.Multiple(() =>
        {
            Assert.That(fp32.Passed && fp16.Passed, Is.True);
            Assert.That(fp32.MaxAbsError, Is.LessThan(1e-4), "the fp32 server reproduces its golden output");
            Assert.That(fp16.MaxAbsError, Is.GreaterThan(1e-4).And.LessThanOrEqualTo(0.02), "float16 weights move the features a little");
            Assert.That(fp16.MinCosine, Is.GreaterThan(0.9999));
            Assert.That(results.Select(b => b.Budgets.Single(x => x.Name == "quality").Code), Is.All.EqualTo("PLB0013"));
        });
        Assert.That(run.Stdout, Does.Contain($"{name} (fp16): PASS"));
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task ADeliberatelyTightToleranceFailsTheFp16VariantAtTheQualityKey()
    {
        var name = UniqueName("tight");
        var run = await RunBenchAsync(ResnetSpec(name, "0.0001", "{ \"name\": \"fp16\", \"env\": { \"MODEL_PRECISION\": \"fp16\" } }"));
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        var b = run.Results!.Benchmarks.Single();
        var quality = b.Budgets.Single(x => x.Name == "quality");
        Assert.Multiple(() =>
        {
            Assert.That((b.Variant, b.Passed, b.Valid), Is.EqualTo(("fp16", false, true)));
            Assert.That((quality.Code, quality.Passed, quality.Line, quality.Column, quality.Limit), Is.EqualTo(("PLB0013", false, 10, 5, (double?)0.0001)));
            Assert.That(quality.Message, Does.StartWith("quality: max abs error ").And.Contain(" > max 0.0001 over 1 golden request(s)"));
            Assert.That(b.Steps.Single().Successes, Is.GreaterThan(0), "the load still ran");
        });
        await AssertNoContainerLeftAsync(name);
    }

    [Test]
    public async Task TheFaultServersAnswerIsComparedExactly()
    {
        var name = UniqueName("exact");
        var spec = $$"""
            { "benchmarks": [ {
                "name": "{{name}}", "image": "{{FaultyImage}}",
                "request": { "body": "x" },
                "load": { "concurrency": [1], "durationSeconds": 0.5, "warmupSeconds": 0 },
                "quality": { "requests": [ { "body": "a", "expected": { "json": { "ok": true } } },
                                           { "body": "b", "expected": { "json": { "ok": false } } } ], "compare": "exact" },
                "variants": [ { "name": "only" } ] } ] }
            """;
        var run = await RunBenchAsync(spec);
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stdout + run.Stderr);
        var q = run.Results!.Benchmarks.Single().Quality!;
        Assert.That((q.Passed, q.Exact, q.Requests, q.Problem), Is.EqualTo((false, false, 2, "request 2: at $.ok: expected false, got true")));
        await AssertNoContainerLeftAsync(name);
    }
}
