using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace PerfLint.Serving.Tests;

/// <summary>Inputs for the model tests: the real sample photo plus deterministic synthetic images.</summary>
internal static class TestImages
{
    /// <summary>samples/serving/request.jpg: Grace Hopper, 512x600 (matplotlib's sample data, Debian python-matplotlib-data).</summary>
    public static byte[] Photo => File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "request.jpg"));

    public static byte[] Png(int width, int height, Func<int, int, Rgb24> pixel)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image[x, y] = pixel(x, y);
        using var stream = new MemoryStream();
        image.Save(stream, new PngEncoder());
        return stream.ToArray();
    }

    public static byte[] Gradient => Png(300, 200, (x, y) => new Rgb24((byte)(x * 255 / 299), (byte)(y * 255 / 199), 128));

    public static byte[] Checkerboard => Png(256, 256, (x, y) => ((x / 32) + (y / 32)) % 2 == 0 ? new Rgb24(250, 250, 250) : new Rgb24(10, 40, 200));
}
