namespace PerfLint.Serving.Resnet18;

/// <summary>Server settings, read once from the environment (the SageMaker contract passes settings as env vars).</summary>
internal sealed record ServingOptions(int Port, int BatchMax, TimeSpan BatchMaxWait, bool CudaRequested, string ModelCacheDirectory, int TopK)
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
            ReadInt(env, "TOP_K", 5, min: 1));
    }

    private static int ReadInt(Func<string, string?> env, string name, int fallback, int min)
    {
        var text = env(name);
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (!int.TryParse(text, out var value) || value < min)
            throw new ArgumentException($"{name}='{text}' is not an integer >= {min}.");
        return value;
    }
}
