namespace PerfLint.Bench.Tests;

/// <summary>The real ResNet18 image (ONNX Runtime on CPU), short steps, closed and open loop.</summary>
public class ResnetContainerTests : ContainerFixture
{
    [Test]
    public async Task BenchmarksTheRealModel()
    {
        var name = UniqueName("resnet");
        var spec = $$"""
            {
              "benchmarks": [ {
                "name": "{{name}}",
                "image": "{{ResnetImage}}",
                "env": { "BATCH_MAX": "4", "BATCH_MAX_WAIT_MS": "5" },
                "readinessTimeoutSeconds": 240,
                "requestTimeoutSeconds": 30,
                "request": { "bodyFile": "{{RepoPaths.RequestImage}}", "contentType": "application/x-image" },
                "load": { "concurrency": [1, 4], "ratePerSecond": [5], "durationSeconds": 4, "warmupSeconds": 2 },
                "instanceType": "ml.c5.xlarge",
                "budgets": { "p50Ms": 10000, "maxErrorRate": 0, "maxCostPerMillionUsd": 1000000 }
              } ]
            }
            """;
        var run = await RunBenchAsync(spec);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
        var b = run.Results!.Benchmarks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(b.Steps.Select(s => s.Label), Is.EqualTo(new[] { "concurrency 1", "concurrency 4", "5 req/s (constant)" }));
            Assert.That(b.Steps.Select(s => s.Successes), Is.All.GreaterThan(5));
            Assert.That(b.Steps.Select(s => s.ErrorRate), Is.All.EqualTo(0));
            Assert.That(b.Steps.Select(s => s.CostPerMillionUsd), Is.All.Not.Null);
            Assert.That(b.PriceIsFloor, Is.True);
            Assert.That(b.Steps[0].Utilization!.ContainerMemoryMiB, Is.GreaterThan(10), "a model is loaded");
        });
        await AssertNoContainerLeftAsync(name);
    }
}
