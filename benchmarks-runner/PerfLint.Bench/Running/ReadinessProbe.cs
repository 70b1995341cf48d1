using System.Diagnostics;
using PerfLint.Bench.Containers;

namespace PerfLint.Bench.Running;

/// <summary>Waits for GET /ping = 200 within the readiness timeout, failing early when the container exits.</summary>
public static class ReadinessProbe
{
    public static async Task WaitAsync(ContainerEngine engine, string containerId, Uri ping, TimeSpan timeout, CancellationToken ct)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        var lastStateCheck = TimeSpan.FromSeconds(-1);
        string lastAnswer = "no answer yet";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var response = await client.GetAsync(ping, ct);
                if ((int)response.StatusCode == 200) return;
                lastAnswer = $"/ping answered {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                lastAnswer = ex is TaskCanceledException ? "/ping timed out" : "/ping: " + ex.Message;
            }
            if (watch.Elapsed - lastStateCheck >= TimeSpan.FromSeconds(1))
            {
                lastStateCheck = watch.Elapsed;
                var state = await engine.StateAsync(containerId, ct);
                if (state is { Running: false } s)
                    throw new InfrastructureException($"container exited with code {s.ExitCode} before it was ready ({lastAnswer})");
                if (state == null)
                    throw new InfrastructureException("container disappeared before it was ready");
            }
            if (watch.Elapsed >= timeout)
                throw new InfrastructureException($"never ready: GET /ping did not return 200 within {timeout.TotalSeconds:0.#} s (last: {lastAnswer})");
            await Task.Delay(250, ct);
        }
    }
}
