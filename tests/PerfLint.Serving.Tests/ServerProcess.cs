using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PerfLint.Serving.Tests;

/// <summary>One of the sample servers started as a real process (`dotnet X.dll serve`) on a free loopback port.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();
    public int Port { get; }
    public HttpClient Client { get; }

    private ServerProcess(string assembly, IReadOnlyDictionary<string, string> environment)
    {
        Port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, assembly));
        start.ArgumentList.Add("serve");
        start.Environment["SAGEMAKER_BIND_TO_PORT"] = Port.ToString();
        foreach (var (key, value) in environment) start.Environment[key] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public static ServerProcess Start(string assembly, IReadOnlyDictionary<string, string>? environment = null) =>
        new(assembly, environment ?? new Dictionary<string, string>());

    public string Output { get { lock (_output) return _output.ToString(); } }

    public bool HasExited => _process.HasExited;

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) throw new TimeoutException($"server did not exit within {timeout}:\n{Output}");
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Polls GET /ping until it answers (any status) or the timeout passes; returns the last status.</summary>
    public async Task<HttpStatusCode> PingUntilAsync(Func<HttpStatusCode, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode last = 0;
        while (clock.Elapsed < timeout && !_process.HasExited)
        {
            try
            {
                using var response = await Client.GetAsync("/ping");
                last = response.StatusCode;
                if (done(last)) return last;
            }
            catch (HttpRequestException) { } // not listening yet
            await Task.Delay(50);
        }
        return last;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited) { _process.Kill(); _process.WaitForExit(); }
        _process.Dispose();
    }
}
