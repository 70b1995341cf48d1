using System.Globalization;
using System.Text.RegularExpressions;
using PerfLint.Bench.Containers;

namespace PerfLint.LoadGenBenchmarks;

/// <summary>Runs wrk (Debian package `wrk`) with the same POST and reads its figures from a Lua `done` hook.</summary>
internal static class Wrk
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

    private const string Script = """
        wrk.method = "POST"
        wrk.body = "{\"x\":1}"
        wrk.headers["Content-Type"] = "application/json"
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("RESULT rps=%.3f p50_us=%d p99_us=%d errors=%d\n",
            summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
            e.connect + e.read + e.write + e.status + e.timeout))
        end
        """;

    public static async Task<Result> RunAsync(Uri target, int threads, int connections, int seconds)
    {
        var wrk = ProcessRunner.FindOnPath("wrk") ?? throw new InvalidOperationException("wrk is not installed (apt-get install -y wrk)");
        var script = Path.Combine(Path.GetTempPath(), $"perflint-wrk-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            var r = await ProcessRunner.RunAsync(wrk,
                new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "-s", script, target.ToString() },
                TimeSpan.FromSeconds(seconds + 60));
            var m = Regex.Match(r.Stdout, @"RESULT rps=([\d.]+) p50_us=(\d+) p99_us=(\d+) errors=(\d+)");
            if (!r.Ok || !m.Success) throw new InvalidOperationException("wrk failed: " + r.Describe() + r.Stdout);
            double D(int g) => double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            return new Result(D(1), D(2) / 1000, D(3) / 1000, (long)D(4));
        }
        finally
        {
            File.Delete(script);
        }
    }
}
