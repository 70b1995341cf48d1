using System.Net.Http.Headers;

namespace PerfLint.Serving.Resnet18;

/// <summary>
/// SageMaker inference container contract: `serve` starts the server on 0.0.0.0:$SAGEMAKER_BIND_TO_PORT (8080);
/// GET /ping is 200 once the model is loaded (503 before); POST /invocations takes an image and returns JSON.
/// `prepare-model` only writes the batch-dimension-edited model and its fp16 copy into the cache (used when building
/// the image). `POST /invocations?output=features` answers the whole feature vector as a JSON array (golden sets).
/// </summary>
public static class Program
{
    private static readonly HashSet<string> ImageContentTypes = ["application/x-image", "image/jpeg", "image/png"];
    private const long MaxBodyBytes = 16 * 1024 * 1024;

    public static async Task<int> Main(string[] args)
    {
        var command = args.Length == 0 ? "serve" : args[0]; // the image's ENTRYPOINT may or may not pass "serve"
        try
        {
            var options = ServingOptions.FromEnvironment(Environment.GetEnvironmentVariable);
            switch (command)
            {
                case "serve":
                    return await ServeAsync(options);
                case "prepare-model":
                    foreach (var precision in new[] { PrecisionEditor.Fp32, PrecisionEditor.Fp16 })
                        Console.WriteLine($"prepared {ModelFiles.Prepare(precision, options.ModelCacheDirectory)}");
                    return 0;
                default:
                    Console.Error.WriteLine($"usage: Resnet18Server [serve|prepare-model] (got '{command}')");
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"Resnet18Server: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> ServeAsync(ServingOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        // Per-request hosting logs would cost more than a small inference; keep lifecycle lines only.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.ListenAnyIP(options.Port);
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
        });
        await using var app = builder.Build();
        var log = app.Logger;
        InferenceService? service = null; // null until loaded: /ping answers 503 meanwhile

        app.MapGet("/ping", () => Volatile.Read(ref service) is null ? Results.StatusCode(503) : Results.Ok());
        app.MapPost("/invocations", async context =>
            await (await InvokeAsync(context, Volatile.Read(ref service), options)).ExecuteAsync(context));

        await app.StartAsync();
        log.LogInformation("listening on 0.0.0.0:{Port}; loading model", options.Port);
        try
        {
            var loaded = await Task.Run(() => InferenceService.Load(options, m => log.LogInformation("{Message}", m)));
            Volatile.Write(ref service, loaded);
        }
        catch (Exception e)
        {
            log.LogCritical(e, "model failed to load; exiting");
            await app.StopAsync();
            return 1;
        }
        await app.WaitForShutdownAsync();
        await service.DisposeAsync();
        return 0;
    }

    private static async Task<IResult> InvokeAsync(HttpContext context, InferenceService? service, ServingOptions options)
    {
        if (service is null) return Error(503, "model is still loading");
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !ImageContentTypes.Contains(mediaType.MediaType?.ToLowerInvariant() ?? ""))
            return Error(415, $"Content-Type must be one of {string.Join(", ", ImageContentTypes)}; got '{context.Request.ContentType}'");

        var body = await ReadBodyAsync(context.Request);
        float[] tensor;
        try { tensor = service.Preprocessor.Preprocess(body); }
        catch (BadImageException e) { return Error(400, e.Message); }

        BatchedResult<float[]> result;
        try { result = await service.Batcher.EnqueueAsync(tensor); }
        catch (Exception e) { return Error(500, "inference failed: " + e.Message); }
        if (context.Request.Query["output"] == "features")
            return Results.Json(result.Output, ServingJsonContext.Default.SingleArray);
        return Results.Json(
            InvocationResponse.Summarise(result.Output, options.TopK, result.BatchSize, service.Model.ExecutionProvider),
            ServingJsonContext.Default.InvocationResponse);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } n and <= MaxBodyBytes ? (int)n : 64 * 1024);
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new ErrorResponse(message), ServingJsonContext.Default.ErrorResponse, statusCode: status);
}
