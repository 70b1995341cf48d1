using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.InteropServices;

namespace PerfLint.Bench.Cli;

/// <summary>The `perflint bench` command: its arguments and options (the help is generated from them) and its action.</summary>
public static class BenchCommandDefinition
{
    public static Command Create()
    {
        var defaults = new BenchOptions();
        var spec = new Argument<string?>("spec") { Description = "the benchmark spec (perflint.bench.json)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--output", "-o")
        {
            Description = "where results.json and the reports go",
            HelpName = "DIR",
            DefaultValueFactory = _ => defaults.OutputDir,
        };
        var baseline = new Option<string?>("--baseline") { Description = "compare with an earlier run's results.json", HelpName = "results.json" };
        var threshold = new Option<double>("--regression-threshold")
        {
            Description = "how much worse than the baseline fails: 10% or 0.1",
            HelpName = "PERCENT",
            DefaultValueFactory = _ => defaults.RegressionThreshold,
            CustomParser = r => ParseFraction(r.Tokens[0].Value) ?? Reject(r,
                $"--regression-threshold must be a percentage like 10% or a fraction like 0.1, not {r.Tokens[0].Value}"),
        };
        var engine = new Option<string?>("--engine") { Description = "the container engine (default: the first found)", HelpName = "docker|podman" };
        engine.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } e && e is not ("docker" or "podman")) r.AddError($"--engine must be docker or podman, not {e}");
        });
        var engineUrl = new Option<string[]>("--engine-url")
        {
            Description = "a remote engine's API (tcp://, ssh://, unix://); repeat for hosts in parallel",
            HelpName = "URL",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var targetHost = new Option<string?>("--target-host") { Description = "the host that serves a remote engine's containers", HelpName = "HOST" };
        var cleanup = new Option<bool>("--cleanup") { Description = "remove the containers left by killed runs, then exit" };
        var command = new Command("bench",
            "Run model-serving containers under load and gate on the spec's budgets. " +
            "Exit codes: 0 all budgets met, 1 a budget missed or a run invalid, 2 configuration or infrastructure error.")
        {
            spec, output, baseline, threshold, engine, engineUrl, targetHost, cleanup,
        };
        command.Validators.Add(r =>
        {
            if (!r.GetValue(cleanup) && r.GetValue(spec) == null) r.AddError("missing spec file");
            if (r.GetValue(targetHost) != null && r.GetValue(engineUrl) is { Length: > 1 })
                r.AddError("--target-host applies to one engine; with several hosts, give each its targetHost in the spec's hosts list");
        });
        command.SetAction(async (parse, ct) =>
        {
            var options = new BenchOptions
            {
                SpecPath = parse.GetValue(spec),
                OutputDir = parse.GetRequiredValue(output),
                BaselinePath = parse.GetValue(baseline),
                RegressionThreshold = parse.GetValue(threshold),
                Engine = parse.GetValue(engine),
                EngineUrls = parse.GetValue(engineUrl) ?? Array.Empty<string>(),
                TargetHost = parse.GetValue(targetHost),
                Cleanup = parse.GetValue(cleanup),
            };
            // The library cancels on Ctrl+C and SIGTERM; Ctrl+\ (SIGQUIT) would otherwise end the process and leave the
            // containers running. A second one ends it.
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var quit = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGQUIT, c =>
            {
                if (cts.IsCancellationRequested) return;
                c.Cancel = true;
                cts.Cancel();
            });
            return await BenchCommand.RunAsync(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cts.Token);
        });
        return command;
    }

    /// <summary>"10%", "10" (percent) or "0.1" (fraction); null when it is none of them.</summary>
    internal static double? ParseFraction(string text)
    {
        var t = text.Trim();
        if (!double.TryParse(t.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0) return null;
        return t.EndsWith('%') || v > 1 ? v / 100 : v;
    }

    private static double Reject(ArgumentResult result, string message)
    {
        result.AddError(message);
        return 0;
    }
}
