using System.Globalization;
using System.Text.Json;
using PerfLint.Bench.Cli;
using PerfLint.Bench.Containers;
using PerfLint.Bench.Judging;
using PerfLint.Bench.Reports;
using PerfLint.Bench.Results;
using PerfLint.Bench.Running;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench;

/// <summary>`perflint bench`: run model-serving containers under load and gate on budgets. Exit codes 0 / 1 / 2.</summary>
public static class BenchCommand
{
    public const int ExitPassed = 0;
    public const int ExitFailed = 1;
    public const int ExitError = 2;

    /// <summary>The action of <see cref="BenchCommandDefinition"/>; <paramref name="ct"/> stops the run and removes its containers.</summary>
    public static async Task<int> RunAsync(BenchOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (options.Cleanup) return await CleanupAsync(options, stdout, stderr, ct);

        BenchSpecFile spec;
        BenchResults? baseline = null;
        try
        {
            spec = SpecReader.ReadFile(options.SpecPath!);
            if (options.BaselinePath != null) baseline = ReadBaseline(options.BaselinePath);
        }
        catch (SpecException ex)
        {
            // Canonical "file(line,col): error CODE: message" so editors and the MSBuild task can place it.
            stderr.WriteLine($"{ex.File}({ex.Line},{ex.Column}): error PLB0100: {ex.Message}");
            return ExitError;
        }

        var progress = new ProgressReporter(stdout, ProgressReporter.ShouldBeLive(stdout));
        ContainerEngine engine;
        try
        {
            engine = await ContainerEngine.SelectAsync(options.Engine, options.EngineUrl, options.TargetHost, TimeSpan.FromSeconds(20), ct);
        }
        catch (InfrastructureException ex)
        {
            stderr.WriteLine($"perflint bench: error PLB0101: {ex.Message}");
            return ExitError;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("perflint bench: cancelled");
            return ExitError;
        }

        var runId = Guid.NewGuid().ToString("N")[..12];
        var results = new BenchResults
        {
            SpecFile = spec.Path,
            StartedUtc = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Engine = engine.Name + (engine.IsRemote ? $" (remote {engine.TargetHost})" : ""),
            BaselineFile = options.BaselinePath is { } bp ? Path.GetFullPath(bp) : null,
            RegressionThreshold = baseline != null ? options.RegressionThreshold : null,
        };
        progress.Line($"perflint bench: {spec.Benchmarks.Count} benchmark(s) from {spec.Path} on {results.Engine} (run {runId})");
        var runner = new BenchmarkRunner(engine, runId, progress);
        try
        {
            foreach (var benchmark in spec.Benchmarks)
            {
                progress.Line($"{benchmark.DisplayName}: {benchmark.Image}");
                var result = await runner.RunAsync(benchmark, ct);
                Judge(benchmark, spec.Path, result, baseline, options.RegressionThreshold);
                results.Benchmarks.Add(result);
                progress.Line(Summary(result));
            }
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("perflint bench: cancelled; containers removed");
            return ExitError;
        }
        finally
        {
            // Belt and braces: anything of this run still around (e.g. created while `run` was being cancelled).
            await engine.CleanupAsync(runId, CancellationToken.None);
        }

        results.Valid = results.Benchmarks.All(b => b.Valid);
        results.Passed = results.Benchmarks.All(b => b.Passed);
        var outputDir = Path.GetFullPath(options.OutputDir);
        ReportWriter.Write(results, outputDir);
        stdout.WriteLine($"reports: {outputDir}{Path.DirectorySeparatorChar}(results.json, report.md, report.html, junit.xml)");

        foreach (var b in results.Benchmarks.Where(b => b.Error != null))
        {
            stderr.WriteLine($"perflint bench: {b.DisplayName}: {b.Error}");
            if (b.ContainerLogTail != null) stderr.WriteLine("container log tail:\n" + b.ContainerLogTail);
        }
        if (results.Benchmarks.Any(b => b.InfrastructureError)) return ExitError;
        return results.Passed ? ExitPassed : ExitFailed;
    }

    /// <summary>Budgets, validity, baseline regressions and server failure decide the benchmark's verdict.</summary>
    private static void Judge(BenchmarkSpec spec, string specFile, BenchmarkResult result, BenchResults? baseline, double threshold)
    {
        if (result.InfrastructureError)
        {
            result.Valid = false;
            result.Passed = false;
            return;
        }
        BudgetEvaluator.Evaluate(spec, specFile, result);
        if (baseline != null) BaselineComparer.Compare(spec, specFile, result, baseline, threshold);
        if (result.Error != null)
        {
            result.Budgets.Add(new BudgetResult
            {
                Name = "server",
                Code = BudgetKind.ServerFailureCode,
                Level = "error",
                Passed = false,
                Message = result.Error,
                SpecFile = specFile,
                Line = spec.NamePos.Line,
                Column = spec.NamePos.Column,
            });
        }
        result.Passed = result.Error == null && result.Valid &&
                        result.Budgets.All(b => b.Passed || b.Level == "warn");
    }

    private static string Summary(BenchmarkResult b)
    {
        var verdict = MarkdownReport.Verdict(b.Passed, b.Valid);
        if (b.InfrastructureError) verdict = "ERROR";
        var failed = b.Budgets.Where(x => !x.Passed && x.Level != "warn").Select(x => x.Name).Distinct().ToList();
        var best = b.Steps.OrderByDescending(s => s.ThroughputPerSecond).FirstOrDefault();
        var figures = best == null ? "" :
            $", best {best.ThroughputPerSecond:0.#} req/s at {best.Label} (p99 {MarkdownReport.N(best.P99Ms)} ms" +
            (best.CostPerMillionUsd is { } c ? $", ${c:0.###}/M{(b.PriceIsFloor ? " floor" : "")}" : "") + ")";
        return $"{b.DisplayName}: {verdict}{figures}" +
               (failed.Count > 0 ? $"; missed: {string.Join(", ", failed)}" : "") +
               (b.Error != null ? $"; {b.Error}" : "");
    }

    private static BenchResults ReadBaseline(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new SpecException(full, 1, 1, "baseline results file not found");
        try
        {
            return BenchResults.FromJson(File.ReadAllText(full));
        }
        catch (JsonException ex)
        {
            throw new SpecException(full, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1,
                "baseline is not a perflint results.json: " + ex.Message.Split(" Path:")[0]);
        }
    }

    private static async Task<int> CleanupAsync(BenchOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        try
        {
            var engine = await ContainerEngine.SelectAsync(options.Engine, options.EngineUrl, options.TargetHost, TimeSpan.FromSeconds(20), ct);
            var removed = await engine.CleanupAsync(null, ct);
            stdout.WriteLine($"perflint bench: removed {removed} container(s) labelled {ContainerEngine.RunLabel}");
            return ExitPassed;
        }
        catch (InfrastructureException ex)
        {
            stderr.WriteLine($"perflint bench: error PLB0101: {ex.Message}");
            return ExitError;
        }
    }
}
