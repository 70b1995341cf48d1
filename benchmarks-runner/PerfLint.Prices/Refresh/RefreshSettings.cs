using Amazon.Runtime;

namespace PerfLint.Prices.Refresh;

/// <summary>
/// What `perflint prices refresh` takes from its surroundings: environment variables (endpoint override), the
/// credential chain, the retry waits and the clock. The command uses <see cref="Default"/>; tests replace the waits
/// (so a throttled call does not sleep) and the environment lookup (to point the endpoint at a loopback server).
/// </summary>
public sealed class RefreshSettings
{
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public Func<CancellationToken, Task<ImmutableCredentials>> Credentials { get; init; } = AwsCredentialChain.ResolveAsync;

    public RetryPolicy Retry { get; init; } = new();

    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;

    /// <summary>How long one GetProducts call may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public static RefreshSettings Default => new();
}
