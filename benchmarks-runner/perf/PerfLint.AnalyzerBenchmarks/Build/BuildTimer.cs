using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PerfLint.AnalyzerBenchmarks.Generation;
using PerfLint.AnalyzerBenchmarks.InProcess;

namespace PerfLint.AnalyzerBenchmarks.Build;

/// <summary>
/// The share of `dotnet build`: the generated project built from scratch (`--no-incremental`, restore done once)
/// with and without the PerfLint analyzers, alternating so that machine noise hits both alike; then one build with
/// `-p:ReportAnalyzer=true` for the compiler's own per-analyzer times.
/// </summary>
public static class BuildTimer
{
    public static void Print(ProjectKind kind, int files, int runs, IReadOnlyList<string> analyzerAssemblies, string? analyzerTargets, string directory,
        TextWriter output, int serverWarmUps = 10)
    {
        var project = GeneratedProject.Create(kind, files).WriteTo(directory, analyzerAssemblies, analyzerTargets);
        Run(directory, "restore", project, "-nologo", "-v:q").ThrowIfFailed("restore");

        // Warm-up: restore outputs and the file cache settle; with the compiler server on, it starts and loads the
        // analyzers once (with UseSharedCompilation=false every build starts a fresh compiler, which loads and JITs them).
        // The server keeps tiering up its JIT over the first builds: ten pairs by default (enough for PerfLint's builds
        // to settle; more warm-up measured no lower), more when asked.
        for (var warmUp = 0; warmUp < (FreshCompiler ? 1 : serverWarmUps); warmUp++)
        {
            Build(directory, project, perfLint: false).ThrowIfFailed("warm-up build");
            Build(directory, project, perfLint: true).ThrowIfFailed("warm-up build with PerfLint");
        }

        var without = new List<double>();
        var with = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            // Alternate which goes first, so neither always follows the other.
            foreach (var perfLint in run % 2 == 0 ? new[] { false, true } : new[] { true, false })
            {
                var result = Build(directory, project, perfLint).ThrowIfFailed("timed build");
                (perfLint ? with : without).Add(result.Elapsed.TotalSeconds);
            }
        }

        var report = Build(directory, project, perfLint: true, "-p:ReportAnalyzer=true", "-v:d").ThrowIfFailed("ReportAnalyzer build");
        if (!FreshCompiler)
        {
            Run(directory, "build-server", "shutdown"); // leave no server holding the analyzers behind
        }

        var fileCount = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Count(f => !f.Contains("/obj/", StringComparison.Ordinal));
        var medianWithout = RuleTimes.Median(without);
        var medianWith = RuleTimes.Median(with);
        // Each run's pair ran back to back: their differences are less exposed to slow drift of the machine.
        var differences = with.Zip(without, (w, o) => w - o).ToList();
        var paired = RuleTimes.Median(differences);
        output.WriteLine($"### `dotnet build --no-incremental`, {kind} project ({fileCount} files), {runs} alternating runs each");
        output.WriteLine();
        output.WriteLine("Compiler: " + CompilerMode() + (FreshCompiler ? "." : $"; {serverWarmUps} warm-up pairs."));
        if (ExtraBuildArguments.Length > 0)
        {
            output.WriteLine();
            output.WriteLine("Every build also gets: `" + string.Join(" ", ExtraBuildArguments) + "`.");
        }

        output.WriteLine();
        output.WriteLine("| | median s | runs (s) |");
        output.WriteLine("|---|---:|---|");
        output.WriteLine($"| without PerfLint | {F(medianWithout)} | {string.Join(", ", without.Select(F))} |");
        output.WriteLine($"| with PerfLint | {F(medianWith)} | {string.Join(", ", with.Select(F))} |");
        output.WriteLine($"| difference of the medians | {F(medianWith - medianWithout)} ({Percent(medianWith - medianWithout, medianWithout)}) | |");
        output.WriteLine($"| median of the paired differences | {F(paired)} ({Percent(paired, medianWithout)}) | |");
        var (mean, low, high) = MeanWithInterval(differences);
        output.WriteLine($"| mean of the paired differences, 95% interval | {F(mean)} ({Percent(mean, medianWithout)}), " +
                         $"{Percent(low, medianWithout)} to {Percent(high, medianWithout)} | |");
        output.WriteLine($"| mean of the paired differences in five consecutive blocks | {string.Join(", ", BlockMeans(differences, 5).Select(m => Percent(m, medianWithout)))} | |");
        output.WriteLine();
        output.WriteLine("`-p:ReportAnalyzer=true` (compiler's per-analyzer execution time, one build with PerfLint):");
        output.WriteLine();
        output.WriteLine("```");
        foreach (var line in AnalyzerReport(report.Output))
        {
            output.WriteLine(line);
        }

