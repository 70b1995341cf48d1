using TempDirectory = PerfLint.Testing.TempDirectory;
using System.Diagnostics;
using PerfLint.Bench.Containers;

namespace PerfLint.Bench.Tests;

/// <summary>Ctrl+C, SIGTERM and programmatic cancellation stop the run quickly and remove the container.</summary>
public class CancellationTests : ContainerFixture
{
    private static string LongSpec(string name) =>
        FaultSpec(name, "\"RESPONSE_DELAY_MS\": \"5\"", "\"p50Ms\": 500", load: "\"concurrency\": [2], \"durationSeconds\": 120, \"warmupSeconds\": 0");

    [Test]
    public async Task CancellingTheTokenRemovesTheContainer()
    {
        var name = UniqueName("cancel");
        using var dir = new TempDirectory("perflint-bench-test");
        var spec = dir.File("perflint.bench.json", LongSpec(name));
        var stdout = new StringWriter();
        using var cts = new CancellationTokenSource();
        var run = Perflint.RunAsync(new[] { "bench", spec, "--output", Path.Combine(dir.Path, "out") }, TextWriter.Synchronized(stdout), TextWriter.Null, cts.Token);
        await WaitForAsync(() => stdout.ToString().Contains("  ready"), TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        var watch = Stopwatch.StartNew();
        cts.Cancel();
        var code = await run;
        Assert.That(code, Is.EqualTo(2));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
        await AssertNoContainerLeftAsync(name);
    }

    [TestCase("INT")]
    [TestCase("TERM")]
    public async Task SignalToTheRunnerProcessRemovesTheContainer(string signal)
    {
        var name = UniqueName("sig" + signal.ToLowerInvariant());
        using var dir = new TempDirectory("perflint-bench-test");
        var spec = dir.File("perflint.bench.json", LongSpec(name));
        // Started as from a terminal, with SIGINT at its default disposition: when the tests themselves run as a
        // background job of a script, they inherit SIGINT as ignored and would pass that on (a runner that ignores
        // Ctrl+C is then right to).
        var psi = new ProcessStartInfo("env") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--default-signal=INT", "dotnet", "exec", RepoPaths.RunnerDll, "bench", spec, "--output", Path.Combine(dir.Path, "out") }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitForAsync(() => { lock (output) return output.ToString().Contains("  ready"); }, TimeSpan.FromSeconds(30));
            await Task.Delay(1000);
            var kill = await ProcessRunner.RunAsync("kill", new[] { "-" + signal, process.Id.ToString() }, TimeSpan.FromSeconds(5));
            Assert.That(kill.Ok, kill.Describe());
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(exit.Token);
            lock (output) Assert.That(output.ToString(), Does.Contain("cancelled"));
            Assert.That(process.ExitCode, Is.EqualTo(2));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        await AssertNoContainerLeftAsync(name);
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout) Assert.Fail("timed out waiting for the benchmark to get ready");
            await Task.Delay(100);
        }
    }
}
