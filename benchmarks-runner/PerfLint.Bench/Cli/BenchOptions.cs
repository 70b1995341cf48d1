using System.Globalization;

namespace PerfLint.Bench.Cli;

/// <summary>Command line of `perflint bench`.</summary>
public sealed record BenchOptions
{
    public string? SpecPath { get; init; }
    public string OutputDir { get; init; } = "perflint-results";
    public string? BaselinePath { get; init; }
    public double RegressionThreshold { get; init; } = 0.10;
    public string? Engine { get; init; }
    public string? EngineUrl { get; init; }
    public string? TargetHost { get; init; }
    public bool Cleanup { get; init; }
    public bool Help { get; init; }

    public const string Usage =
        "usage: perflint bench <spec.json> [--output DIR] [--baseline results.json] [--regression-threshold 10%]\n" +
        "                      [--engine docker|podman] [--engine-url URL] [--target-host HOST]\n" +
        "       perflint bench --cleanup [--engine docker|podman]   (remove containers left by killed runs)\n" +
        "exit codes: 0 all budgets met, 1 a budget missed or a run invalid, 2 configuration or infrastructure error";

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a user-facing message.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            string Value()
            {
                if (i + 1 >= args.Count) throw new ArgumentException($"{a} needs a value");
                return args[++i];
            }
            o = a switch
            {
                "-h" or "--help" => o with { Help = true },
                "-o" or "--output" => o with { OutputDir = Value() },
                "--baseline" => o with { BaselinePath = Value() },
                "--regression-threshold" => o with { RegressionThreshold = ParseFraction(Value()) },
                "--engine" => o with { Engine = Value() },
                "--engine-url" => o with { EngineUrl = Value() },
                "--target-host" => o with { TargetHost = Value() },
                "--cleanup" => o with { Cleanup = true },
                _ when a.StartsWith('-') => throw new ArgumentException($"unknown option {a}"),
                _ when o.SpecPath == null => o with { SpecPath = a },
                _ => throw new ArgumentException($"unexpected argument {a} (one spec file per run)"),
            };
        }
        if (!o.Help && !o.Cleanup && o.SpecPath == null) throw new ArgumentException("missing spec file");
        if (o.Engine is { } e && e is not ("docker" or "podman")) throw new ArgumentException($"--engine must be docker or podman, not {e}");
        return o;
    }

    /// <summary>"10%", "10" (percent) or "0.1" (fraction).</summary>
    internal static double ParseFraction(string text)
    {
        var t = text.Trim();
        var percent = t.EndsWith('%');
        if (!double.TryParse(t.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0)
            throw new ArgumentException($"--regression-threshold must be a percentage like 10% or a fraction like 0.1, not {text}");
        return percent || v > 1 ? v / 100 : v;
    }
}
