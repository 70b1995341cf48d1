using PerfLint.Serving.Resnet18;
using SixLabors.ImageSharp.PixelFormats;

namespace PerfLint.Serving.Tests;

public class PreprocessingTests
{
    private static readonly ImagePreprocessor Preprocessor = ImagePreprocessor.FromPreprocessModel(ModelFiles.ResNetPreprocess);

    [Test]
    public void Any_image_size_becomes_one_3x224x224_tensor()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Preprocessor.Preprocess(TestImages.Photo), Has.Length.EqualTo(3 * 224 * 224), "512x600 JPEG");
            Assert.That(Preprocessor.Preprocess(TestImages.Png(37, 500, (_, _) => new Rgb24(1, 2, 3))), Has.Length.EqualTo(3 * 224 * 224), "37x500 PNG");
            Assert.That(Preprocessor.Preprocess(TestImages.Png(1000, 10, (_, _) => new Rgb24(1, 2, 3))), Has.Length.EqualTo(3 * 224 * 224), "1000x10 PNG");
        });
    }

    [Test]
    public void Planes_are_blue_green_red_minus_the_models_mean_image()
    {
        var mean = ImagePreprocessor.FromPreprocessModel(ModelFiles.ResNetPreprocess);
        var zero = mean.Preprocess(TestImages.Png(64, 64, (_, _) => new Rgb24(0, 0, 0)));
        var red = mean.Preprocess(TestImages.Png(64, 64, (_, _) => new Rgb24(255, 0, 0)));
        const int plane = 224 * 224;
        const int pixel = 112 * 224 + 112;

        // A black image yields -mean everywhere; pure red changes only the last (R) plane, by 255.
        Assert.That(-zero[pixel], Is.InRange(80.0f, 140.0f), "ImageNet-like mean of the blue channel");
        Assert.That(red[pixel] - zero[pixel], Is.EqualTo(0).Within(1e-3), "B plane unchanged");
        Assert.That(red[plane + pixel] - zero[plane + pixel], Is.EqualTo(0).Within(1e-3), "G plane unchanged");
        Assert.That(red[2 * plane + pixel] - zero[2 * plane + pixel], Is.EqualTo(255).Within(1e-3), "R plane is last");
    }

    [Test]
    public void A_body_that_is_not_an_image_is_rejected_as_a_bad_image()
    {
        Assert.Throws<BadImageException>(() => Preprocessor.Preprocess("not an image at all"u8.ToArray()));
        var truncated = TestImages.Photo[..200];
        Assert.Throws<BadImageException>(() => Preprocessor.Preprocess(truncated));
    }
}
