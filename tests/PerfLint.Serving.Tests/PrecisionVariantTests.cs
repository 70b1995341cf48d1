using PerfLint.Serving.Resnet18;

namespace PerfLint.Serving.Tests;

/// <summary>
/// MODEL_PRECISION=fp16: the weights become float16 and the features move by a small, non-zero amount, within the
/// tolerance documented in docs/serving.md and used by samples/serving/perflint.bench.json.
/// </summary>
public class PrecisionVariantTests
{
    // The sample spec's quality gate ("compare": { "maxAbsError": 0.02 }), and docs/serving.md.
    private const double DocumentedMaxAbsError = 0.02;

    private string _cacheDirectory = null!;
    private string _fp32 = null!;
    private string _fp16 = null!;

    [OneTimeSetUp]
    public void PrepareBothPrecisionsOnce()
    {
        _cacheDirectory = Path.Combine(Path.GetTempPath(), "perflint-serving-tests-" + Guid.NewGuid().ToString("N"));
        _fp32 = ModelFiles.Prepare(PrecisionEditor.Fp32, _cacheDirectory);
        _fp16 = ModelFiles.Prepare(PrecisionEditor.Fp16, _cacheDirectory);
    }

    [OneTimeTearDown]
    public void DeleteCache() => Directory.Delete(_cacheDirectory, recursive: true);

    [Test]
    public void Every_convolution_weight_is_float16_and_the_file_is_about_half_the_size()
    {
        // The CNTK ResNet18: 22 Conv nodes (no bias), each followed by a BatchNormalization with 4 float32 tensors.
        Assert.That(PrecisionEditor.InitializerTypes(_fp32), Is.EquivalentTo(new Dictionary<string, int> { ["FLOAT"] = 110 }));
        Assert.That(PrecisionEditor.InitializerTypes(_fp16), Is.EquivalentTo(new Dictionary<string, int> { ["FLOAT16"] = 22, ["FLOAT"] = 88 }));
        Assert.That(new FileInfo(_fp16).Length, Is.InRange(new FileInfo(_fp32).Length * 0.45, new FileInfo(_fp32).Length * 0.55));
        Assert.That(BatchDimensionEditor.LeadingDimensions(_fp16), Is.EqualTo(new[] { "N", "N" }), "the batch edit is kept");
        Assert.That(ModelFiles.Prepare(PrecisionEditor.Fp16, _cacheDirectory), Is.EqualTo(_fp16), "cached, not rewritten");
    }

    [Test]
    public void The_fp16_features_differ_from_fp32_by_a_small_nonzero_amount_within_the_documented_tolerance()
    {
        var preprocessor = ImagePreprocessor.FromPreprocessModel(ModelFiles.ResNetPreprocess);
        var images = new[] { TestImages.Photo, TestImages.Gradient }.Select(preprocessor.Preprocess).ToArray();
        using var fp32 = new ResNet18Model(_fp32, tryCuda: false, _ => { });
        using var fp16 = new ResNet18Model(_fp16, tryCuda: false, _ => { });
        var expected = fp32.Run(images);
        var actual = fp16.Run(images);
        for (var i = 0; i < images.Length; i++)
        {
            var maxAbs = expected[i].Zip(actual[i], (e, a) => Math.Abs((double)e - a)).Max();
            var dot = expected[i].Zip(actual[i], (e, a) => (double)e * a).Sum();
            var cosine = dot / (Norm(expected[i]) * Norm(actual[i]));
            TestContext.Out.WriteLine($"image {i}: max abs error {maxAbs:G6}, cosine {cosine:G8}, largest feature {expected[i].Max():G6}");
            Assert.That(maxAbs, Is.GreaterThan(0), "the weights really changed");
            Assert.That(maxAbs, Is.LessThanOrEqualTo(DocumentedMaxAbsError));
            Assert.That(cosine, Is.GreaterThan(0.9999));
        }
    }

    [Test]
    public void An_unknown_precision_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => ServingOptions.FromEnvironment(n => n == "MODEL_PRECISION" ? "int4" : null));
        Assert.That(ex!.Message, Is.EqualTo("MODEL_PRECISION='int4' is not fp32 or fp16."));
        Assert.That(ServingOptions.FromEnvironment(_ => null).Precision, Is.EqualTo("fp32"));
    }

    private static double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));
}