        output.WriteLine("```");
        output.WriteLine();
    }

    /// <summary>The compiler's summary lines and every PerfLint line of its analyzer table.</summary>
    private static IEnumerable<string> AnalyzerReport(string log)
    {
        var lines = log.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var line in lines.Where(l => l.Contains("Total analyzer execution time", StringComparison.Ordinal) ||
                                               Regex.IsMatch(l, @"^\s+[<\d.]+\s+[<\d]+\s+(PerfLint|Microsoft\.CodeAnalysis\.CSharp\.NetAnalyzers, )")))
        {
            yield return line.Trim();
        }
    }

    /// <summary>
    /// The mean of the paired differences with a 95% confidence interval (normal approximation: mean ± 1.96 standard
    /// errors). On a small VM single builds scatter by several percent; the interval says how far the mean can be trusted, and
    /// shrinks with the square root of the number of runs.
    /// </summary>
    public static (double Mean, double Low, double High) MeanWithInterval(IReadOnlyList<double> differences)
    {
        var mean = differences.Average();
        if (differences.Count < 2)
        {
            return (mean, mean, mean);
        }

        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1);
        var margin = 1.96 * Math.Sqrt(variance / differences.Count);
        return (mean, mean - margin, mean + margin);
    }

    /// <summary>
    /// The mean of each of <paramref name="blocks"/> consecutive runs of the differences: when they spread wider than
    /// the interval, the machine drifted during the run, and the interval understates the uncertainty (on this VM two
    /// runs of one configuration have differed by more than their intervals).
    /// </summary>
    public static IReadOnlyList<double> BlockMeans(IReadOnlyList<double> differences, int blocks)
    {
        var size = differences.Count / blocks;
        return size == 0
            ? new[] { differences.Average() }
            : Enumerable.Range(0, blocks).Select(b => differences.Skip(b * size).Take(b == blocks - 1 ? differences.Count - b * size : size).Average()).ToList();
    }

    private static string F(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(double part, double whole) => (part / whole * 100).ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>True when every build starts its own compiler: the environment decides (this benchmark inherits it).</summary>
    private static bool FreshCompiler =>
        string.Equals(Environment.GetEnvironmentVariable("UseSharedCompilation"), "false", StringComparison.OrdinalIgnoreCase);

    private static string CompilerMode() =>
        FreshCompiler
            ? "a fresh `csc` process per build (`UseSharedCompilation=false` in the environment): every build loads and JITs the analyzers"
            : "the compiler server (`VBCSCompiler`, the default): it stays up between builds, so the analyzers are loaded and JIT-compiled once";

    private static Result Build(string directory, string project, bool perfLint, params string[] extra) =>
        Run(directory, new[] { "build", project, "--no-restore", "--no-incremental", "-nologo", "-v:q", "-p:PerfLint=" + (perfLint ? "true" : "false") }
            .Concat(ExtraBuildArguments).Concat(extra).ToArray());

    /// <summary>More `dotnet build` arguments for every build, from PERFLINT_BENCH_BUILD_ARGS (e.g. -p:PerfLintAdmitAll=true).</summary>
    private static string[] ExtraBuildArguments { get; } =
        (Environment.GetEnvironmentVariable("PERFLINT_BENCH_BUILD_ARGS") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Result Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        var watch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        watch.Stop();
        lock (output) return new Result(process.ExitCode, output.ToString(), watch.Elapsed);
    }

    private sealed record Result(int ExitCode, string Output, TimeSpan Elapsed)
    {
        public Result ThrowIfFailed(string what) =>
            ExitCode == 0 ? this : throw new InvalidOperationException(what + " failed:\n" + (Output.Length > 4000 ? Output[^4000..] : Output));
    }
}
