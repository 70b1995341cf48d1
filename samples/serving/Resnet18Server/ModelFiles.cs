namespace PerfLint.Serving.Resnet18;

/// <summary>Where the shipped ONNX files are: copied next to the app from the ResNet18 NuGet package at build.</summary>
internal static class ModelFiles
{
    public static string ModelDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>CNTK-exported ResNet18 (input Input247 1x3x224x224, output Pooling395_Output_0 1x512x1x1).</summary>
    public static string ResNet18 => Path.Combine(ModelDirectory, "ResNet18.onnx");

    /// <summary>ML.NET's preprocessing graph: RGB planes -> BGR, minus a per-pixel MeanImage.</summary>
    public static string ResNetPreprocess => Path.Combine(ModelDirectory, "ResNetPreprocess.onnx");

    /// <summary>The model to serve at a precision: the batch-dimension edit, then (fp16) the float16 weights; both cached.</summary>
    public static string Prepare(string precision, string cacheDirectory)
    {
        var batchEdited = BatchDimensionEditor.GetOrCreateCached(ResNet18, cacheDirectory);
        return precision == PrecisionEditor.Fp16 ? PrecisionEditor.GetOrCreateCached(batchEdited, cacheDirectory) : batchEdited;
    }
}
