namespace PerfLint.Check;

/// <summary>`perflint check`: implemented in the whole-app checks issue.</summary>
public static class CheckCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("perflint check: not available in this build.");
        return Task.FromResult(2);
    }
}
