using TempDirectory = PerfLint.Testing.TempDirectory;
using System.Text;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Tests;

public class SpecReaderTests
{
    private static BenchSpecFile Read(string json) => SpecReader.Read(Encoding.UTF8.GetBytes(json), "/specs/perflint.bench.json");

    private static SpecException Fails(string json) => Assert.Throws<SpecException>(() => Read(json))!;

    private const string Valid = """
        {
          "benchmarks": [ {
            "name": "resnet",
            "image": "localhost/perflint/resnet18:1",
            "accelerator": "nvidia",
            "env": { "BATCH_MAX": "8", "THREADS": 2 },
            "request": { "body": "abc", "contentType": "text/plain" },
            "load": { "concurrency": [1, 4], "ratePerSecond": [10], "arrival": "poisson", "durationSeconds": 3, "warmupSeconds": 1 },
            "instanceType": "ml.g5.xlarge", "endpoint": "resnet-endpoint",
            "repeat": 3,
            "budgets": {
              "p50Ms": 40,
              "p99Ms": { "max": 120, "level": "warn" },
              "minThroughputPerSecond": { "min": 50 }
            }
          } ]
        }
        """;

    [Test]
    public void ReadsEveryField()
    {
        var b = Read(Valid).Benchmarks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(b.Name, Is.EqualTo("resnet"));
            Assert.That(b.Accelerator, Is.EqualTo(Accelerator.Nvidia));
            Assert.That(b.Env["THREADS"], Is.EqualTo("2"));
            Assert.That(Encoding.UTF8.GetString(b.Request.Body), Is.EqualTo("abc"));
            Assert.That(b.Request.Path, Is.EqualTo("/invocations"));
            Assert.That(b.Load.Concurrency, Is.EqualTo(new[] { 1, 4 }));
            Assert.That(b.Load.RatePerSecond, Is.EqualTo(new[] { 10.0 }));
            Assert.That(b.Load.Arrival, Is.EqualTo(Arrival.Poisson));
            Assert.That(b.Repeat, Is.EqualTo(3));
            Assert.That(b.Endpoint, Is.EqualTo("resnet-endpoint"));
            Assert.That(b.ReadinessTimeoutSeconds, Is.EqualTo(240));
        });
    }

    [Test]
    public void BudgetsKeepTheLineAndColumnOfTheirKey()
    {
        var budgets = Read(Valid).Benchmarks.Single().Budgets;
        var p50 = budgets.Single(x => x.Kind == BudgetKind.P50);
        var p99 = budgets.Single(x => x.Kind == BudgetKind.P99);
        var tp = budgets.Single(x => x.Kind == BudgetKind.MinThroughput);
        Assert.Multiple(() =>
        {
            Assert.That(p50.Pos, Is.EqualTo(new SourcePos(12, 7)));
            Assert.That((p50.Limit, p50.Level), Is.EqualTo((40.0, BudgetLevel.Error)));
            Assert.That(p99.Pos, Is.EqualTo(new SourcePos(13, 7)));
            Assert.That((p99.Limit, p99.Level), Is.EqualTo((120.0, BudgetLevel.Warn)));
            Assert.That(tp.Pos, Is.EqualTo(new SourcePos(14, 7)));
            Assert.That(tp.Limit, Is.EqualTo(50.0));
        });
    }

    [Test]
    public void ColumnsCountCharactersNotBytes()
    {
        var spec = Valid.Replace("\"name\": \"resnet\"", "\"name\": \"résnet-ü\"").Replace("\"p50Ms\": 40,", "/* é */ \"p50Ms\": 40,");
        var p50 = Read(spec).Benchmarks.Single().Budgets.Single(x => x.Kind == BudgetKind.P50);
        Assert.That(p50.Pos, Is.EqualTo(new SourcePos(12, 15)));
    }

    [Test]
    public void UnknownBudgetIsAnErrorAtItsKey()
    {
        var ex = Fails(Valid.Replace("\"p50Ms\": 40", "\"p50ms\": 40"));
        Assert.That((ex.Line, ex.Column), Is.EqualTo((12, 7)));
        Assert.That(ex.Message, Does.Contain("unknown budget \"p50ms\"").And.Contain("p50Ms"));
        Assert.That(ex.ToString(), Does.StartWith("/specs/perflint.bench.json(12,7): error"));
    }

    [Test]
    public void WrongTypeIsAnErrorAtTheValue()
    {
        var ex = Fails(Valid.Replace("\"durationSeconds\": 3", "\"durationSeconds\": \"3\""));
        Assert.That(ex.Line, Is.EqualTo(8));
        Assert.That(ex.Message, Does.Contain("durationSeconds").And.Contain("a number > 0"));
    }

    [Test]
    public void NegativeOrFractionalConcurrencyIsRejected()
    {
        var ex = Fails(Valid.Replace("[1, 4]", "[1, 2.5]"));
        Assert.That((ex.Line, ex.Message), Is.EqualTo((8, "\"concurrency\" must be a whole number between 1 and 100000, not 2.5")));
    }

    [Test]
    public void InvalidJsonReportsTheReaderPosition()
    {
        var ex = Fails("{\n  \"benchmarks\": [\n    { \"name\": \"x\" \n      \"image\": \"y\" }\n  ]\n}");
        Assert.That(ex.Line, Is.EqualTo(4));
        Assert.That(ex.Message, Does.StartWith("invalid JSON"));
    }

    [Test]
    public void MissingRequiredFieldPointsAtTheObject()
    {
        var ex = Fails("{ \"benchmarks\": [\n  { \"name\": \"x\", \"request\": { \"body\": \"a\" }, \"load\": { \"concurrency\": [1] } } ] }");
        Assert.That((ex.Line, ex.Column), Is.EqualTo((2, 3)));
        Assert.That(ex.Message, Is.EqualTo("a benchmark needs \"image\""));
    }

    [Test]
    public void WarnBudgetWithWrongDirectionIsRejected()
    {
        var ex = Fails(Valid.Replace("{ \"max\": 120, \"level\": \"warn\" }", "{ \"min\": 120 }"));
        Assert.That(ex.Line, Is.EqualTo(13));
        Assert.That(ex.Message, Does.Contain("needs \"max\""));
    }

    [Test]
    public void BodyAndBodyFileAreExclusiveAndBodyFileMustExist()
    {
        var both = Fails(Valid.Replace("\"body\": \"abc\"", "\"body\": \"abc\", \"bodyFile\": \"x.bin\""));
        Assert.That(both.Message, Does.Contain("not both"));
        var missing = Fails(Valid.Replace("\"body\": \"abc\"", "\"bodyFile\": \"does-not-exist.bin\""));
        Assert.That((missing.Line, missing.Message), Is.EqualTo((7, "request body file \"does-not-exist.bin\" not found (looked beside the spec and in the current directory)")));
    }

    [Test]
    public void BodyFileResolvesBesideTheSpec()
    {
        using var dir = new TempDirectory("perflint-bench-test");
        dir.File("payload.bin", "PAYLOAD");
        var spec = dir.File("perflint.bench.json", Valid.Replace("\"body\": \"abc\"", "\"bodyFile\": \"payload.bin\""));
        var b = SpecReader.ReadFile(spec).Benchmarks.Single();
        Assert.That(Encoding.UTF8.GetString(b.Request.Body), Is.EqualTo("PAYLOAD"));
    }

    [Test]
    public void LoadNeedsAtLeastOneStep()
    {
        var ex = Fails(Valid.Replace("\"concurrency\": [1, 4], \"ratePerSecond\": [10], ", ""));
        Assert.That(ex.Message, Does.Contain("needs a non-empty"));
    }

    [Test]
    public void DuplicateNamesAreRejected()
    {
        var one = Valid[(Valid.IndexOf('[') + 1)..Valid.LastIndexOf(']')];
        var ex = Fails("{ \"benchmarks\": [" + one + "," + one + "] }");
        Assert.That(ex.Message, Does.Contain("duplicate benchmark name"));
    }
}
