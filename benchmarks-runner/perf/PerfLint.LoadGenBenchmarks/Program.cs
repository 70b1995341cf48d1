using PerfLint.Testing;
using System.Globalization;
using System.Text;
using PerfLint.Bench.Load;
using PerfLint.Bench.Spec;
using PerfLint.Bench.Stats;

namespace PerfLint.LoadGenBenchmarks;

/// <summary>
/// Two figures for docs/performance.md, in one run on this machine:
///  1. Ceiling: requests/s of PerfLint's closed-loop generator vs wrk, same connections, same trivial server (FaultServer,
///     FAULT_MODE=ok, loopback), alternating runs, median reported. Target: at least 50 % of wrk.
///  2. Accuracy: p50 against a server that answers after exactly RESPONSE_DELAY_MS; added latency = p50 - delay
///     (wrk's p50 on the same server shown for reference). Target: under 0.5 ms.
/// Usage: perflint-loadgen-bench [--seconds 10] [--repeats 3] [--connections 64] [--delay-ms 10] [--markdown FILE]
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var seconds = IntArg(args, "--seconds", 10);
        var repeats = IntArg(args, "--repeats", 3);
        var connections = IntArg(args, "--connections", 64);
        var delayMs = IntArg(args, "--delay-ms", 10);
        var markdownFile = StringArg(args, "--markdown");
        var faultServer = StringArg(args, "--fault-server") ?? FindFaultServer();
        var body = "{\"x\":1}"u8.ToArray();

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} CPU(s), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; {seconds} s per run, median of {repeats} alternating runs.");
        report.AppendLine();

        // 1. Ceiling.
        var ours = new List<double>();
        var theirs = new List<double>();
        await using (var server = await FaultServerProcess.StartAsync(faultServer, new Dictionary<string, string> { ["FAULT_MODE"] = "ok" }))
        {
            var target = new LoadTarget(server.Invocations, HttpMethod.Post, body, "application/json", TimeSpan.FromSeconds(10));
            await LoadGenerator.RunClosedLoopAsync(target, connections, 0, 2, null, CancellationToken.None); // JIT + server warmup
            for (var i = 0; i < repeats; i++)
            {
                var w = await Wrk.RunAsync(server.Invocations, threads: 2, connections, seconds);
                theirs.Add(w.RequestsPerSecond);
                var step = await LoadGenerator.RunClosedLoopAsync(target, connections, 1, seconds, null, CancellationToken.None);
                if (step.ErrorCount > 0) Console.Error.WriteLine($"warning: {step.ErrorCount} errors in run {i + 1}");
                ours.Add(step.ThroughputPerSecond);
                Console.Error.WriteLine($"ceiling run {i + 1}: wrk {w.RequestsPerSecond:0} req/s, perflint {step.ThroughputPerSecond:0} req/s");
            }
        }
        var oursMedian = Median.Of(ours.Select(x => (double?)x))!.Value;
        var wrkMedian = Median.Of(theirs.Select(x => (double?)x))!.Value;
        var ratio = oursMedian / wrkMedian;
        report.AppendLine("| ceiling (FaultServer ok, loopback, " + connections + " connections) | req/s (median) | runs |");
        report.AppendLine("|---|---:|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| wrk -t2 -c{connections} | {wrkMedian:0} | {string.Join(", ", theirs.Select(x => x.ToString("0", CultureInfo.InvariantCulture)))} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| perflint closed loop, concurrency {connections} | {oursMedian:0} | {string.Join(", ", ours.Select(x => x.ToString("0", CultureInfo.InvariantCulture)))} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| **perflint / wrk** | **{ratio:P0}** (target >= 50 %: {(ratio >= 0.5 ? "met" : "MISSED")}) | |");
        report.AppendLine();

        // 2. Accuracy.
        var closedP50 = new List<double>();
        var openP50 = new List<double>();
        var wrkP50 = new List<double>();
        var openLag = new List<double>();
        await using (var server = await FaultServerProcess.StartAsync(faultServer, new Dictionary<string, string> { ["RESPONSE_DELAY_MS"] = delayMs.ToString(CultureInfo.InvariantCulture) }))
        {
            var target = new LoadTarget(server.Invocations, HttpMethod.Post, body, "application/json", TimeSpan.FromSeconds(10));
            await LoadGenerator.RunClosedLoopAsync(target, 1, 0, 2, null, CancellationToken.None);
            for (var i = 0; i < repeats; i++)
            {
                wrkP50.Add((await Wrk.RunAsync(server.Invocations, threads: 1, connections: 1, seconds)).P50Ms);
                closedP50.Add(LatencySummary.From((await LoadGenerator.RunClosedLoopAsync(target, 1, 1, seconds, null, CancellationToken.None)).Latency).P50!.Value);
                // Open loop well below saturation (a fifth of 1/delay): latency from the schedule.
                var rate = 200.0 / delayMs;
                var open = await LoadGenerator.RunOpenLoopAsync(target, rate, Arrival.Constant, 16, 1, seconds, null, CancellationToken.None);
                openP50.Add(LatencySummary.From(open.Latency).P50!.Value);
                openLag.Add(open.SendLag.GetValueAtPercentile(50) / 1000.0);
                Console.Error.WriteLine($"accuracy run {i + 1}: wrk p50 {wrkP50[^1]:0.000} ms, closed {closedP50[^1]:0.000} ms, open {openP50[^1]:0.000} ms (send lag p50 {openLag[^1]:0.000} ms)");
            }
        }
        double Med(List<double> v) => Median.Of(v.Select(x => (double?)x))!.Value;
        var added = Med(closedP50) - delayMs;
        report.AppendLine(CultureInfo.InvariantCulture, $"| accuracy (server delay exactly {delayMs} ms, 1 connection) | p50 ms (median) | added over {delayMs} ms |");
        report.AppendLine("|---|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| wrk -t1 -c1 (reference) | {Med(wrkP50):0.000} | {Med(wrkP50) - delayMs:0.000} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| perflint closed loop, concurrency 1 | {Med(closedP50):0.000} | **{added:0.000}** (target < 0.5 ms: {(added < 0.5 ? "met" : "MISSED")}) |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| perflint open loop, {200.0 / delayMs:0.#} req/s constant (from schedule) | {Med(openP50):0.000} | {Med(openP50) - delayMs:0.000} (of which send lag p50 {Med(openLag):0.000}) |");

        var text = report.ToString();
        Console.WriteLine(text);
        if (markdownFile != null) await File.WriteAllTextAsync(markdownFile, text);
        return ratio >= 0.5 && added < 0.5 ? 0 : 1;
    }

    private static string FindFaultServer()
    {
        var cfg = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var dll = Path.Combine(dir.FullName, "samples", "serving", "FaultServer", "bin", cfg, "net10.0", "FaultServer.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new FileNotFoundException("FaultServer.dll not found; build samples/serving/FaultServer or pass --fault-server");
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? StringArg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
