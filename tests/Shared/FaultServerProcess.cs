using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PerfLint.Testing;

/// <summary>
/// The real FaultServer (samples/serving) as a plain host process on a free loopback port. Shared by the bench tests
/// and the load-generator benchmark (linked into both projects).
/// </summary>
internal sealed class FaultServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    public Uri BaseUri { get; }

    public Uri Invocations => new(BaseUri, "/invocations");

    private FaultServerProcess(Process process, int port)
    {
        _process = process;
        BaseUri = new Uri($"http://127.0.0.1:{port}");
    }

    public static async Task<FaultServerProcess> StartAsync(string faultServerDll, IReadOnlyDictionary<string, string> env)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(faultServerDll);
        psi.ArgumentList.Add("serve");
        psi.Environment["SAGEMAKER_BIND_TO_PORT"] = port.ToString();
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var process = Process.Start(psi)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new FaultServerProcess(process, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited) throw new InvalidOperationException($"FaultServer exited with {process.ExitCode}");
            try
            {
                if ((await client.GetAsync(new Uri(server.BaseUri, "/ping"))).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException("FaultServer did not answer /ping within 30 s");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
