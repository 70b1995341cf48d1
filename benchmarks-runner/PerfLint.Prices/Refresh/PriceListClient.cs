using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;

namespace PerfLint.Prices.Refresh;

/// <summary>
/// Calls the Price List Query API's GetProducts (AWS JSON 1.1 protocol: a signed POST to "/" with
/// <c>X-Amz-Target: AWSPriceListService.GetProducts</c>) and follows <c>NextToken</c> to the last page. Each page is
/// the same GetProducts result `aws pricing get-products` prints, so <see cref="GetProductsReader"/> reads it.
/// </summary>
public sealed class PriceListClient(HttpClient http, PricingEndpoint endpoint, ImmutableCredentials credentials, RetryPolicy retry, Func<DateTime> utcNow)
{
    public const string Target = "AWSPriceListService.GetProducts";
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>The most products one page may hold (the API's limit).</summary>
    public const int MaxResults = 100;

    // Error codes AWS answers when the credentials or the signature are not accepted.
    private static readonly HashSet<string> CredentialErrors = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignature", "IncompleteSignatureException",
        "MissingAuthenticationToken", "MissingAuthenticationTokenException", "ExpiredTokenException", "InvalidClientTokenId",
        "SignatureDoesNotMatch", "AccessDeniedException",
    };

    /// <summary>Every page of the query, as the JSON text the API answered.</summary>
    public async Task<List<string>> GetAllPagesAsync(ServiceQuery query, CancellationToken cancellation)
    {
        var pages = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await GetPageAsync(query, nextToken, cancellation);
            pages.Add(page);
            nextToken = NextToken(page);
        }
        while (nextToken != null);

        return pages;
    }

    /// <summary>The GetProducts request body (JSON 1.1).</summary>
    public static byte[] RequestBody(ServiceQuery query, string? nextToken)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("ServiceCode", query.ServiceCode);
            w.WriteStartArray("Filters");
            foreach (var filter in query.Filters)
            {
                w.WriteStartObject();
                w.WriteString("Type", "TERM_MATCH");
                w.WriteString("Field", filter.Field);
                w.WriteString("Value", filter.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("FormatVersion", "aws_v1");
            if (nextToken != null)
            {
                w.WriteString("NextToken", nextToken);
            }

            w.WriteNumber("MaxResults", MaxResults);
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private async Task<string> GetPageAsync(ServiceQuery query, string? nextToken, CancellationToken cancellation)
    {
        var body = RequestBody(query, nextToken);
        for (var attempt = 1; ; attempt++)
        {
            using var request = SignedRequest(body);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellation);
            }
            catch (HttpRequestException e)
            {
                throw new PriceListApiException($"cannot reach the Price List API at {endpoint.Url}: {NetworkReason(e)}");
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
                throw new PriceListApiException($"the Price List API at {endpoint.Url} did not answer within {http.Timeout.TotalSeconds:0} s");
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellation);
                if (response.IsSuccessStatusCode)
                {
                    return text;
                }

                var (code, message) = Error(response, text);
                var throttled = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable || code == "ThrottlingException";
                if (throttled && attempt < retry.MaxAttempts)
                {
                    await retry.Wait(retry.DelayBefore(attempt), cancellation);
                    continue;
                }

                var what = code == null ? $"HTTP {(int)response.StatusCode}" : $"HTTP {(int)response.StatusCode} {code}";
                var detail = message == null ? "" : $": {Scrub(message)}";
                if (throttled)
                {
                    throw new PriceListApiException($"the Price List API is still throttling after {retry.MaxAttempts} attempts ({what}{detail}); try again later");
                }

                if (code != null && CredentialErrors.Contains(code) || response.StatusCode == HttpStatusCode.Forbidden)
                {
                    throw new PriceListApiException($"AWS rejected the credentials (access key {Masked(credentials.AccessKey)}) for the Price List API ({what}{detail})");
                }

                throw new PriceListApiException($"the Price List API answered {what}{detail} for {query.ServiceCode} in {query.Region}");
            }
        }
    }

    private HttpRequestMessage SignedRequest(byte[] body)
    {
        var now = utcNow();
        var host = endpoint.Url.Authority;
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", ContentType),
            new("Host", host),
            new(SigV4.DateHeader, SigV4.FormatDate(now)),
            new("X-Amz-Target", Target),
        };
        if (credentials.UseToken)
        {
            headers.Add(new(SigV4.SecurityTokenHeader, credentials.Token));
        }

        var authorization = SigV4.Authorization(credentials, endpoint.SigningRegion, PricingEndpoint.SigningService, now, "POST", headers, body);
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        request.Headers.Host = host;
        foreach (var (name, value) in headers.Where(h => h.Key is not ("Content-Type" or "Host")))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private static string? NextToken(string page)
    {
        try
        {
            using var document = JsonDocument.Parse(page);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("NextToken", out var token) &&
                   token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } s
                ? s
                : null;
        }
        catch (JsonException)
        {
            // The reader reports a page that is not JSON.
            return null;
        }
    }

    // AWS JSON 1.1 errors: {"__type": "com.amazonaws...#ThrottlingException", "message": "..."}, or the code in the
    // x-amzn-ErrorType header ("UnrecognizedClientException:http://internal.amazon.com/...").
    private static (string? Code, string? Message) Error(HttpResponseMessage response, string text)
    {
        string? code = null, message = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type") || property.NameEquals("code"))
                    {
                        code = property.Value.GetString();
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message = property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        if (code == null && response.Headers.TryGetValues("x-amzn-ErrorType", out var values))
        {
            code = values.FirstOrDefault();
        }

        if (code != null)
        {
            code = code[(code.LastIndexOf('#') + 1)..];
            code = code.Split(':')[0];
        }

        return (string.IsNullOrEmpty(code) ? null : code, string.IsNullOrEmpty(message) ? null : message.Split('\n')[0].Trim());
    }

    // A message is AWS's text, but it never gets to print the secret parts of the credentials.
    private string Scrub(string message)
    {
        foreach (var secret in new[] { credentials.SecretKey, credentials.Token })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                message = message.Replace(secret, "(secret)", StringComparison.Ordinal);
            }
        }

        return message;
    }

    // As `aws configure list` shows a key: the last four characters.
    private static string Masked(string accessKey) => accessKey.Length > 4 ? new string('*', accessKey.Length - 4) + accessKey[^4..] : "****";

    private static string NetworkReason(HttpRequestException e) =>
        e.InnerException is SocketException socket
            ? socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "host not found",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                SocketError.TimedOut => "connection timed out",
                _ => socket.Message,
            }
            : e.Message;
}
