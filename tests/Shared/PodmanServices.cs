using System.Diagnostics;

namespace PerfLint.Testing;

/// <summary>
/// Podman API services on unix sockets of a temp folder (`podman system service --time=0 unix://...`), standing in for
/// remote hosts: `perflint bench` reaches each through its engine URL exactly as it reaches an ssh:// or tcp:// host.
/// The services are started here and killed on dispose. They share this user's container store.
/// </summary>
internal sealed class PodmanServices : IDisposable
{
    private readonly TempDirectory _dir = new("perflint-hosts");
    private readonly List<Process> _services = new();

    public PodmanServices(params string[] names)
    {
        try
        {
            foreach (var name in names) Start(name);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The engine URL of the service named <paramref name="name"/>.</summary>
    public string Url(string name) => "unix://" + SocketPath(name);

    /// <summary>A socket in the same folder that no service listens on: an unreachable host.</summary>
    public string MissingUrl => Url("missing");

    private string SocketPath(string name) => Path.Combine(_dir.Path, name + ".sock");

    private void Start(string name)
    {
        var info = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "system", "service", "--time=0", Url(name) }) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("podman system service did not start");
        _services.Add(process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Ready when the API answers on the socket, not merely when the socket file appears.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"podman system service for {name} exited with code {process.ExitCode}");
            if (File.Exists(SocketPath(name)))
            {
                var probe = ProcessRunner.Run("podman", new[] { "--url", Url(name), "version" }, _dir.Path, null, TimeSpan.FromSeconds(20));
                if (probe.ExitCode == 0) return;
            }
            Thread.Sleep(200);
        }
        throw new TimeoutException($"podman system service for {name} did not answer on {Url(name)} within 60 s");
    }

    public void Dispose()
    {
        foreach (var process in _services)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
        _services.Clear();
        _dir.Dispose();
    }
}
