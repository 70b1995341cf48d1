using System.Diagnostics;
using System.Net.Sockets;

namespace PerfLint.Bench.Load;

/// <summary>Outcome of one request: null error kind means success.</summary>
public readonly record struct RequestOutcome(long EndTimestamp, string? ErrorKind);

/// <summary>
/// Sends one request and drains the response. One instance per closed-loop worker (it owns a reusable timeout source and
/// read buffer), or per open-loop request.
/// </summary>
public sealed class RequestSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly LoadTarget _target;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private CancellationTokenSource _timeout = new();

    private CancellationTokenRegistration _stopRegistration;

    public RequestSender(HttpClient client, LoadTarget target)
    {
        _client = client;
        _target = target;
    }

    public async Task<RequestOutcome> SendAsync(CancellationToken stop)
    {
        if (!_timeout.TryReset())
        {
            _timeout.Dispose();
            _timeout = new CancellationTokenSource();
            _stopRegistration.Dispose();
            _stopRegistration = default;
        }
        // One source per sender, reset per request, cancelled by the timeout or by `stop` (registered once): no linked
        // source allocated per request, which matters at tens of thousands of requests per second.
        if (_stopRegistration == default && stop.CanBeCanceled)
            _stopRegistration = stop.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _timeout);
        _timeout.CancelAfter(_target.RequestTimeout);
        var token = _timeout.Token;
        try
        {
            using var request = _target.NewRequest();
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token)
                .ConfigureAwait(false);
            // The body is part of the latency: a server that answers headers fast and streams slowly is slow.
            await using (var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false))
            {
                while (await body.ReadAsync(_buffer, token).ConfigureAwait(false) > 0) { }
            }
            var end = Stopwatch.GetTimestamp();
            var status = (int)response.StatusCode;
            return new RequestOutcome(end, status is >= 200 and < 300 ? null : $"status {status}");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return new RequestOutcome(Stopwatch.GetTimestamp(), "timeout");
        }
        catch (HttpRequestException ex) when (ex.InnerException is TimeoutException)
        {
            return new RequestOutcome(Stopwatch.GetTimestamp(), "timeout");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException)
        {
            return new RequestOutcome(Stopwatch.GetTimestamp(), "connection");
        }
    }

    public void Dispose()
    {
        _stopRegistration.Dispose();
        _timeout.Dispose();
    }
}
