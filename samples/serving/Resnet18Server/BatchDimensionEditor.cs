using System.Buffers.Binary;
using Onnx;

namespace PerfLint.Serving.Resnet18;

/// <summary>
/// The shipped ResNet18.onnx declares batch size 1 on its input, outputs and every intermediate value.
/// Rewriting that leading dimension to the symbolic 'N' lets ONNX Runtime run a whole batch in one Run call.
/// </summary>
internal static class BatchDimensionEditor
{
    public const string BatchDimensionName = "N";

    /// <summary>Writes a copy of <paramref name="sourcePath"/> whose leading dimension is symbolic.</summary>
    public static void MakeBatchDimensionSymbolic(string sourcePath, string destinationPath)
    {
        var model = ModelProto.Parser.ParseFromFile(sourcePath);
        // OnnxSharp rewrites inputs, outputs, value infos and Reshape shape constants (ResNet18 has none).
        model.Graph.SetDim();
        var temporary = destinationPath + ".tmp-" + Environment.ProcessId;
        model.WriteToFile(temporary);
        File.Move(temporary, destinationPath, overwrite: true); // atomic: a half-written cache is never read
    }

    /// <summary>
    /// Returns the edited model from the cache, creating it once. The cache file name carries a hash of the source,
    /// so a changed model is never served from a stale edit.
    /// </summary>
    public static string GetOrCreateCached(string sourcePath, string cacheDirectory)
    {
        var hash = ContentHash(sourcePath).ToString("x16");
        var cached = Path.Combine(cacheDirectory, $"{Path.GetFileNameWithoutExtension(sourcePath)}.batchN.{hash}.onnx");
        if (File.Exists(cached)) return cached;
        Directory.CreateDirectory(cacheDirectory);
        MakeBatchDimensionSymbolic(sourcePath, cached);
        return cached;
    }

    /// <summary>
    /// FNV-1a over 8-byte words: a cache key, not a security hash. Managed on purpose: .NET's SHA-256 on Linux needs
    /// OpenSSL, which the FROM-scratch image does not carry.
    /// </summary>
    internal static ulong ContentHash(string path)
    {
        const ulong offsetBasis = 14695981039346656037, prime = 1099511628211;
        var hash = offsetBasis;
        var buffer = new byte[1 << 20];
        long length = 0;
        using var stream = File.OpenRead(path);
        int read;
        while ((read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)) > 0)
        {
            length += read;
            var words = read / 8;
            for (var i = 0; i < words; i++) hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(i * 8))) * prime;
            for (var i = words * 8; i < read; i++) hash = (hash ^ buffer[i]) * prime;
        }
        return (hash ^ (ulong)length) * prime;
    }

    /// <summary>The leading dimension of every graph input and output, as text ("1" or "N").</summary>
    public static IReadOnlyList<string> LeadingDimensions(string modelPath)
    {
        var graph = ModelProto.Parser.ParseFromFile(modelPath).Graph;
        return graph.Input.Concat(graph.Output)
            .Select(v => v.Type.TensorType.Shape.Dim[0])
            .Select(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam ? d.DimParam : d.DimValue.ToString())
            .ToList();
    }
}
