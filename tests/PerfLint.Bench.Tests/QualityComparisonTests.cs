using System.Text;
using PerfLint.Bench.Judging;
using PerfLint.Bench.Spec;

namespace PerfLint.Bench.Tests;

/// <summary>The quality gate's arithmetic on hand-computed cases.</summary>
public class QualityComparisonTests
{
    private static ResponseComparison Compare(string expected, string actual, bool inline = false) =>
        QualityComparer.Compare(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual), inline);

    [Test]
    public void MaxAbsErrorAndCosineOfTwoVectors()
    {
        // |1-1| = 0, |2-2.5| = 0.5, |3-2| = 1 -> max 1.
        // dot = 1 + 5 + 6 = 12; |e| = sqrt(14); |a| = sqrt(1 + 6.25 + 4) = sqrt(11.25); 12 / sqrt(157.5) = 0.956183...
        var c = Compare("[1, 2, 3]", "[1, 2.5, 2]");
        Assert.That(c.MaxAbsError, Is.EqualTo(1.0));
        Assert.That(c.Cosine, Is.EqualTo(0.9561828874675149).Within(1e-12));
        Assert.That((c.Exact, c.Problem), Is.EqualTo((false, (string?)null)));
    }

    [Test]
    public void NestedArraysAndObjectsAreComparedElementByElement()
    {
        // Numbers in order: 3, 4 | 0 -> expected (3, 4, 0), actual (0, 4, 3): max |d| = 3; dot = 16, norms 5 and 5 -> 0.64.
        var c = Compare("{\"v\": [[3], [4]], \"b\": 0, \"s\": \"x\"}", "{\"b\": 3, \"v\": [[0], [4]], \"s\": \"x\"}");
        Assert.That((c.MaxAbsError, c.Cosine, c.Problem), Is.EqualTo(((double?)3.0, (double?)0.64, (string?)null)));
    }

    [Test]
    public void APerpendicularAndAnOppositeVectorHaveCosineZeroAndMinusOne()
    {
        Assert.That(Compare("[1, 0]", "[0, 1]").Cosine, Is.EqualTo(0.0));
        Assert.That(Compare("[1, 2]", "[-2, -4]").Cosine, Is.EqualTo(-1.0).Within(1e-15));
        Assert.That(Compare("[0, 0]", "[0, 0]").Cosine, Is.EqualTo(1.0));
        Assert.That(Compare("[0, 0]", "[0, 1]").Cosine, Is.EqualTo(0.0));
    }

    [Test]
    public void ADifferentShapeIsAProblemNotANumber()
    {
        Assert.That(Compare("[1, 2]", "[1, 2, 3]").Problem, Is.EqualTo("at $: expected 2 items, got 3"));
        Assert.That(Compare("{\"a\": [1]}", "{\"a\": 1}").Problem, Is.EqualTo("at $.a: expected an array, got a number"));
        Assert.That(Compare("{\"a\": 1}", "{\"b\": 1}").Problem, Is.EqualTo("at $: \"a\" is missing"));
        Assert.That(Compare("[\"cat\"]", "[\"dog\"]").Problem, Is.EqualTo("at $[0]: expected \"cat\", got \"dog\""));
        Assert.That(Compare("[1]", "not json").Problem, Is.EqualTo("the response differs from the expected body and is not comparable as JSON"));
    }

    [Test]
    public void ExactMeansTheSameBytesOrForInlineJsonTheSameValue()
    {
        Assert.That(Compare("[1, 2]", "[1, 2]").Exact, Is.True);
        Assert.That(Compare("[1, 2]", "[1,2]").Exact, Is.False, "a file's bytes must match");
        Assert.That(Compare("[1,2]", "[1, 2.0]", inline: true).Exact, Is.True, "inline JSON compares values");
        Assert.That(Compare("[1,2]", "[1, 2.001]", inline: true).Exact, Is.False);
        Assert.That(Compare("binary\u0001", "binary\u0001").Exact, Is.True, "non-JSON bodies compare as bytes");
    }

    private static QualitySpec Gate(QualityCompare compare, double limit) => new(Array.Empty<GoldenRequest>(), compare, limit, new SourcePos(9, 7));

    [Test]
    public void TheWorstResponseDecidesTheGate()
    {
        var responses = new[] { ("a.jpg", Compare("[1, 2, 3]", "[1, 2.5, 2]")), ("b.jpg", Compare("[1, 1]", "[1.25, 1]")) };
        var loose = QualityComparer.Judge(Gate(QualityCompare.MaxAbsError, 1.0), responses);
        var tight = QualityComparer.Judge(Gate(QualityCompare.MaxAbsError, 0.999), responses);
        var cosine = QualityComparer.Judge(Gate(QualityCompare.Cosine, 0.95), responses);
        Assert.Multiple(() =>
        {
            Assert.That((loose.MaxAbsError, loose.Passed, loose.Requests, loose.Limit), Is.EqualTo(((double?)1.0, true, 2, (double?)1.0)));
            Assert.That(tight.Passed, Is.False);
            Assert.That(cosine.MinCosine, Is.EqualTo(0.9561828874675149).Within(1e-12));
            Assert.That(cosine.Passed, Is.True);
            Assert.That(QualityComparer.Describe(tight), Is.EqualTo("quality: max abs error 1 > max 0.999 over 2 golden request(s) (max abs error 1, min cosine 0.95618289)"));
            Assert.That(QualityComparer.Describe(cosine), Is.EqualTo("quality: min cosine 0.95618289 >= min 0.95 over 2 golden request(s) (max abs error 1, min cosine 0.95618289)"));
        });
    }

    [Test]
    public void AFailedRequestFailsEveryKindOfGate()
    {
        var responses = new[] { ("a.jpg", Compare("[1]", "[1]")), ("b.jpg", new ResponseComparison(false, null, null, "HTTP 500: boom")) };
        foreach (var compare in new[] { QualityCompare.Exact, QualityCompare.MaxAbsError, QualityCompare.Cosine })
        {
            var q = QualityComparer.Judge(Gate(compare, 1000), responses);
            Assert.That((q.Passed, q.Problem), Is.EqualTo((false, "b.jpg: HTTP 500: boom")), compare.ToString());
        }
        Assert.That(QualityComparer.Describe(QualityComparer.Judge(Gate(QualityCompare.Cosine, 0.5), responses)),
            Is.EqualTo("quality: b.jpg: HTTP 500: boom over 2 golden request(s) (max abs error 0, min cosine 1)"));
    }
}
