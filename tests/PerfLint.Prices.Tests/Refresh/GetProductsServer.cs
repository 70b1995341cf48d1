using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PerfLint.Prices.Tests.Refresh;

/// <summary>
/// A loopback HTTP/1.1 server (127.0.0.1, a free port) that speaks the Price List API's GetProducts the way AWS does
/// (AWS JSON 1.1: POST /, X-Amz-Target, errors as {"__type", "message"}): it checks each request's SigV4 signature
/// with its own code and the test credentials, answers pages by service and NextToken, and can throttle.
/// </summary>
internal sealed class GetProductsServer : IAsyncDisposable
{
    public const string AccessKey = "AKIDPERFLINTTEST0001";
    public const string SecretKey = "perflint/Test+Secret/Key0123456789abcdefg";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<(string Service, string Token), string> _pages = new();
    private readonly Task _loop;

    public GetProductsServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    /// <summary>Every request received, in order.</summary>
    public List<Received> Requests { get; } = new();

    /// <summary>Why a signature was refused (empty when every one verified).</summary>
    public List<string> SignatureFailures { get; } = new();

    /// <summary>How many of the next requests are answered with <see cref="ThrottleStatus"/> before serving.</summary>
    public int ThrottleNext { get; set; }

    /// <summary>400 answers a ThrottlingException body; 429 or 503 answer that status alone.</summary>
    public int ThrottleStatus { get; set; } = 400;

    public sealed record Received(string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, string Body);

    /// <summary>Serves a page for requests of <paramref name="service"/> carrying NextToken <paramref name="token"/> (null: the first page).</summary>
    public void Page(string service, string? token, string pageJson) => _pages[(service, token ?? "")] = pageJson;

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            using (client)
            {
                await Serve(client.GetStream());
            }
        }
    }

    private async Task Serve(NetworkStream stream)
    {
        var head = new List<byte>();
        var buffer = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(buffer) == 0)
            {
                return;
            }

            head.Add(buffer[0]);
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Select(p => (p[0].Trim(), p[1].Trim())).ToList();
        var length = int.Parse(ServerSideSigV4.Header(headers, "content-length") ?? "0");
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        var received = new Received(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
        lock (Requests)
        {
            Requests.Add(received);
        }

        var (status, reply) = Answer(received, body);
        var bytes = Encoding.UTF8.GetBytes(reply);
        var response = $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {bytes.Length}\r\n" +
                       "x-amzn-RequestId: 00000000-0000-0000-0000-000000000000\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        await stream.WriteAsync(bytes);
    }

    private (int Status, string Body) Answer(Received request, byte[] body)
    {
        if (request.Method != "POST" || request.Path != "/" ||
            ServerSideSigV4.Header(request.Headers, "x-amz-target") != "AWSPriceListService.GetProducts" ||
            ServerSideSigV4.Header(request.Headers, "content-type") != "application/x-amz-json-1.1")
        {
            return (400, Error("UnknownOperationException", null));
        }

        var failure = ServerSideSigV4.Verify(request.Method, request.Path, request.Headers, body, AccessKey, SecretKey, "us-east-1", "pricing");
        if (failure == "unknown access key")
        {
            return (400, Error("UnrecognizedClientException", "The security token included in the request is invalid."));
        }

        if (failure != null)
        {
            SignatureFailures.Add(failure);
            return (400, Error("InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method."));
        }

        if (ThrottleNext > 0)
        {
            ThrottleNext--;
            return ThrottleStatus == 400 ? (400, Error("ThrottlingException", "Rate exceeded")) : (ThrottleStatus, "");
        }

        using var document = JsonDocument.Parse(body);
        var service = document.RootElement.GetProperty("ServiceCode").GetString()!;
        var token = document.RootElement.TryGetProperty("NextToken", out var t) ? t.GetString()! : "";
        if (_pages.TryGetValue((service, token), out var page))
        {
            return (200, page);
        }

        return token.Length > 0
            ? (400, Error("InvalidNextTokenException", "The next token is not valid."))
            : (200, "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[]}");
    }

    private static string Error(string type, string? message) =>
        JsonSerializer.Serialize(message == null ? new Dictionary<string, string> { ["__type"] = type } : new Dictionary<string, string> { ["__type"] = type, ["message"] = message });

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // The loop ends with the listener.
        }
    }
}
