using System.Globalization;
using System.Text.Json;
using PerfLint.Bench.Cli;
using PerfLint.Bench.Containers;
using PerfLint.Bench.Hosts;
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

        IReadOnlyList<HostSpec> hosts;
        try
        {
            hosts = HostPlan.Resolve(options, spec.Hosts);
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"perflint bench: {ex.Message}");
            return ExitError;
        }

        // Several hosts write progress at once: one line at a time, and no live bar (two cannot share the terminal).
        var live = hosts.Count == 1 && ProgressReporter.ShouldBeLive(stdout);
        var output = TextWriter.Synchronized(stdout);
        HostConnection[] connections;
        try
        {
            connections = await Task.WhenAll(hosts.Select(h => HostConnection.ConnectAsync(h, options.Engine, ct)));
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("perflint bench: cancelled");
            return ExitError;
        }
        // The one default engine not answering ends the run; a named host that does not answer is that host's error only.
        if (connections is [{ Host.Name: null, Error: { } error }])
        {
            stderr.WriteLine($"perflint bench: error PLB0101: {error}");
            return ExitError;
        }

        var runId = Guid.NewGuid().ToString("N")[..12];
        var results = new BenchResults
        {
            SpecFile = spec.Path,
            StartedUtc = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Engine = string.Join("; ", connections.Select(c => c.Describe())),
            BaselineFile = options.BaselinePath is { } bp ? Path.GetFullPath(bp) : null,
            RegressionThreshold = baseline != null ? options.RegressionThreshold : null,
        };
        var where = connections.Length == 1 ? results.Engine : $"{connections.Length} hosts in parallel";
        output.WriteLine($"perflint bench: {spec.Benchmarks.Count} benchmark(s) from {spec.Path} on {where} (run {runId})");
        try
        {
            // Each host gets its own run id: hosts that share one container store (two sockets of one machine) must not
            // remove each other's containers when they clean up.
            var perHost = await Task.WhenAll(connections.Select((c, i) =>
                RunHostAsync(c, connections.Length == 1 ? runId : $"{runId}-{i + 1}", spec, baseline, options.RegressionThreshold, output, live, ct)));
            foreach (var hostResults in perHost) results.Benchmarks.AddRange(hostResults);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("perflint bench: cancelled; containers removed");
            return ExitError;
        }

        results.Valid = results.Benchmarks.All(b => b.Valid);
        results.Passed = results.Benchmarks.All(b => b.Passed);
        var outputDir = Path.GetFullPath(options.OutputDir);
        ReportWriter.Write(results, outputDir);
        stdout.WriteLine($"reports: {outputDir}{Path.DirectorySeparatorChar}(results.json, report.md, report.html, junit.xml)");

        foreach (var b in results.Benchmarks.Where(b => b.Error != null))
        {
            // As the progress lines name it: the host as a prefix, the variant beside the name.
            stderr.WriteLine($"perflint bench: {(b.Host != null ? $"[{b.Host}] " : "")}{b.Label}: {b.Error}");
            if (b.ContainerLogTail != null) stderr.WriteLine("container log tail:\n" + b.ContainerLogTail);
        }
        if (results.Benchmarks.Any(b => b.InfrastructureError)) return ExitError;
        return results.Passed ? ExitPassed : ExitFailed;
    }

    /// <summary>Every benchmark of the spec, one after another, on one host; a host that cannot be reached gets an error per benchmark.</summary>
    private static async Task<List<BenchmarkResult>> RunHostAsync(HostConnection connection, string runId, BenchSpecFile spec,
        BenchResults? baseline, double threshold, TextWriter output, bool live, CancellationToken ct)
    {
        var host = connection.Host;
        var progress = new ProgressReporter(output, live, host.Name == null ? "" : $"[{host.Name}] ");
        var results = new List<BenchmarkResult>();
        if (connection.Engine is not { } engine)
        {
            progress.Line($"cannot be reached: {connection.Error}");
            foreach (var benchmark in spec.Benchmarks.Select(b => HostPlan.OnHost(b, host)))
            {
                var failed = new BenchmarkResult
                {
                    Name = benchmark.Name, Variant = benchmark.Variant, Image = benchmark.Image, InstanceType = benchmark.InstanceType, Endpoint = benchmark.Endpoint,
                    Host = host.Name, InfrastructureError = true, Error = $"host {host.Name} cannot be reached: {connection.Error}",
                };
                Judge(benchmark, spec.Path, failed, baseline, threshold);
                results.Add(failed);
            }
            return results;
        }

        var runner = new BenchmarkRunner(engine, runId, progress);
        try
        {
            foreach (var benchmark in spec.Benchmarks.Select(b => HostPlan.OnHost(b, host)))
            {
                progress.Line($"{benchmark.DisplayName}: {benchmark.Image}");
                var result = await runner.RunAsync(benchmark, ct);
                result.Host = host.Name;
                Judge(benchmark, spec.Path, result, baseline, threshold);
                results.Add(result);
                progress.Line(Summary(result));
            }
        }
        finally
        {
            // Belt and braces: anything of this run still around (e.g. created while `run` was being cancelled).
            await engine.CleanupAsync(runId, CancellationToken.None);
        }
        return results;
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
        return $"{b.Label}: {verdict}{figures}" +
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

    /// <summary>`--cleanup`: on the default engine, or on every <c>--engine-url</c>.</summary>
    private static async Task<int> CleanupAsync(BenchOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var urls = options.EngineUrls.Count > 0 ? options.EngineUrls.Select(u => (string?)u).ToList() : new List<string?> { null };
        var code = ExitPassed;
        foreach (var url in urls)
        {
            try
            {
                var engine = await ContainerEngine.SelectAsync(options.Engine, url, options.TargetHost, TimeSpan.FromSeconds(20), ct);
                var removed = await engine.CleanupAsync(null, ct);
                stdout.WriteLine($"perflint bench: removed {removed} container(s) labelled {ContainerEngine.RunLabel}{(url != null ? $" on {url}" : "")}");
            }
            catch (InfrastructureException ex)
            {
                stderr.WriteLine($"perflint bench: error PLB0101: {(url != null ? $"{url}: " : "")}{ex.Message}");
                code = ExitError;
            }
        }
        return code;
    }
}
