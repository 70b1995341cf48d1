using System.Text.Json.Serialization;

namespace PerfLint.Serving.Resnet18;

internal sealed record TopFeature(int Index, float Value);

/// <summary>The /invocations answer: a summary of the 512-value feature vector rather than the vector itself.</summary>
internal sealed record InvocationResponse(
    string Model, int FeatureLength, double L2Norm, IReadOnlyList<TopFeature> TopK, int BatchSize, string ExecutionProvider)
{
    public static InvocationResponse Summarise(float[] features, int topK, int batchSize, string executionProvider)
    {
        double sumOfSquares = 0;
        foreach (var f in features) sumOfSquares += (double)f * f;
        var top = features.Select((value, index) => new TopFeature(index, value))
            .OrderByDescending(t => t.Value).ThenBy(t => t.Index).Take(topK).ToList();
        return new InvocationResponse("resnet18", features.Length, Math.Sqrt(sumOfSquares), top, batchSize, executionProvider);
    }
}

internal sealed record ErrorResponse(string Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(float[]))]
internal sealed partial class ServingJsonContext : JsonSerializerContext;
