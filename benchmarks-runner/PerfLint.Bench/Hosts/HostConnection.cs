using PerfLint.Bench.Containers;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Hosts;

/// <summary>A host and its engine (the docker or podman CLI pointed at the host's URL), or why its engine did not answer.</summary>
public sealed record HostConnection(HostSpec Host, ContainerEngine? Engine, string? Error)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Asks the host's engine for <c>info</c>; never throws for an engine that does not answer (only cancellation propagates).</summary>
    public static async Task<HostConnection> ConnectAsync(HostSpec host, string? requestedEngine, CancellationToken ct)
    {
        try
        {
            var engine = await ContainerEngine.SelectAsync(host.Engine ?? requestedEngine, host.EngineUrl, host.TargetHost, ProbeTimeout, ct);
            return new HostConnection(host, engine, null);
        }
        catch (InfrastructureException ex)
        {
            return new HostConnection(host, null, ex.Message);
        }
    }

    /// <summary>For results.json's <c>engine</c>: "podman", or "a: podman at unix:///..." per named host.</summary>
    public string Describe()
    {
        if (Host.Name == null) return Engine?.Description ?? "no engine";
        var engine = Engine == null ? "unreachable" : Engine.Description + (Engine.Url != null ? $" at {Engine.Url}" : "");
        return $"{Host.Name}: {engine}";
    }
}
