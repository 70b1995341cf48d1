using System.Globalization;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Containers;

/// <summary>
/// The docker or podman CLI. Remote engines come through the CLI's own configuration (DOCKER_HOST, docker contexts,
/// CONTAINER_HOST) or <c>--engine-url</c>, passed as <c>--host</c> (docker) / <c>--url</c> (podman).
/// </summary>
public sealed class ContainerEngine
{
    public const string RunLabel = "perflint.run";
    public const int ContainerPort = 8080;
    private static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(60);

    public string Name { get; }
    public string CliPath { get; }
    private readonly string? _url;

    /// <summary>The engine URL passed to the CLI, or null when the CLI's own configuration picks the engine.</summary>
    public string? Url => _url;

    /// <summary>"podman", or "podman (remote gpu-box)" for an engine whose containers run elsewhere.</summary>
    public string Description => Name + (IsRemote ? $" (remote {TargetHost})" : "");

    /// <summary>Host the published port is reached on: loopback for a local engine, the engine's host for a remote one.</summary>
    public string TargetHost { get; }
    public bool IsRemote => TargetHost != "127.0.0.1";

    public ContainerEngine(string name, string cliPath, string? url, string? targetHost)
    {
        Name = name;
        CliPath = cliPath;
        _url = url;
        TargetHost = targetHost ?? RemoteHostOf(url ?? EngineHostVariable(name)) ?? "127.0.0.1";
    }

    private static string? EngineHostVariable(string name) =>
        Environment.GetEnvironmentVariable(name == "podman" ? "CONTAINER_HOST" : "DOCKER_HOST");

