using System.Text;
using PerfLint.Bench.Spec;
using TempDirectory = PerfLint.Testing.TempDirectory;

namespace PerfLint.Bench.Tests;

/// <summary>variants expand into one benchmark each; quality blocks are read strictly, errors at their line.</summary>
public class VariantSpecTests
{
    private static BenchSpecFile Read(string json) => SpecReader.Read(Encoding.UTF8.GetBytes(json), "/specs/perflint.bench.json");

    private static SpecException Fails(string json) => Assert.Throws<SpecException>(() => Read(json))!;

    // Line numbers below are counted in this text (line 1 is the opening brace).
    private const string WithVariants = """
        {
          "benchmarks": [ {
            "name": "resnet",
            "image": "img",
            "env": { "BATCH_MAX": "8", "MODEL_PRECISION": "fp32" },
            "request": { "body": "abc", "contentType": "text/plain", "path": "/invocations" },
            "load": { "concurrency": [1] },
            "budgets": { "p50Ms": 40 },
            "quality": {
              "requests": [ { "body": "xyz", "expected": { "json": [1, 2.5, [3]] } } ],
              "compare": { "maxAbsError": 0.01 }
            },
            "variants": [
              { "name": "fp32" },
              { "name": "fp16", "env": { "MODEL_PRECISION": "fp16", "THREADS": 2 } }
            ]
          } ]
        }
        """;

    [Test]
    public void EachVariantBecomesABenchmarkWithTheEnvOverlaidAndTheVariantsPosition()
    {
        var benchmarks = Read(WithVariants).Benchmarks;
        Assert.That(benchmarks.Select(b => (b.Name, b.Variant)), Is.EqualTo(new[] { ("resnet", "fp32"), ("resnet", "fp16") }));
        Assert.Multiple(() =>
        {
            Assert.That(benchmarks[0].Env, Is.EquivalentTo(new Dictionary<string, string> { ["BATCH_MAX"] = "8", ["MODEL_PRECISION"] = "fp32" }));
            Assert.That(benchmarks[1].Env, Is.EquivalentTo(new Dictionary<string, string> { ["BATCH_MAX"] = "8", ["MODEL_PRECISION"] = "fp16", ["THREADS"] = "2" }));
            Assert.That(benchmarks[0].NamePos, Is.EqualTo(new SourcePos(14, 9)));
            Assert.That(benchmarks[1].NamePos, Is.EqualTo(new SourcePos(15, 9)));
            Assert.That(benchmarks[1].DisplayName, Is.EqualTo("resnet (fp16)"));
            // Budgets and the quality gate are the benchmark's, inherited by every variant.
            Assert.That(benchmarks.Select(b => b.Budgets.Single().Limit), Is.EqualTo(new[] { 40.0, 40.0 }));
            Assert.That(benchmarks.Select(b => b.Quality!.Pos), Is.All.EqualTo(new SourcePos(9, 5)));
        });
    }

    [Test]
    public void ABenchmarkWithoutVariantsHasNoVariant()
    {
        var start = WithVariants.IndexOf(",\n    \"variants\"", StringComparison.Ordinal);
        var end = WithVariants.IndexOf("]\n  } ]", StringComparison.Ordinal);
        var b = Read(WithVariants[..start] + WithVariants[(end + 1)..]).Benchmarks.Single();
        Assert.That((b.Variant, b.DisplayName, b.NamePos), Is.EqualTo(((string?)null, "resnet", new SourcePos(3, 5))));
    }

    [Test]
    public void ADuplicateVariantNameIsAnErrorAtTheSecondOne()
    {
        var ex = Fails(WithVariants.Replace("{ \"name\": \"fp16\", \"env\"", "{ \"name\": \"fp32\", \"env\""));
        Assert.That((ex.Line, ex.Column, ex.Message), Is.EqualTo((15, 9, "duplicate variant name \"fp32\" in benchmark \"resnet\"")));
    }

    [Test]
    public void AVariantsErrorsAreAtTheVariantsLine()
    {
        var unknown = Fails(WithVariants.Replace("{ \"name\": \"fp32\" }", "{ \"name\": \"fp32\", \"image\": \"other\" }"));
        Assert.That((unknown.Line, unknown.Column, unknown.Message), Is.EqualTo((14, 25, "unknown property \"image\"; expected one of: name, description, env")));
        var badEnv = Fails(WithVariants.Replace("\"THREADS\": 2", "\"THREADS\": [2]"));
        Assert.That((badEnv.Line, badEnv.Message), Is.EqualTo((15, "\"env.THREADS\" must be a string, number or boolean")));
        var noName = Fails(WithVariants.Replace("{ \"name\": \"fp32\" }", "{ \"env\": {} }"));
        Assert.That((noName.Line, noName.Column, noName.Message), Is.EqualTo((14, 7, "a variant needs \"name\"")));
        var open = WithVariants.IndexOf("\"variants\": [", StringComparison.Ordinal) + "\"variants\": [".Length;
        var close = WithVariants.IndexOf("]\n  } ]", StringComparison.Ordinal);
        var empty = Fails(WithVariants[..open] + WithVariants[close..]);
        Assert.That((empty.Line, empty.Message), Is.EqualTo((13, "\"variants\" must list at least one variant (or be left out)")));
    }

