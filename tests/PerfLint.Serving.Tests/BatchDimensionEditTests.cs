using PerfLint.Serving.Resnet18;

namespace PerfLint.Serving.Tests;

/// <summary>The edited ResNet18 really runs batches, and batching does not change any image's features.</summary>
public class BatchDimensionEditTests
{
    private string _cacheDirectory = null!;
    private string _editedModel = null!;

    [OneTimeSetUp]
    public void EditModelOnce()
    {
        _cacheDirectory = Path.Combine(Path.GetTempPath(), "perflint-serving-tests-" + Guid.NewGuid().ToString("N"));
        _editedModel = BatchDimensionEditor.GetOrCreateCached(ModelFiles.ResNet18, _cacheDirectory);
    }

    [OneTimeTearDown]
    public void DeleteCache() => Directory.Delete(_cacheDirectory, recursive: true);

    [Test]
    public void The_shipped_model_has_batch_one_and_the_edit_makes_it_symbolic()
    {
        Assert.That(BatchDimensionEditor.LeadingDimensions(ModelFiles.ResNet18), Is.EqualTo(new[] { "1", "1" }));
        Assert.That(BatchDimensionEditor.LeadingDimensions(_editedModel), Is.EqualTo(new[] { "N", "N" }));
    }

    [Test]
    public void The_cache_is_reused_not_rewritten()
    {
        var written = File.GetLastWriteTimeUtc(_editedModel);
        var again = BatchDimensionEditor.GetOrCreateCached(ModelFiles.ResNet18, _cacheDirectory);
        Assert.That(again, Is.EqualTo(_editedModel));
        Assert.That(File.GetLastWriteTimeUtc(again), Is.EqualTo(written));
        Assert.That(Directory.GetFiles(_cacheDirectory), Has.Length.EqualTo(1), "no temporary file left behind");
    }

    [Test]
    public void A_batch_of_three_in_one_run_gives_the_same_features_as_three_single_runs_of_the_original()
    {
        var preprocessor = ImagePreprocessor.FromPreprocessModel(ModelFiles.ResNetPreprocess);
        var images = new[] { TestImages.Photo, TestImages.Gradient, TestImages.Checkerboard }.Select(preprocessor.Preprocess).ToArray();
        var log = new List<string>();

        using var original = new ResNet18Model(ModelFiles.ResNet18, tryCuda: false, log.Add);
        using var edited = new ResNet18Model(_editedModel, tryCuda: false, log.Add);
        Assert.That(original.FixedBatchSize, Is.EqualTo(1));
        Assert.That(edited.FixedBatchSize, Is.Null);
        Assert.Throws<InvalidOperationException>(() => original.Run(images), "the shipped model cannot take 3 at once");

        var batched = edited.Run(images);
        var singles = images.Select(image => original.Run([image])[0]).ToArray();

        Assert.That(batched, Has.Length.EqualTo(3));
        for (var i = 0; i < 3; i++)
        {
            Assert.That(batched[i], Has.Length.EqualTo(512));
            var scale = singles[i].Max(Math.Abs);
            Assert.That(batched[i], Is.EqualTo(singles[i]).Within(1e-4 * scale + 1e-5), $"image {i}");
        }
        // Different images must give different features, or the comparison above proves nothing.
        Assert.That(singles[0], Is.Not.EqualTo(singles[1]).Within(1e-2));
        Assert.That(log, Has.Some.StartsWith("execution provider: CPU"));
        Assert.That(log, Has.Some.Contains("input Input247 Single[Nx3x224x224]"));
    }
}
