namespace PerfLint.Serving.Resnet18;

/// <summary>The loaded model, its preprocessing and its batcher; built in the background after Kestrel listens.</summary>
internal sealed class InferenceService : IAsyncDisposable
{
    public required ImagePreprocessor Preprocessor { get; init; }
    public required ResNet18Model Model { get; init; }
    public required DynamicBatcher<float[], float[]> Batcher { get; init; }

    public static InferenceService Load(ServingOptions options, Action<string> log)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var modelPath = ModelFiles.Prepare(options.Precision, options.ModelCacheDirectory);
        log($"batch-dimension-edited model ({options.Precision}): {modelPath} (leading dims {string.Join(",", BatchDimensionEditor.LeadingDimensions(modelPath))})");
        var preprocessor = ImagePreprocessor.FromPreprocessModel(ModelFiles.ResNetPreprocess);
        var model = new ResNet18Model(modelPath, options.CudaRequested, log);
        var batcher = new DynamicBatcher<float[], float[]>(model.Run, options.BatchMax, options.BatchMaxWait);
        // One warm-up inference so the first request does not pay for ONNX Runtime's lazy initialisation.
        model.Run([new float[ImagePreprocessor.TensorLength]]);
        log($"model ready in {started.ElapsedMilliseconds} ms; batching: BATCH_MAX={options.BatchMax}, BATCH_MAX_WAIT_MS={options.BatchMaxWait.TotalMilliseconds}");
        return new InferenceService { Preprocessor = preprocessor, Model = model, Batcher = batcher };
    }

    public async ValueTask DisposeAsync()
    {
        await Batcher.DisposeAsync();
        Model.Dispose();
    }
}
