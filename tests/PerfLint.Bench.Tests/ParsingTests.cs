using TempDirectory = PerfLint.Testing.TempDirectory;
using PerfLint.Bench.Cli;
using PerfLint.Bench.Containers;
using PerfLint.Bench.Utilization;

namespace PerfLint.Bench.Tests;

public class ParsingTests
{
    [Test]
    public void PodmanStatsJson()
    {
        const string podman = """[ { "id": "abc", "name": "x", "cpu_percent": "12.50%", "mem_usage": "120.5MB / 8.2GB", "mem_percent": "1.4%" } ]""";
        var (cpu, mem) = StatsParsing.Parse(podman);
        Assert.That(cpu, Is.EqualTo(12.5));
        Assert.That(mem, Is.EqualTo(120.5e6 / 1024 / 1024).Within(1e-6));
    }

    [Test]
    public void DockerStatsJsonLines()
    {
        const string docker = """{"BlockIO":"0B / 0B","CPUPerc":"3.21%","Container":"abc","MemUsage":"1.5GiB / 7.6GiB","Name":"x"}""";
        var (cpu, mem) = StatsParsing.Parse(docker + "\n");
        Assert.That(cpu, Is.EqualTo(3.21));
        Assert.That(mem, Is.EqualTo(1536));
    }

    [Test]
    public void GarbageStatsAreNotAvailableNotAnError()
    {
        Assert.That(StatsParsing.Parse("Error: no such container"), Is.EqualTo(((double?)null, (double?)null)));
        Assert.That(StatsParsing.Parse(""), Is.EqualTo(((double?)null, (double?)null)));
    }

    [TestCase("10%", 0.10)]
    [TestCase("0.05", 0.05)]
    [TestCase("15", 0.15)]
    [TestCase("-1", null)]
    [TestCase("ten", null)]
    public void RegressionThreshold(string text, double? expected) =>
        Assert.That(BenchCommandDefinition.ParseFraction(text), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public async Task OptionsDefaultsAndErrors()
    {
        var help = await Perflint.RunAsync("bench", "--help");
        Assert.That(help.Stdout, Does.Contain("[default: perflint-results]").And.Contain("[default: 0.1]"));
        foreach (var (args, message) in new[]
        {
            (new[] { "bench" }, "perflint bench: missing spec file\n"),
            (new[] { "bench", "s.json", "--engine", "lxc" }, "perflint bench: --engine must be docker or podman, not lxc\n"),
            (new[] { "bench", "s.json", "--bogus" }, "perflint bench: Unrecognized command or argument '--bogus'.\n"),
            (new[] { "bench", "s.json", "--regression-threshold", "ten" },
                "perflint bench: --regression-threshold must be a percentage like 10% or a fraction like 0.1, not ten\n"),
        })
        {
            var run = await Perflint.RunAsync(args);
            Assert.That((run.ExitCode, run.Stdout), Is.EqualTo((2, "")), string.Join(' ', args));
            Assert.That(run.Stderr, Does.StartWith(message).And.Contain("  perflint bench [<spec>] [options]"));
        }
    }

    [TestCase("tcp://gpu-box:2376", "gpu-box")]
    [TestCase("ssh://me@inf2-host/run/podman/podman.sock", "inf2-host")]
    [TestCase("unix:///run/podman/podman.sock", null)]
    [TestCase("tcp://127.0.0.1:2375", null)]
    [TestCase(null, null)]
    public void RemoteEngineHost(string? url, string? host) =>
        Assert.That(ContainerEngine.RemoteHostOf(url), Is.EqualTo(host));

    [Test]
    public async Task BadSpecExitsTwoWithFileLineColumn()
    {
        using var dir = new TempDirectory("perflint-bench-test");
        var spec = dir.File("perflint.bench.json", "{\n  \"benchmarks\": [\n    { \"name\": 5 }\n  ]\n}");
        var run = await Perflint.RunAsync("bench", spec);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.StartWith($"{spec}(3,5): error PLB0100: a benchmark needs \"image\""));
    }
}

public class AcceleratorArgsTests
{
    [Test]
    public void NvidiaUsesGpusForDockerAndCdiForPodman()
    {
        var docker = new ContainerEngine("docker", "/usr/bin/docker", null, null);
        var podman = new ContainerEngine("podman", "/usr/bin/podman", null, null);
        Assert.That(docker.AcceleratorArgs(PerfLint.Bench.Spec.Accelerator.Nvidia), Is.EqualTo(new[] { "--gpus", "all" }));
        Assert.That(podman.AcceleratorArgs(PerfLint.Bench.Spec.Accelerator.Nvidia), Is.EqualTo(new[] { "--device", "nvidia.com/gpu=all" }));
        Assert.That(podman.AcceleratorArgs(PerfLint.Bench.Spec.Accelerator.None), Is.Empty);
        var neuron = podman.AcceleratorArgs(PerfLint.Bench.Spec.Accelerator.Neuron).ToList();
        Assert.That(neuron[0], Is.EqualTo("--device"));
        Assert.That(neuron[1], Does.StartWith("/dev/neuron"));
    }

    [Test]
    public void RemoteEngineIsReachedAtItsHost()
    {
        var remote = new ContainerEngine("podman", "/usr/bin/podman", "ssh://me@inf2-box/run/podman/podman.sock", null);
        Assert.That((remote.IsRemote, remote.TargetHost), Is.EqualTo((true, "inf2-box")));
        var local = new ContainerEngine("podman", "/usr/bin/podman", "unix:///run/podman/podman.sock", null);
        Assert.That((local.IsRemote, local.TargetHost), Is.EqualTo((false, "127.0.0.1")));
    }
}

public class NvidiaSmiParsingTests
{
    [Test]
    public void TwoGpusAreAveragedAndMemorySummed()
    {
        var (util, mem, power) = UtilizationSampler.ParseNvidiaSmi("80, 1000, 300.5\n40, 3000, 100.5\n");
        Assert.That((util, mem, power), Is.EqualTo(((double?)60, (double?)4000, (double?)200.5)));
    }

    [Test]
    public void NotAvailableFieldsAreNull()
    {
        var (util, mem, power) = UtilizationSampler.ParseNvidiaSmi("55, 2048, [N/A]\n");
        Assert.That((util, mem, power), Is.EqualTo(((double?)55, (double?)2048, (double?)null)));
        Assert.That(UtilizationSampler.ParseNvidiaSmi("NVIDIA-SMI has failed"), Is.EqualTo(((double?)null, (double?)null, (double?)null)));
    }
}
