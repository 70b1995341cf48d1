using System.Runtime.InteropServices;
using Onnx;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PerfLint.Serving.Resnet18;

/// <summary>Thrown for a body that is not a decodable image (the server answers 400).</summary>
internal sealed class BadImageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Turns an encoded image into the model's input exactly as ML.NET's DnnImageFeaturizer does: centre crop to
/// the aspect ratio and resize to 224x224 (ML.NET's IsoCrop), RGB bytes as floats 0..255, reorder to BGR planes,
/// subtract the per-pixel MeanImage from ResNetPreprocess.onnx.
/// </summary>
internal sealed class ImagePreprocessor
{
    public const int Channels = 3, Height = 224, Width = 224;
    public const int TensorLength = Channels * Height * Width;
    private const long MaxDecodedPixels = 40_000_000; // refuse decompression bombs before allocating them

    private readonly float[] _meanBgr;
    private readonly Configuration _configuration;

    public ImagePreprocessor(float[] meanBgrPlanar)
    {
        if (meanBgrPlanar.Length != TensorLength)
            throw new ArgumentException($"Mean image has {meanBgrPlanar.Length} values, expected {TensorLength}.");
        _meanBgr = meanBgrPlanar;
        // Requests are already processed in parallel; ImageSharp's own parallel resize would oversubscribe the cores.
        _configuration = Configuration.Default.Clone();
        _configuration.MaxDegreeOfParallelism = 1;
    }

    public static ImagePreprocessor FromPreprocessModel(string preprocessModelPath)
    {
        var mean = ModelProto.Parser.ParseFromFile(preprocessModelPath).Graph.Initializer.Single(t => t.Name == "MeanImage");
        var values = mean.FloatData.Count > 0
            ? mean.FloatData.ToArray()
            : MemoryMarshal.Cast<byte, float>(mean.RawData.Span).ToArray();
        return new ImagePreprocessor(values);
    }

    /// <summary>Returns a [3,224,224] BGR planar tensor minus the mean image.</summary>
    public float[] Preprocess(byte[] encoded)
    {
        try
        {
            var info = Image.Identify(_configuration, encoded, out _) ?? throw new BadImageException("Body is not a supported image format.");
            if ((long)info.Width * info.Height > MaxDecodedPixels)
                throw new BadImageException($"Image {info.Width}x{info.Height} is larger than {MaxDecodedPixels} pixels.");
            using var image = Image.Load<Rgb24>(_configuration, encoded);
            image.Mutate(c => c.Resize(new ResizeOptions { Size = new Size(Width, Height), Mode = ResizeMode.Crop, Position = AnchorPositionMode.Center }));
            var tensor = new float[TensorLength];
            const int plane = Height * Width;
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    var offset = y * Width;
                    for (var x = 0; x < Width; x++)
                    {
                        var p = row[x];
                        var i = offset + x;
                        tensor[i] = p.B - _meanBgr[i];
                        tensor[plane + i] = p.G - _meanBgr[plane + i];
                        tensor[2 * plane + i] = p.R - _meanBgr[2 * plane + i];
                    }
                }
            });
            return tensor;
        }
        catch (UnknownImageFormatException e) { throw new BadImageException("Body is not a supported image format.", e); }
        catch (InvalidImageContentException e) { throw new BadImageException("Image data is corrupt: " + e.Message, e); }
        catch (NotSupportedException e) { throw new BadImageException("Image variant not supported: " + e.Message, e); }
    }
}
