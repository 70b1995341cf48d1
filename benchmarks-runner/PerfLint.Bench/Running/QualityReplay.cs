using System.Net.Http.Headers;
using PerfLint.Bench.Judging;
using PerfLint.Bench.Results;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Running;

/// <summary>
/// Sends each golden request once, one at a time, when the container is ready and before any load, so the answer is
/// the model's own (batch of one, nothing queued) and a failed gate is known before minutes of load.
/// </summary>
internal static class QualityReplay
{
    public static async Task<QualityResult> RunAsync(QualitySpec quality, Uri baseUri, TimeSpan requestTimeout, CancellationToken ct)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = requestTimeout };
        var responses = new List<(string, ResponseComparison)>();
        foreach (var golden in quality.Requests)
            responses.Add((golden.Label, await ReplayAsync(client, golden, baseUri, ct)));
        return QualityComparer.Judge(quality, responses);
    }

    private static async Task<ResponseComparison> ReplayAsync(HttpClient client, GoldenRequest golden, Uri baseUri, CancellationToken ct)
    {
        var content = new ByteArrayContent(golden.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(golden.ContentType);
        try
        {
            using var response = await client.PostAsync(new Uri(baseUri, golden.Path), content, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode)
                return new ResponseComparison(false, null, null, $"HTTP {(int)response.StatusCode}: {Snippet(body)}");
            return QualityComparer.Compare(golden.Expected, body, golden.ExpectedIsInlineJson);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new ResponseComparison(false, null, null, e is TaskCanceledException ? "timed out" : $"request failed: {e.Message}");
        }
    }

    private static string Snippet(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
        return text.ReplaceLineEndings(" ");
    }
}
