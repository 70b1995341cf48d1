namespace PerfLint.Bench.Cli;

/// <summary>What `perflint bench` was asked to do (<see cref="BenchCommandDefinition"/> reads it from the command line).</summary>
public sealed record BenchOptions
{
    public string? SpecPath { get; init; }
    public string OutputDir { get; init; } = "perflint-results";
    public string? BaselinePath { get; init; }
    public double RegressionThreshold { get; init; } = 0.10;
    public string? Engine { get; init; }
    /// <summary>One host per URL (labelled by it), run in parallel; they replace the spec's <c>hosts</c> list.</summary>
    public IReadOnlyList<string> EngineUrls { get; init; } = Array.Empty<string>();
    public string? TargetHost { get; init; }
    public bool Cleanup { get; init; }
}
