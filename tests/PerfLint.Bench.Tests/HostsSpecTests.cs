using System.Text;
using PerfLint.Bench.Cli;
using PerfLint.Bench.Hosts;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Tests;

/// <summary>The spec's hosts list, and which hosts a run uses (the command line's --engine-url replaces the list).</summary>
public class HostsSpecTests
{
    private static BenchSpecFile Read(string hosts) => SpecReader.Read(Encoding.UTF8.GetBytes(Spec(hosts)), "/specs/perflint.bench.json");

    private static string Spec(string hosts) => $$"""
        {
          "hosts": {{hosts}},
          "benchmarks": [ {
            "name": "resnet", "image": "img:1", "env": { "THREADS": "2", "MODEL": "resnet18" }, "instanceType": "ml.c5.xlarge",
            "request": { "body": "abc" }, "load": { "concurrency": [1] }
          } ]
        }
        """;

    private const string TwoHosts = """
        [
            { "name": "g5", "engineUrl": "ssh://ec2-user@g5-box/run/user/1000/podman/podman.sock", "instanceType": "ml.g5.xlarge", "env": { "THREADS": 4 } },
            { "engineUrl": "tcp://c7i-box:2376", "engine": "docker", "targetHost": "10.0.0.7" }
          ]
        """;

    [Test]
    public void ReadsEveryFieldOfAHost_AndANamelessHostIsLabelledByItsUrl()
    {
        var hosts = Read(TwoHosts).Hosts;
        Assert.That(hosts.Select(h => (h.Name, h.EngineUrl, h.Engine, h.TargetHost, h.InstanceType)), Is.EqualTo(new[]
        {
            ((string?)"g5", (string?)"ssh://ec2-user@g5-box/run/user/1000/podman/podman.sock", (string?)null, (string?)null, (string?)"ml.g5.xlarge"),
            ("tcp://c7i-box:2376", "tcp://c7i-box:2376", "docker", "10.0.0.7", null),
        }));
        Assert.That(hosts[0].Env, Is.EqualTo(new Dictionary<string, string> { ["THREADS"] = "4" }));
        Assert.That(hosts[0].Pos, Is.EqualTo(new SourcePos(3, 5)));
    }

    [Test]
    public void HostsAreCheckedAtTheirLine()
    {
        var missing = Assert.Throws<SpecException>(() => Read("""[ { "name": "a" } ]"""))!;
        Assert.That((missing.Line, missing.Message), Is.EqualTo((2, "a host needs \"engineUrl\"")));
        var unknown = Assert.Throws<SpecException>(() => Read("""[ { "engineUrl": "tcp://a:1", "instance": "x" } ]"""))!;
        Assert.That(unknown.Message, Does.StartWith("unknown property \"instance\""));
        var engine = Assert.Throws<SpecException>(() => Read("""[ { "engineUrl": "tcp://a:1", "engine": "lxc" } ]"""))!;
        Assert.That(engine.Message, Is.EqualTo("\"engine\" must be \"docker\" or \"podman\", not \"lxc\""));
        var duplicate = Assert.Throws<SpecException>(() => Read("""[ { "engineUrl": "tcp://a:1" }, { "engineUrl": "tcp://a:1" } ]"""))!;
        Assert.That(duplicate.Message, Is.EqualTo("duplicate host name \"tcp://a:1\" (each host needs its own name or engineUrl)"));
        var empty = Assert.Throws<SpecException>(() => Read("[]"))!;
        Assert.That(empty.Message, Is.EqualTo("\"hosts\" must list at least one host (leave it out to use the default engine)"));
    }

    [Test]
    public void OnAHostTheHostsEnvIsLaidOverTheBenchmarksAndItsInstanceTypeReplacesTheBenchmarks()
    {
        var spec = Read(TwoHosts);
        var onG5 = HostPlan.OnHost(spec.Benchmarks[0], spec.Hosts[0]);
        Assert.That(onG5.Env, Is.EqualTo(new Dictionary<string, string> { ["THREADS"] = "4", ["MODEL"] = "resnet18" }));
        Assert.That(onG5.InstanceType, Is.EqualTo("ml.g5.xlarge"));
        Assert.That(HostPlan.OnHost(spec.Benchmarks[0], spec.Hosts[1]).InstanceType, Is.EqualTo("ml.c5.xlarge"), "a host without instanceType keeps the benchmark's");
    }

