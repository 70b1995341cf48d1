namespace PerfLint.Check.Tests.Infrastructure;

/// <summary>The console output of a `dotnet build`.</summary>
public static class BuildOutput
{
    /// <summary>
    /// The events as they were logged, without the closing summary: `dotnet build` repeats every warning there (it
    /// passes its own summary switch after ours), which would make each finding look reported twice.
    /// </summary>
    public static string Events(string output)
    {
        var summary = output.LastIndexOf("\nBuild succeeded.", StringComparison.Ordinal);
        return summary < 0 ? output : output[..summary];
    }
}
