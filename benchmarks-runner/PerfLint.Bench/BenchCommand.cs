namespace PerfLint.Bench;

/// <summary>`perflint bench`: implemented in the benchmark gating issue.</summary>
public static class BenchCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("perflint bench: not available in this build.");
        return Task.FromResult(2);
    }
}
