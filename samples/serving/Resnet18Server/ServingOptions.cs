namespace PerfLint.Serving.Resnet18;

/// <summary>Server settings, read once from the environment (the SageMaker contract passes settings as env vars).</summary>
internal sealed record ServingOptions(int Port, int BatchMax, TimeSpan BatchMaxWait, bool CudaRequested, string ModelCacheDirectory, int TopK, string Precision)
{
    public static ServingOptions FromEnvironment(Func<string, string?> env)
    {
        var batchMax = ReadInt(env, "BATCH_MAX", 8, min: 1);
        var batchWaitMs = ReadInt(env, "BATCH_MAX_WAIT_MS", 5, min: 0);
        // CUDA is tried when asked for explicitly or when the NVIDIA container runtime mapped a device in.
        var cuda = env("ORT_USE_CUDA") is { } flag ? flag is "1" or "true" or "TRUE" or "True" : File.Exists("/dev/nvidia0");
        var cacheDir = env("MODEL_CACHE_DIR") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "models", "cache");
        return new ServingOptions(
            ReadInt(env, "SAGEMAKER_BIND_TO_PORT", 8080, min: 1),
            batchMax,
            TimeSpan.FromMilliseconds(batchWaitMs),
            cuda,
            cacheDir,
            ReadInt(env, "TOP_K", 5, min: 1),
            ReadPrecision(env));
    }

    /// <summary>MODEL_PRECISION: fp32 (the shipped weights) or fp16 (weights rounded to float16, see PrecisionEditor).</summary>
    private static string ReadPrecision(Func<string, string?> env) => env("MODEL_PRECISION") switch
    {
        null or "" or PrecisionEditor.Fp32 => PrecisionEditor.Fp32,
        PrecisionEditor.Fp16 => PrecisionEditor.Fp16,
        var other => throw new ArgumentException($"MODEL_PRECISION='{other}' is not {PrecisionEditor.Fp32} or {PrecisionEditor.Fp16}."),
    };

    private static int ReadInt(Func<string, string?> env, string name, int fallback, int min)
    {
        var text = env(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!int.TryParse(text, out var value) || value < min)
            throw new ArgumentException($"{name}='{text}' is not an integer >= {min}.");
        return value;
    }
}
