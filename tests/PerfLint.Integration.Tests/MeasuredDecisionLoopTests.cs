using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PerfLint.Integration.Tests.Infrastructure;
using PerfLint.Testing;

namespace PerfLint.Integration.Tests;

/// <summary>
/// The measured-decision loop end to end, with the packed PerfLint package only: `perflint bench` (the package's
/// tools/perflint.dll) runs one known server on two hosts standing in for two instance types, `perflint recommend`
/// picks the cheaper one that meets the latency budget and writes perflint.capacity.json beside a CDK project, and
/// `dotnet build` of that project flags the scaling target above the measured rate and not the one that fits.
/// </summary>
[Category("Package")]
[Category("Containers")]
public class MeasuredDecisionLoopTests
{
    private const string FaultyImage = "localhost/perflint/faulty:1";

    // Line 7 sets a target above anything the slow server can sustain, line 9 one that fits it (see the bounds below).
    private const string Program = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ApplicationAutoScaling;

        var app = new App();
        var stack = new Stack(app, "ServingStack");
        var over = new ScalableTarget(stack, "Over", new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = "endpoint/resnet-endpoint/variant/AllTraffic", ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4 });
        over.ScaleToTrackMetric("Invocations", new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = 20000 });
        var fits = new ScalableTarget(stack, "Fits", new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER, ResourceId = "endpoint/resnet-endpoint/variant/AllTraffic", ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 1, MaxCapacity = 4 });
        fits.ScaleToTrackMetric("Invocations", new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = 2000 });
        app.Synth();
        """;

    // The user's price file: ml.c5.xlarge $0.24/h, ml.g5.xlarge $1.44/h (6× as much).
    private const string Prices = """
        { "formatVersion": 1, "imported": "2026-12-05", "prices": [
          { "service": "AmazonSageMaker", "use": "Hosting", "instanceType": "ml.c5.xlarge", "region": "us-east-1", "usdPerHour": 0.24, "source": "test price file" },
          { "service": "AmazonSageMaker", "use": "Hosting", "instanceType": "ml.g5.xlarge", "region": "us-east-1", "usdPerHour": 1.44, "source": "test price file" } ] }
        """;

    [Test]
    public void Bench_on_two_hosts_then_recommend_writes_the_capacity_file_and_the_build_flags_the_target_above_it()
    {
        RequireFaultyImage();
        using var work = new TempDirectory("perflint-loop");
        var feed = work.Combine("feed");
        var version = LocalFeed.PackTestVersion("analyzers/PerfLint.Package/PerfLint.Package.csproj", feed);
        var app = work.Combine("app");
        LocalFeed.WriteCdkConsumer(app, feed, Program, ("PerfLint", version));
        using var cached = LocalFeed.Restored("PerfLint", version);
        var tmp = Directory.CreateDirectory(work.Combine("tmp")).FullName;
        var env = new Dictionary<string, string> { ["TMPDIR"] = tmp };
        var restore = ProcessRunner.Dotnet(app, TimeSpan.FromMinutes(5), env, "restore", "-nologo");
        Assert.That(restore.ExitCode, Is.Zero, restore.Tail());
        var perflint = Path.Combine(LocalFeed.GlobalPackagesFolder, "perflint", version.ToLowerInvariant(), "tools", "perflint.dll");
        Assert.That(perflint, Does.Exist);

        // One server, two settings: 60 ms per invocation on the host standing in for ml.c5.xlarge, 20 ms on ml.g5.xlarge.
        ProcessResult bench;
        using (var hosts = new PodmanServices("a", "b"))
        {
            var spec = work.File("perflint.bench.json", $$"""
                {
                  "hosts": [
                    { "name": "c5", "engineUrl": "{{hosts.Url("a")}}", "engine": "podman", "instanceType": "ml.c5.xlarge", "env": { "RESPONSE_DELAY_MS": "60" } },
                    { "name": "g5", "engineUrl": "{{hosts.Url("b")}}", "engine": "podman", "instanceType": "ml.g5.xlarge", "env": { "RESPONSE_DELAY_MS": "20" } }
                  ],
                  "benchmarks": [ {
                    "name": "resnet", "endpoint": "resnet-endpoint", "image": "{{FaultyImage}}", "env": { "FAULT_MODE": "ok" },
                    "readinessTimeoutSeconds": 60,
                    "request": { "body": "{\"x\": 1}", "contentType": "application/json" },
                    "load": { "concurrency": [8], "durationSeconds": 15, "warmupSeconds": 1 },
                    "budgets": { "p99Ms": 1000 }
                  } ]
                }
                """);
            bench = ProcessRunner.Run("dotnet", new[] { "exec", perflint, "bench", spec, "--output", work.Combine("results") }, work.Path, env, TimeSpan.FromMinutes(4));
        }
        Assert.That(bench.ExitCode, Is.Zero, bench.Tail());
        var results = work.Combine("results", "results.json");
        using (var doc = JsonDocument.Parse(File.ReadAllText(results)))
        {
            var hostsAndTypes = doc.RootElement.GetProperty("benchmarks").EnumerateArray()
                .Select(b => (b.GetProperty("host").GetString(), b.GetProperty("instanceType").GetString())).ToList();
            Assert.That(hostsAndTypes, Is.EqualTo(new[] { ((string?)"c5", (string?)"ml.c5.xlarge"), ("g5", "ml.g5.xlarge") }));
        }

        // Both meet p99 ≤ 1000 ms. Cost per million = price / (throughput × 3600) × 10^6: with 8 requests in flight the
        // c5 host serves at most 8 / 60 ms = 133.3/s and the g5 host at most 8 / 20 ms = 400/s, 3× as many, and the fixed
        // overhead of each request narrows that ratio further; g5 costs 6× as much an hour, so ml.c5.xlarge costs at most
        // half as much per million inferences and is the choice.
        var capacityFile = Path.Combine(app, "perflint.capacity.json");
        var recommend = ProcessRunner.Run("dotnet", new[] { "exec", perflint, "recommend", results, "--p99-ms", "1000",
            "--prices", work.File("prices.json", Prices), "--format", "json", "--write", capacityFile }, work.Path, env, TimeSpan.FromMinutes(2));
        Assert.That(recommend.ExitCode, Is.Zero, recommend.Tail());
        Assert.That(recommend.Output, Does.Contain("\"chosen\": \"ml.c5.xlarge\""), recommend.Output);

        // The sustainable rate of the c5 host: at most 133.3/s = 8000/min (60 ms per invocation, 8 in flight); at least
        // 2000/min (33.3/s, each request 4× its service time) on a loaded machine. Target 20000 is above any such rate:
        // a warning. Target 2000 is at most the rate and not more than 4× below it (4 × 2000 = 8000): silent.
        using var capacity = JsonDocument.Parse(File.ReadAllText(capacityFile));
        var entry = capacity.RootElement.GetProperty("endpoints").EnumerateArray().Single();
        var sustainable = entry.GetProperty("sustainablePerMinute").GetDouble();
        var measured = entry.GetProperty("measured").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(entry.GetProperty("endpoint").GetString(), Is.EqualTo("resnet-endpoint"));
            Assert.That(entry.GetProperty("instanceType").GetString(), Is.EqualTo("ml.c5.xlarge"));
            Assert.That(sustainable, Is.InRange(2000, 8000));
            Assert.That(entry.GetProperty("targetValue").GetDouble(), Is.EqualTo(Math.Floor(sustainable * 0.5)));
            Assert.That(entry.GetProperty("budgetMs").GetDouble(), Is.EqualTo(1000));
        });

        var sarif = Path.Combine(work.Path, "app.sarif");
        var build = ProcessRunner.Dotnet(app, TimeSpan.FromMinutes(8), env, "build", "--no-restore", "-nologo", $"-p:ErrorLog={sarif}%2Cversion=2.1");
        Assert.That(build.ExitCode, Is.Zero, build.Tail());
        var rate = sustainable.ToString("0.##", CultureInfo.InvariantCulture);
        Assert.That(build.Output, Does.Contain(
            $"Program.cs(7,178): warning PL5002: SageMaker endpoint 'resnet-endpoint' scales above what its model sustains: target 20000/min, measured sustainable {rate}/min at p99 ≤ 1000 ms on ml.c5.xlarge, {measured} (perflint.capacity.json)"),
            build.Tail());
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var pl5002Lines = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == "PL5002")
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32())
            .ToList();
        Assert.That(pl5002Lines, Is.EqualTo(new[] { 7 }), "PL5002 on the target above the measured rate only (no warning or info on line 9)");
    }

    private static void RequireFaultyImage()
    {
        if (ProcessRunner.Run("podman", new[] { "image", "exists", FaultyImage }, Repository.Root, null, TimeSpan.FromSeconds(30)).ExitCode == 0) return;
        var script = Path.Combine(Repository.Root, "samples", "serving", "build-images.sh");
        var build = ProcessRunner.Run("bash", new[] { script, "faulty" }, Repository.Root, null, TimeSpan.FromMinutes(15));
        Assert.That(build.ExitCode, Is.Zero, $"building {FaultyImage} with {script} failed: {build.Tail()}");
    }
}
