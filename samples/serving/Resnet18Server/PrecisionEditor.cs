using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace PerfLint.Serving.Resnet18;

/// <summary>
/// The reduced-precision variant (MODEL_PRECISION=fp16): the float32 weights of every Conv, Gemm and MatMul are stored
/// as float16 and a Cast back to float32 is inserted in front of their users. BatchNormalization parameters stay
/// float32, as float16 converters keep them: this model's running variances reach 7.2e4, above float16's largest finite
/// value (65504), and would become infinity. The Cast nodes hand every convolution float32 weights again, so the
/// arithmetic stays float32: the variant differs from the original only by the weights' rounding, which is what the
/// quality gate measures, and its file is about half the size.
/// </summary>
internal static class PrecisionEditor
{
    public const string Fp32 = "fp32";
    public const string Fp16 = "fp16";

    public static void ConvertWeightsToFloat16(string sourcePath, string destinationPath)
    {
        var model = ModelProto.Parser.ParseFromFile(sourcePath);
        var graph = model.Graph;
        // Models of IR version 3 (this CNTK export) also list every initializer as a graph input.
        var inputs = graph.Input.ToDictionary(i => i.Name);
        var weights = graph.Node.Where(n => n.OpType is "Conv" or "Gemm" or "MatMul" && n.Input.Count > 1)
            .Select(n => n.Input[1]).ToHashSet(StringComparer.Ordinal);
        var casts = new List<NodeProto>();
        foreach (var initializer in graph.Initializer.Where(t => t.DataType == (int)TensorProto.Types.DataType.Float && weights.Contains(t.Name)))
        {
            var name = initializer.Name;
            var halfName = name + "_fp16";
            initializer.RawData = ByteString.CopyFrom(ToFloat16(ReadFloats(initializer)));
            initializer.FloatData.Clear();
            initializer.DataType = (int)TensorProto.Types.DataType.Float16;
            initializer.Name = halfName;
            if (inputs.TryGetValue(name, out var input))
            {
                input.Name = halfName;
                input.Type.TensorType.ElemType = (int)TensorProto.Types.DataType.Float16;
            }
            casts.Add(new NodeProto
            {
                Name = "cast_" + name,
                OpType = "Cast",
                Input = { halfName },
                Output = { name },
                Attribute = { new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float } },
            });
        }
        // The casts go first: nodes must stay in topological order, and each cast only reads an initializer.
        for (var i = casts.Count - 1; i >= 0; i--) graph.Node.Insert(0, casts[i]);
        var temporary = destinationPath + ".tmp-" + Environment.ProcessId;
        model.WriteToFile(temporary);
        File.Move(temporary, destinationPath, overwrite: true);
    }

    /// <summary>The float16 copy of a (batch-edited) model, created once beside it in the cache.</summary>
    public static string GetOrCreateCached(string float32Path, string cacheDirectory)
    {
        var cached = Path.Combine(cacheDirectory, $"{Path.GetFileNameWithoutExtension(float32Path)}.{Fp16}.onnx");
        if (File.Exists(cached)) return cached;
        Directory.CreateDirectory(cacheDirectory);
        ConvertWeightsToFloat16(float32Path, cached);
        return cached;
    }

    private static float[] ReadFloats(TensorProto tensor) =>
        tensor.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray() : tensor.FloatData.ToArray();

    private static byte[] ToFloat16(float[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), BitConverter.HalfToUInt16Bits((Half)values[i]));
        return bytes;
    }

    /// <summary>How many initializers of each element type the model holds (e.g. "FLOAT16" -> 62).</summary>
    public static IReadOnlyDictionary<string, int> InitializerTypes(string modelPath) =>
        ModelProto.Parser.ParseFromFile(modelPath).Graph.Initializer
            .GroupBy(t => ((TensorProto.Types.DataType)t.DataType).ToString().ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.Count());
}
