using PerfLint.Analyzers.Gating;

namespace PerfLint.Analyzers.Tests.Gating;

/// <summary>A body's numbers: each kept once within the distinct limit, every number kept at any size, emptied for reuse.</summary>
public class NumberSetTests
{
    [Test]
    public void Keeps_each_number_once_in_the_order_first_seen()
    {
        var set = new NumberSet();
        foreach (var n in new[] { 70.0, 1, 70, 0.5, 1, 70 })
        {
            set.Add(n);
        }

        Assert.That(set, Is.EqualTo(new[] { 70.0, 1, 0.5 }));
        Assert.That(set.ToArray(), Is.EqualTo(new[] { 70.0, 1, 0.5 }));
    }

    [Test]
    public void Keeps_every_number_of_a_body_larger_than_the_distinct_limit_and_no_repeat_within_it()
    {
        var set = new NumberSet();
        var count = NumberSet.DistinctLimit * 3;
        for (var round = 0; round < 2; round++)
        {
            for (var n = 0; n < count; n++)
            {
                set.Add(n);
            }
        }

        Assert.That(set.Distinct().Count(), Is.EqualTo(count));
        Assert.That(set.Take(NumberSet.DistinctLimit), Is.Unique);
        Assert.That(set.Count(n => n < NumberSet.DistinctLimit), Is.EqualTo(NumberSet.DistinctLimit));
    }

    [Test]
    public void Is_empty_after_clear_and_reusable()
    {
        var set = new NumberSet();
        set.Add(3);
        set.Clear();
        Assert.That(set.ToArray(), Is.Empty);
        set.Add(4);
        Assert.That(set, Is.EqualTo(new[] { 4.0 }));
    }
}
