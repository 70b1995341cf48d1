using PerfLint.Bench.Load;
using PerfLint.Bench.Spec;
using PerfLint.Bench.Stats;

namespace PerfLint.Bench.Tests;

/// <summary>The statistics against distributions whose percentiles are known in closed form.</summary>
public class StatisticsTests
{
    private const int Samples = 200_000;

    [Test]
    public void UniformPercentilesMatchTheDistribution()
    {
        var h = StepMeasurement.NewHistogram();
        var random = new Random(1);
        // Uniform on [0, 100 ms] in microseconds: the p-th percentile is p ms.
        for (var i = 0; i < Samples; i++) h.RecordValue((long)(random.NextDouble() * 100_000));
        var s = LatencySummary.From(h);
        Assert.Multiple(() =>
        {
            Assert.That(s.P50, Is.EqualTo(50).Within(0.5));
            Assert.That(s.P90, Is.EqualTo(90).Within(0.5));
            Assert.That(s.P99, Is.EqualTo(99).Within(0.3));
            Assert.That(s.P999, Is.EqualTo(99.9).Within(0.2));
            Assert.That(s.Max, Is.LessThanOrEqualTo(100.1));
            Assert.That(s.Mean, Is.EqualTo(50).Within(0.5));
        });
    }

    [Test]
    public void ExponentialPercentilesMatchTheDistribution()
    {
        var h = StepMeasurement.NewHistogram();
        var random = new Random(2);
        const double meanMs = 10;
        for (var i = 0; i < Samples; i++) h.RecordValue((long)(-Math.Log(1 - random.NextDouble()) * meanMs * 1000));
        var s = LatencySummary.From(h);
        // Quantile of Exp(1/mean): -mean * ln(1 - p).
        double Q(double p) => -meanMs * Math.Log(1 - p);
        Assert.Multiple(() =>
        {
            Assert.That(s.P50, Is.EqualTo(Q(0.50)).Within(2).Percent);
            Assert.That(s.P90, Is.EqualTo(Q(0.90)).Within(2).Percent);
            Assert.That(s.P99, Is.EqualTo(Q(0.99)).Within(3).Percent);
            Assert.That(s.P999, Is.EqualTo(Q(0.999)).Within(6).Percent);
            Assert.That(s.Mean, Is.EqualTo(meanMs).Within(2).Percent);
        });
    }

    [Test]
    public void EmptyHistogramHasNoPercentiles()
    {
        var s = LatencySummary.From(StepMeasurement.NewHistogram());
        Assert.That(new[] { s.P50, s.P99, s.Max }, Is.All.Null);
        Assert.That(LatencySummary.Distribution(StepMeasurement.NewHistogram()), Is.Empty);
    }

    [Test]
    public void DistributionIsMonotoneAndEndsAtTheMaximum()
    {
        var h = StepMeasurement.NewHistogram();
        var random = new Random(3);
        for (var i = 0; i < 10_000; i++) h.RecordValue(1000 + random.Next(50_000));
        var points = LatencySummary.Distribution(h);
        Assert.That(points.Select(p => p[0]), Is.Ordered.Ascending);
        Assert.That(points.Select(p => p[1]), Is.Ordered.Ascending);
        Assert.That(points[^1][0], Is.EqualTo(100));
        Assert.That(points[^1][1], Is.EqualTo(LatencySummary.From(h).Max!.Value).Within(0.1).Percent);
    }

    [TestCase(0.50, 7)]
    [TestCase(0.90, 44)]
    [TestCase(0.95, 90)]
    [TestCase(0.99, 459)]
    [TestCase(0.999, 4603)]
    public void EarlyStoppingMinimumRequests(double percentile, long expected)
    {
        var n = EarlyStopping.MinimumRequests(percentile);
        Assert.That(n, Is.EqualTo(expected));
        // The defining property: n requests all within the limit give confidence c, n - 1 do not.
        Assert.That(Math.Pow(percentile, n), Is.LessThanOrEqualTo(1 - EarlyStopping.Confidence));
        Assert.That(Math.Pow(percentile, n - 1), Is.GreaterThan(1 - EarlyStopping.Confidence));
    }

    [Test]
    public void PoissonArrivalsHaveExponentialGaps()
    {
        const double rate = 200;
        var schedule = new ArrivalSchedule(rate, Arrival.Poisson, seed: 7);
        var previous = schedule.NextOffsetSeconds();
        var gaps = new List<double>();
        for (var i = 0; i < 100_000; i++)
        {
            var next = schedule.NextOffsetSeconds();
            gaps.Add(next - previous);
            previous = next;
        }
        var mean = gaps.Average();
        var sd = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / gaps.Count);
        Assert.Multiple(() =>
        {
            Assert.That(mean, Is.EqualTo(1 / rate).Within(1.5).Percent);
            // Exponential: coefficient of variation 1, and P(gap < mean) = 1 - 1/e.
            Assert.That(sd / mean, Is.EqualTo(1).Within(0.02));
            Assert.That(gaps.Count(g => g < 1 / rate) / (double)gaps.Count, Is.EqualTo(1 - 1 / Math.E).Within(0.01));
        });
    }

    [Test]
    public void ConstantArrivalsAreEvenlySpaced()
    {
        var schedule = new ArrivalSchedule(4, Arrival.Constant, seed: 0);
        var offsets = Enumerable.Range(0, 5).Select(_ => schedule.NextOffsetSeconds()).ToArray();
        Assert.That(offsets, Is.EqualTo(new[] { 0, 0.25, 0.5, 0.75, 1.0 }));
    }

    [Test]
    public void MedianOfOddEvenAndMissing()
    {
        Assert.That(Median.Of(new double?[] { 3, 1, 2 }), Is.EqualTo(2));
        Assert.That(Median.Of(new double?[] { 4, 1, 3, 2 }), Is.EqualTo(2.5));
        Assert.That(Median.Of(new double?[] { null, 5 }), Is.EqualTo(5));
        Assert.That(Median.Of(new double?[] { null }), Is.Null);
    }

    [Test]
    public void CostPerMillionFromTheCatalogPriceAndItIsAFloorForSageMaker()
    {
        var ml = InstancePrice.For("ml.g5.xlarge")!;
        var ec2 = InstancePrice.For("g5.xlarge")!;
        Assert.Multiple(() =>
        {
            Assert.That(ml.UsdPerHour, Is.Not.Null.And.GreaterThan(0));
            Assert.That(ml.IsEc2Floor, Is.True);
            Assert.That(ml.Note, Does.Contain("FLOOR"));
            Assert.That(ec2.IsEc2Floor, Is.False);
            // $/h / (req/s * 3600 s/h) * 1e6.
            Assert.That(ml.CostPerMillion(100), Is.EqualTo(ml.UsdPerHour!.Value / 360_000 * 1_000_000).Within(1e-9));
            Assert.That(ml.CostPerMillion(0), Is.Null);
            Assert.That(InstancePrice.For("zz.nonexistent")!.UsdPerHour, Is.Null);
            Assert.That(InstancePrice.For(null), Is.Null);
        });
    }
}
