namespace PerfLint.Bench.Spec;

/// <summary>
/// One machine of a many-host run (the spec's top-level <c>hosts</c> list, or one <c>--engine-url</c>): every benchmark
/// of the spec runs on every host, the hosts in parallel.
/// </summary>
public sealed record HostSpec
{
    /// <summary>The label in results and progress lines: the list's <c>name</c>, else the engine URL; null for the one default host.</summary>
    public string? Name { get; init; }
    /// <summary>The engine's API (unix://, ssh://, tcp://), passed as podman <c>--url</c> / docker <c>--host</c>; null: the CLI's own configuration.</summary>
    public string? EngineUrl { get; init; }
    /// <summary>docker or podman for this host; null: <c>--engine</c> or the first that answers.</summary>
    public string? Engine { get; init; }
    /// <summary>Where the host's published ports are reached, when not the engine URL's host name.</summary>
    public string? TargetHost { get; init; }
    /// <summary>The host's instance type: it replaces each benchmark's <c>instanceType</c> in the results.</summary>
    public string? InstanceType { get; init; }
    /// <summary>Environment that belongs to the machine (thread counts, device ids), laid over each benchmark's env.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    public SourcePos? Pos { get; init; }

    /// <summary>The engine when nothing names a host: the CLI's own configuration (DOCKER_HOST, CONTAINER_HOST, contexts).</summary>
    public static HostSpec Default { get; } = new();
}
