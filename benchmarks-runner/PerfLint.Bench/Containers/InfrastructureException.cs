namespace PerfLint.Bench.Containers;

/// <summary>Configuration or infrastructure failure: no engine, image missing, never ready (exit code 2).</summary>
public sealed class InfrastructureException : Exception
{
    /// <summary>Last lines of the container log when a container was involved.</summary>
    public string? LogTail { get; }

    public InfrastructureException(string message, string? logTail = null) : base(message) => LogTail = logTail;
}
