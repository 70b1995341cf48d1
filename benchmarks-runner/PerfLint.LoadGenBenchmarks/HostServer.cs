using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PerfLint.LoadGenBenchmarks;

/// <summary>The FaultServer (samples/serving) as a host process on a free loopback port.</summary>
internal sealed class HostServer : IAsyncDisposable
{
    private readonly Process _process;
    public Uri Invocations { get; }

    private HostServer(Process process, int port)
    {
        _process = process;
        Invocations = new Uri($"http://127.0.0.1:{port}/invocations");
    }

    public static async Task<HostServer> StartAsync(string faultServerDll, IReadOnlyDictionary<string, string> env)
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(faultServerDll);
        psi.ArgumentList.Add("serve");
        psi.Environment["SAGEMAKER_BIND_TO_PORT"] = port.ToString();
        foreach (var (k, v) in env) psi.Environment[k] = v;
        var process = Process.Start(psi)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new HostServer(process, port);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{port}/ping")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        throw new TimeoutException("FaultServer did not get ready");
    }

    public async ValueTask DisposeAsync()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
