using PerfLint.Bench.Cli;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Hosts;

/// <summary>
/// Which hosts a run uses: every <c>--engine-url</c> (labelled by its URL when there are several), else the spec's
/// <c>hosts</c> list, else the one default engine. The command line wins so that a spec written for a fleet can be
/// pointed at other machines without editing it.
/// </summary>
public static class HostPlan
{
    /// <exception cref="ArgumentException">--target-host where it cannot say which host it means.</exception>
    public static IReadOnlyList<HostSpec> Resolve(BenchOptions options, IReadOnlyList<HostSpec> specHosts)
    {
        if (options.EngineUrls.Count > 1)
        {
            if (options.TargetHost != null)
                throw new ArgumentException("--target-host applies to one engine; with several hosts, give each its targetHost in the spec's hosts list");
            return options.EngineUrls.Select(url => new HostSpec { Name = url, EngineUrl = url }).ToList();
        }
        if (options.EngineUrls.Count == 1) return new[] { HostSpec.Default with { EngineUrl = options.EngineUrls[0], TargetHost = options.TargetHost } };
        if (specHosts.Count > 0)
        {
            if (options.TargetHost != null)
                throw new ArgumentException("--target-host does not apply to the spec's hosts list: give each host its targetHost there");
            return specHosts;
        }
        return new[] { HostSpec.Default with { TargetHost = options.TargetHost } };
    }

    /// <summary>A benchmark as it runs on <paramref name="host"/>: the host's env over the benchmark's, the host's instance type.</summary>
    public static BenchmarkSpec OnHost(BenchmarkSpec benchmark, HostSpec host)
    {
        if (host.Env.Count == 0 && host.InstanceType == null) return benchmark;
        var env = new Dictionary<string, string>(benchmark.Env, StringComparer.Ordinal);
        foreach (var (k, v) in host.Env) env[k] = v;
        return benchmark with { Env = env, InstanceType = host.InstanceType ?? benchmark.InstanceType };
    }
}
