using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace PerfLint.Serving.Resnet18;

/// <summary>One ONNX Runtime session over ResNet18; runs a whole batch of preprocessed images in one Run call.</summary>
internal sealed class ResNet18Model : IDisposable
{
    private readonly InferenceSession _session;
    private readonly int[] _itemShape; // input shape without the batch dimension, e.g. 3x224x224
    private readonly int _itemLength;

    public string InputName { get; }
    public string OutputName { get; }
    public string ExecutionProvider { get; }
    public int FeatureLength { get; }
    /// <summary>Fixed batch size declared by the model, or null when the batch dimension is symbolic.</summary>
    public int? FixedBatchSize { get; }

    public ResNet18Model(string modelPath, bool tryCuda, Action<string> log)
    {
        (_session, ExecutionProvider) = CreateSession(modelPath, tryCuda, log);
        var input = _session.InputMetadata.Single();
        var output = _session.OutputMetadata.Single();
        InputName = input.Key;
        OutputName = output.Key;
        log($"model {Path.GetFileName(modelPath)}: input {Describe(input)}, output {Describe(output)}");
        // Symbolic dimensions are reported as -1.
        FixedBatchSize = input.Value.Dimensions[0] > 0 ? input.Value.Dimensions[0] : null;
        _itemShape = input.Value.Dimensions[1..];
        _itemLength = _itemShape.Aggregate(1, (a, b) => a * b);
        FeatureLength = output.Value.Dimensions[1..].Aggregate(1, (a, b) => a * b);
    }

    private static string Describe(KeyValuePair<string, NodeMetadata> v) =>
        $"{v.Key} {v.Value.ElementType.Name}[{string.Join("x", v.Value.Dimensions.Select(d => d < 0 ? "N" : d.ToString()))}]";

    /// <summary>CUDA when asked for and available, else CPU; the choice is logged so a run says what it measured.</summary>
    private static (InferenceSession, string) CreateSession(string modelPath, bool tryCuda, Action<string> log)
    {
        // ONNX Runtime 1.31 would try to upload usage telemetry; a benchmark target must not make network calls.
        OrtEnv.Instance().DisableTelemetryEvents();
        if (tryCuda)
        {
            var cudaOptions = new SessionOptions();
            try
            {
                // The CPU package (Microsoft.ML.OnnxRuntime) has no CUDA provider: this throws there.
                cudaOptions.AppendExecutionProvider_CUDA(0);
                var session = new InferenceSession(modelPath, cudaOptions);
                log("execution provider: CUDA (device 0)");
                return (session, "CUDA");
            }
            catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                log($"execution provider: CUDA unavailable ({e.GetType().Name}: {FirstLine(e.Message)}); falling back to CPU");
            }
            finally { cudaOptions.Dispose(); }
        }
        using var cpuOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        var cpu = new InferenceSession(modelPath, cpuOptions);
        log($"execution provider: CPU ({Environment.ProcessorCount} logical cores visible)");
        return (cpu, "CPU");
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>Runs all <paramref name="items"/> (each one preprocessed image) as one batch; one feature vector each.</summary>
    public float[][] Run(IReadOnlyList<float[]> items)
    {
        if (items.Count == 0) return [];
        if (FixedBatchSize is { } fixedSize && fixedSize != items.Count)
            throw new InvalidOperationException($"Model has a fixed batch size of {fixedSize}; got {items.Count} items.");
        var batch = new float[items.Count * _itemLength];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Length != _itemLength)
                throw new ArgumentException($"Item {i} has {items[i].Length} values, expected {_itemLength}.");
            items[i].CopyTo(batch, i * _itemLength);
        }
        var shape = new long[_itemShape.Length + 1];
        shape[0] = items.Count;
        for (var d = 0; d < _itemShape.Length; d++) shape[d + 1] = _itemShape[d];

        using var input = OrtValue.CreateTensorValueFromMemory(batch, shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [InputName], [input], [OutputName]);
        var features = outputs[0].GetTensorDataAsSpan<float>();
        if (features.Length != items.Count * FeatureLength)
            throw new InvalidOperationException($"Model returned {features.Length} values for {items.Count} items.");
        var result = new float[items.Count][];
        for (var i = 0; i < items.Count; i++)
            result[i] = features.Slice(i * FeatureLength, FeatureLength).ToArray();
        return result;
    }

    public void Dispose() => _session.Dispose();
}