    [Test]
    public void EngineUrlsReplaceTheSpecsHosts_OneUrlIsTheDefaultHostAtThatUrl()
    {
        var specHosts = Read(TwoHosts).Hosts;
        var two = HostPlan.Resolve(new BenchOptions { EngineUrls = new[] { "unix:///a.sock", "unix:///b.sock" } }, specHosts);
        Assert.That(two.Select(h => (h.Name, h.EngineUrl)), Is.EqualTo(new[] { ((string?)"unix:///a.sock", (string?)"unix:///a.sock"), ("unix:///b.sock", "unix:///b.sock") }));
        var one = HostPlan.Resolve(new BenchOptions { EngineUrls = new[] { "tcp://box:2376" }, TargetHost = "10.0.0.9" }, specHosts).Single();
        Assert.That((one.Name, one.EngineUrl, one.TargetHost), Is.EqualTo(((string?)null, "tcp://box:2376", "10.0.0.9")));
        Assert.That(HostPlan.Resolve(new BenchOptions(), specHosts), Is.SameAs(specHosts));
        Assert.That(HostPlan.Resolve(new BenchOptions(), Array.Empty<HostSpec>()).Single().Name, Is.Null);
        Assert.Throws<ArgumentException>(() => HostPlan.Resolve(new BenchOptions { TargetHost = "x" }, specHosts));
    }

    [Test]
    public async Task TargetHostWithSeveralEngineUrlsIsAUsageError()
    {
        var run = await Perflint.RunAsync("bench", "spec.json", "--engine-url", "unix:///a.sock", "--engine-url", "unix:///b.sock", "--target-host", "x");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Stdout + run.Stderr);
        Assert.That(run.Stderr, Does.Contain("--target-host applies to one engine; with several hosts, give each its targetHost in the spec's hosts list"));
    }
}

/// <summary>One report for many hosts: each host's result of a benchmark is its own section, named with the host.</summary>
public class HostsReportTests
{
    [Test]
    public void EachHostsResultIsNamedWithItsHostInEveryReport_AndHostIsInResultsJson()
    {
        var results = new PerfLint.Bench.Results.BenchResults { SpecFile = "/s.json", Engine = "g5: podman; c7i: docker" };
        foreach (var host in new[] { "g5", "c7i" })
            results.Benchmarks.Add(new PerfLint.Bench.Results.BenchmarkResult { Name = "resnet", Image = "img", Host = host, Passed = true, Valid = true });
        Assert.Multiple(() =>
        {
            Assert.That(PerfLint.Bench.Reports.MarkdownReport.Render(results), Does.Contain("## resnet on g5: PASS").And.Contain("## resnet on c7i: PASS"));
            Assert.That(PerfLint.Bench.Reports.HtmlReport.Render(results), Does.Contain("<h2>resnet on c7i: <span class=\"PASS\">PASS</span></h2>"));
            Assert.That(System.Xml.Linq.XDocument.Parse(PerfLint.Bench.Reports.JunitReport.Render(results)).Root!.Elements("testsuite").Select(s => (string?)s.Attribute("name")),
                Is.EqualTo(new[] { "resnet on g5", "resnet on c7i" }));
            Assert.That(results.ToJson(), Does.Contain("\"host\": \"c7i\"").And.Not.Contain("displayName"));
        });
    }
}

/// <summary>--baseline with many hosts: each host's result is compared with the same host's result of the baseline.</summary>
public class HostsBaselineTests
{
    private static PerfLint.Bench.Results.RunResult Step(double throughput) => new()
    {
        Concurrency = 4, Requests = 2000, Successes = 2000, P50Ms = 10, P99Ms = 40, ThroughputPerSecond = throughput,
    };

    [Test]
    public void EachHostIsComparedWithItsOwnBaseline()
    {
        var baseline = new PerfLint.Bench.Results.BenchResults();
        foreach (var (host, throughput) in new[] { ("g5", 400.0), ("c7i", 100.0) })
        {
            var before = new PerfLint.Bench.Results.BenchmarkResult { Name = "b", Host = host, Repeat = 3 };
            before.Steps.Add(Step(throughput));
            baseline.Benchmarks.Add(before);
        }
        var spec = SpecReader.Read(Encoding.UTF8.GetBytes("""{ "benchmarks": [ { "name": "b", "image": "i", "request": { "body": "x" }, "load": { "concurrency": [4] } } ] }"""), "/s.json").Benchmarks[0];
        // c7i at 100/s is no regression against c7i's 100/s, though far below g5's 400/s.
        var c7i = new PerfLint.Bench.Results.BenchmarkResult { Name = "b", Host = "c7i", Repeat = 3 };
        c7i.Steps.Add(Step(100));
        PerfLint.Bench.Judging.BaselineComparer.Compare(spec, "/s.json", c7i, baseline, threshold: 0.10);
        Assert.That(c7i.Budgets.Single(b => b.Name == "regression:throughputPerSecond").Passed, Is.True);
        var inf2 = new PerfLint.Bench.Results.BenchmarkResult { Name = "b", Host = "inf2", Repeat = 3 };
        PerfLint.Bench.Judging.BaselineComparer.Compare(spec, "/s.json", inf2, baseline, threshold: 0.10);
        Assert.That(inf2.JudgementNote, Is.EqualTo("baseline has no benchmark named \"b\" on host inf2; nothing compared"));
    }
}
