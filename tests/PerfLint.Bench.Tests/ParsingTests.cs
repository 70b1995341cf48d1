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
    public void RegressionThreshold(string text, double expected) =>
        Assert.That(BenchOptions.Parse(new[] { "s.json", "--regression-threshold", text }).RegressionThreshold, Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void OptionsDefaultsAndErrors()
    {
        var o = BenchOptions.Parse(new[] { "s.json" });
        Assert.That((o.OutputDir, o.RegressionThreshold, o.BaselinePath), Is.EqualTo(("perflint-results", 0.10, (string?)null)));
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(Array.Empty<string>()));
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(new[] { "s.json", "--engine", "lxc" }));
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(new[] { "s.json", "--bogus" }));
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
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await BenchCommand.RunAsync(new[] { spec }, stdout, stderr, CancellationToken.None);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.StartWith($"{spec}(3,5): error PLB0100: a benchmark needs \"image\""));
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