    /// <summary>tcp://gpu-box:2376 or ssh://user@gpu-box/run/podman.sock give "gpu-box"; unix sockets are local.</summary>
    internal static string? RemoteHostOf(string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("tcp" or "ssh" or "http" or "https")) return null;
        return uri.Host is "" or "localhost" or "127.0.0.1" ? null : uri.Host;
    }

    private IEnumerable<string> Args(params string[] args)
    {
        if (_url != null)
        {
            yield return Name == "podman" ? "--url" : "--host";
            yield return _url;
        }
        foreach (var a in args) yield return a;
    }

    public Task<ProcessResult> CliAsync(CancellationToken ct, params string[] args) =>
        ProcessRunner.RunAsync(CliPath, Args(args), CliTimeout, ct);

    /// <summary>
    /// Picks the first of docker, podman whose engine answers <c>info</c> (a docker CLI without a daemon fails it),
    /// or exactly the requested one (--engine / PERFLINT_CONTAINER_ENGINE).
    /// </summary>
    public static async Task<ContainerEngine> SelectAsync(string? requested, string? url, string? targetHost,
        TimeSpan probeTimeout, CancellationToken ct)
    {
        requested ??= Environment.GetEnvironmentVariable("PERFLINT_CONTAINER_ENGINE");
        if (requested is { Length: > 0 } && requested is not ("docker" or "podman"))
            throw new InfrastructureException($"unknown container engine \"{requested}\" (use docker or podman)");
        var candidates = requested is { Length: > 0 } ? new[] { requested } : new[] { "docker", "podman" };
        var tried = new List<string>();
        foreach (var name in candidates)
        {
            var cli = ProcessRunner.FindOnPath(name);
            if (cli == null)
            {
                tried.Add($"{name}: not on PATH");
                continue;
            }
            var engine = new ContainerEngine(name, cli, url, targetHost);
            var info = await ProcessRunner.RunAsync(cli, engine.Args("info", "--format", "{{json .}}"), probeTimeout, ct);
            if (info.Ok) return engine;
            tried.Add($"{name}: engine does not answer ({info.Describe()})");
        }
        throw new InfrastructureException("no container engine answers. " + string.Join("; ", tried) +
            ". Install podman or docker, or point DOCKER_HOST / CONTAINER_HOST / --engine-url at a running engine.");
    }

    public async Task<bool> ImageExistsAsync(string image, CancellationToken ct) =>
        (await CliAsync(ct, "image", "inspect", "--format", "{{.Id}}", image)).Ok;

    /// <summary>Starts the image with <c>serve</c> on a random published port; returns the container id.</summary>
    public async Task<string> RunAsync(BenchmarkSpec spec, string runId, CancellationToken ct)
    {
        var args = new List<string>
        {
            "run", "-d",
            "--label", $"{RunLabel}={runId}",
            "--label", $"perflint.benchmark={spec.Name}",
            // Loopback only on a local engine; a remote engine must publish where this machine can reach it.
            "-p", IsRemote ? $"{ContainerPort}" : $"127.0.0.1::{ContainerPort}",
            "-e", $"SAGEMAKER_BIND_TO_PORT={ContainerPort}",
        };
        foreach (var (k, v) in spec.Env)
        {
            args.Add("-e");
            args.Add($"{k}={v}");
        }
        args.AddRange(AcceleratorArgs(spec.Accelerator));
        args.Add(spec.Image);
        args.Add("serve");
        var result = await CliAsync(ct, args.ToArray());
        if (!result.Ok)
            throw new InfrastructureException($"{Name} run {spec.Image} failed ({result.Describe()})");
        return result.Stdout.Trim().Split('\n').Last().Trim();
    }

    internal IEnumerable<string> AcceleratorArgs(Accelerator accelerator)
    {
        switch (accelerator)
        {
            case Accelerator.Nvidia when Name == "docker":
                return new[] { "--gpus", "all" };
            case Accelerator.Nvidia:
                return new[] { "--device", "nvidia.com/gpu=all" };
            case Accelerator.Neuron:
                // Every Neuron device of a local host; a remote host's devices are not visible here, so pass the usual first one.
                var devices = Directory.Exists("/dev") ? Directory.GetFiles("/dev", "neuron*") : Array.Empty<string>();
                if (devices.Length == 0) devices = new[] { "/dev/neuron0" };
                return devices.OrderBy(d => d, StringComparer.Ordinal).SelectMany(d => new[] { "--device", d });
            default:
                return Array.Empty<string>();
        }
    }

    /// <summary>The host port the engine picked for container port 8080.</summary>
    public async Task<int> HostPortAsync(string id, CancellationToken ct)
    {
        var result = await CliAsync(ct, "port", id, $"{ContainerPort}/tcp");
        if (result.Ok)
        {
            foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.LastIndexOf(':');
                if (colon > 0 && int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                    return port;
            }
        }
        throw new InfrastructureException($"cannot read the published port of container {Short(id)} ({result.Describe()})");
    }

    /// <summary>Running state and exit code; null when the container is gone.</summary>
    public async Task<(bool Running, int ExitCode)?> StateAsync(string id, CancellationToken ct)
    {
        var result = await CliAsync(ct, "inspect", "--format", "{{.State.Running}} {{.State.ExitCode}}", id);
        if (!result.Ok) return null;
        var parts = result.Stdout.Trim().Split(' ');
        return (parts[0] == "true", parts.Length > 1 && int.TryParse(parts[1], out var code) ? code : 0);
    }

    public async Task<string> LogTailAsync(string id, int lines, CancellationToken ct)
    {
        var result = await CliAsync(ct, "logs", "--tail", lines.ToString(CultureInfo.InvariantCulture), id);
        var text = (result.Stdout + result.Stderr).TrimEnd();
        return text.Length > 0 ? text : "(no container output)";
    }

    /// <summary>Removes a container; never throws (it runs from finally blocks and cancellation paths).</summary>
    public async Task RemoveAsync(string id)
    {
        try
        {
            await ProcessRunner.RunAsync(CliPath, Args("rm", "-f", "-v", id), CliTimeout, CancellationToken.None);
        }
        catch (Exception)
        {
            // Leftovers are found later by label: `perflint bench --cleanup`.
        }
    }

    /// <summary>Removes every container labelled by PerfLint (any run id, or one run).</summary>
    public async Task<int> CleanupAsync(string? runId, CancellationToken ct)
    {
        var filter = runId == null ? RunLabel : $"{RunLabel}={runId}";
        var list = await CliAsync(ct, "ps", "-aq", "--filter", $"label={filter}");
        var ids = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var id in ids) await RemoveAsync(id);
        return ids.Length;
    }

    public static string Short(string id) => id.Length > 12 ? id[..12] : id;
}
