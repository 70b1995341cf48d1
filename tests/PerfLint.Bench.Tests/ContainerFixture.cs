using TempDirectory = PerfLint.Testing.TempDirectory;
using PerfLint.Bench.Containers;
using PerfLint.Bench.Results;

namespace PerfLint.Bench.Tests;

/// <summary>
/// Base of the tests that run real containers. Podman must be installed (CI installs it): without it these tests fail
/// with a clear message instead of passing silently. Missing sample images are built with the serving team's script.
/// </summary>
[Category("Containers")]
public abstract class ContainerFixture
{
    protected const string FaultyImage = "localhost/perflint/faulty:1";
    protected const string ResnetImage = "localhost/perflint/resnet18:1";

    [OneTimeSetUp]
    public async Task RequirePodmanAndImages()
    {
        if (ProcessRunner.FindOnPath("podman") == null)
            Assert.Fail("podman is required for the container tests: apt-get install -y podman runc (see docs/dev/HELPERS.md).");
        var info = await ProcessRunner.RunAsync("podman", new[] { "info" }, TimeSpan.FromSeconds(60));
        if (!info.Ok) Assert.Fail($"podman is installed but does not work: {info.Describe()}");
        foreach (var (image, target) in new[] { (FaultyImage, "faulty"), (ResnetImage, "resnet18") })
        {
            if ((await ProcessRunner.RunAsync("podman", new[] { "image", "exists", image }, TimeSpan.FromSeconds(30))).Ok) continue;
            var script = Path.Combine(RepoPaths.Root, "samples", "serving", "build-images.sh");
            var build = await ProcessRunner.RunAsync("bash", new[] { script, target }, TimeSpan.FromMinutes(15));
            if (!build.Ok) Assert.Fail($"building {image} with {script} failed: {build.Describe()}");
        }
    }

    protected sealed record BenchRun(int ExitCode, string Stdout, string Stderr, BenchResults? Results, TimeSpan Elapsed);

    /// <summary>Runs `perflint bench` in process on a spec written to a temp dir.</summary>
    protected static async Task<BenchRun> RunBenchAsync(string specJson, params string[] extraArgs)
    {
        using var dir = new TempDirectory("perflint-bench-test");
        var spec = dir.File("perflint.bench.json", specJson);
        var output = Path.Combine(dir.Path, "out");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var code = await Perflint.RunAsync(new[] { "bench", spec, "--output", output }.Concat(extraArgs).ToArray(), stdout, stderr, CancellationToken.None);
        var resultsFile = Path.Combine(output, "results.json");
        var results = File.Exists(resultsFile) ? BenchResults.FromJson(File.ReadAllText(resultsFile)) : null;
        return new BenchRun(code, stdout.ToString(), stderr.ToString(), results, watch.Elapsed);
    }

    /// <summary>Every container a benchmark started carries its name as a label; none may be left.</summary>
    protected static async Task AssertNoContainerLeftAsync(string benchmarkName)
    {
        var ps = await ProcessRunner.RunAsync("podman",
            new[] { "ps", "-a", "-q", "--filter", $"label=perflint.benchmark={benchmarkName}" }, TimeSpan.FromSeconds(30));
        Assert.That(ps.Ok, Is.True, ps.Describe());
        Assert.That(ps.Stdout.Trim(), Is.Empty, $"containers left behind for {benchmarkName}");
    }

    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>A fault-server spec; budgets are JSON text so tests can place them.</summary>
    protected static string FaultSpec(string name, string env, string budgets, string load = "\"concurrency\": [2], \"durationSeconds\": 2, \"warmupSeconds\": 0.5",
        double readiness = 30, double requestTimeout = 5) => $$"""
        {
          "benchmarks": [ {
            "name": "{{name}}",
            "image": "{{FaultyImage}}",
            "env": { {{env}} },
            "readinessTimeoutSeconds": {{readiness}},
            "requestTimeoutSeconds": {{requestTimeout}},
            "request": { "body": "{\"x\": 1}", "contentType": "application/json" },
            "load": { {{load}} },
            "budgets": { {{budgets}} }
          } ]
        }
        """;
}