    [Test]
    public void QualityIsReadWithDefaultsFromTheBenchmarksRequest()
    {
        var q = Read(WithVariants).Benchmarks[0].Quality!;
        var golden = q.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That((q.Compare, q.Limit), Is.EqualTo((QualityCompare.MaxAbsError, 0.01)));
            Assert.That(Encoding.UTF8.GetString(golden.Body), Is.EqualTo("xyz"));
            Assert.That((golden.ContentType, golden.Path, golden.Label), Is.EqualTo(("text/plain", "/invocations", "request 1")));
            Assert.That(Encoding.UTF8.GetString(golden.Expected), Is.EqualTo("[1,2.5,[3]]"));
            Assert.That(golden.ExpectedIsInlineJson, Is.True);
        });
    }

    [Test]
    public void CompareTakesExactOrOneTolerance()
    {
        Assert.That(Read(WithVariants.Replace("{ \"maxAbsError\": 0.01 }", "\"exact\"")).Benchmarks[0].Quality!.Compare, Is.EqualTo(QualityCompare.Exact));
        var cosine = Read(WithVariants.Replace("{ \"maxAbsError\": 0.01 }", "{ \"cosine\": 0.999 }")).Benchmarks[0].Quality!;
        Assert.That((cosine.Compare, cosine.Limit), Is.EqualTo((QualityCompare.Cosine, 0.999)));

        var word = Fails(WithVariants.Replace("{ \"maxAbsError\": 0.01 }", "\"close\""));
        Assert.That((word.Line, word.Column, word.Message), Is.EqualTo((11, 18, "\"compare\" must be \"exact\", { \"maxAbsError\": x } or { \"cosine\": y }, not \"close\"")));
        var both = Fails(WithVariants.Replace("{ \"maxAbsError\": 0.01 }", "{ \"maxAbsError\": 0.01, \"cosine\": 0.9 }"));
        Assert.That((both.Line, both.Message), Is.EqualTo((11, "\"compare\" takes exactly one of \"maxAbsError\" or \"cosine\"")));
        var range = Fails(WithVariants.Replace("{ \"maxAbsError\": 0.01 }", "{ \"cosine\": 1.5 }"));
        Assert.That(range.Message, Is.EqualTo("\"cosine\" must be a number between -1 and 1, not 1.5"));
        var typo = Fails(WithVariants.Replace("{ \"maxAbsError\": 0.01 }", "{ \"maxAbsErr\": 0.01 }"));
        Assert.That(typo.Message, Is.EqualTo("unknown property \"maxAbsErr\"; expected one of: maxAbsError, cosine"));
    }

    [Test]
    public void ExpectedTakesExactlyOneSourceAndItsFileMustExist()
    {
        var both = Fails(WithVariants.Replace("{ \"json\": [1, 2.5, [3]] }", "{ \"json\": 1, \"bodyFile\": \"e.json\" }"));
        Assert.That((both.Line, both.Message), Is.EqualTo((10, "\"expected\" takes exactly one of \"bodyFile\" or \"json\"")));
        var missing = Fails(WithVariants.Replace("{ \"json\": [1, 2.5, [3]] }", "{ \"bodyFile\": \"nope.json\" }"));
        Assert.That((missing.Line, missing.Message), Is.EqualTo((10, "expected response file \"nope.json\" not found (looked beside the spec and in the current directory)")));
        var noRequests = Fails(WithVariants.Replace("\"requests\": [ { \"body\": \"xyz\", \"expected\": { \"json\": [1, 2.5, [3]] } } ]", "\"requests\": []"));
        Assert.That((noRequests.Line, noRequests.Message), Is.EqualTo((10, "\"quality.requests\" must list at least one golden request")));
    }

    [Test]
    public void GoldenFilesResolveBesideTheSpec()
    {
        using var dir = new TempDirectory("perflint-bench-test");
        dir.File("golden.jpg", "JPEG");
        dir.File("golden.json", "[0.5]");
        var spec = dir.File("perflint.bench.json", WithVariants.Replace(
            "{ \"body\": \"xyz\", \"expected\": { \"json\": [1, 2.5, [3]] } }",
            "{ \"bodyFile\": \"golden.jpg\", \"contentType\": \"image/jpeg\", \"path\": \"/invocations?output=features\", \"expected\": { \"bodyFile\": \"golden.json\" } }"));
        var golden = SpecReader.ReadFile(spec).Benchmarks[1].Quality!.Requests.Single();
        Assert.That((Encoding.UTF8.GetString(golden.Body), golden.ContentType, golden.Path, golden.Label, Encoding.UTF8.GetString(golden.Expected), golden.ExpectedIsInlineJson),
            Is.EqualTo(("JPEG", "image/jpeg", "/invocations?output=features", "golden.jpg", "[0.5]", false)));
    }
}
