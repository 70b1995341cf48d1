namespace PerfLint.Cdk;

/// <summary>The runner's severity names (error, warning, info), ordered.</summary>
internal static class Severity
{
    private static readonly string[] Ordered = { "info", "warning", "error" };

    /// <summary>The severity name in lower case (null: warning), or null when it is none of the three.</summary>
    public static string? Normalize(string? name)
    {
        var lower = (name ?? "warning").Trim().ToLowerInvariant();
        return Array.IndexOf(Ordered, lower) >= 0 ? lower : null;
    }

    public static bool AtLeast(string severity, string threshold) =>
        Array.IndexOf(Ordered, severity) >= Array.IndexOf(Ordered, threshold);
}
