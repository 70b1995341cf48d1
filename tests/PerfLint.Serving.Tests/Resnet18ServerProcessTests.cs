using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PerfLint.Serving.Tests;

/// <summary>The real server end to end: 503 while loading, 200 after, real features, batches formed under load.</summary>
public class Resnet18ServerProcessTests
{
    private static ServerProcess StartServer(string batchMax, string cacheDirectory) =>
        ServerProcess.Start("Resnet18Server.dll", new Dictionary<string, string>
        {
            ["BATCH_MAX"] = batchMax, ["BATCH_MAX_WAIT_MS"] = "20", ["MODEL_CACHE_DIR"] = cacheDirectory, ["ORT_USE_CUDA"] = "0",
        });

    private static async Task<JsonElement> InvokeAsync(HttpClient client, byte[] body, string contentType = "application/x-image")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await client.PostAsync("/invocations", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Test]
    public async Task Serves_features_and_batches_concurrent_requests()
    {
        var cache = Path.Combine(Path.GetTempPath(), "perflint-serving-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var server = StartServer("4", cache);
            var ready = await server.PingUntilAsync(s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(120));
            Assert.That(ready, Is.EqualTo(HttpStatusCode.OK), server.Output);

            var single = await InvokeAsync(server.Client, TestImages.Photo);
            Assert.That(single.GetProperty("featureLength").GetInt32(), Is.EqualTo(512));
            Assert.That(single.GetProperty("l2Norm").GetDouble(), Is.GreaterThan(1));
            Assert.That(single.GetProperty("topK").GetArrayLength(), Is.EqualTo(5));
            Assert.That(single.GetProperty("executionProvider").GetString(), Is.EqualTo("CPU"));

            var concurrent = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => InvokeAsync(server.Client, TestImages.Photo, "image/jpeg")));
            Assert.That(concurrent.Select(r => r.GetProperty("batchSize").GetInt32()), Has.All.InRange(1, 4).And.Some.GreaterThan(1));
            // Same image, same features, whatever batch it rode in.
            Assert.That(concurrent.Select(r => r.GetProperty("l2Norm").GetDouble()),
                Has.All.EqualTo(single.GetProperty("l2Norm").GetDouble()).Within(1e-3));

            var wrongType = new ByteArrayContent(TestImages.Photo);
            wrongType.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            Assert.That((await server.Client.PostAsync("/invocations", wrongType)).StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            var garbage = new ByteArrayContent("nope"u8.ToArray());
            garbage.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            Assert.That((await server.Client.PostAsync("/invocations", garbage)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }
        finally
        {
            if (Directory.Exists(cache)) Directory.Delete(cache, recursive: true);
        }
    }
}
