using System.Collections.Concurrent;
using System.Diagnostics;
using PerfLint.Serving.Resnet18;

namespace PerfLint.Serving.Tests;

public class DynamicBatcherTests
{
    [Test]
    public async Task Never_runs_more_than_the_maximum_batch_size_and_fills_batches_under_load()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var batcher = new DynamicBatcher<int, int>(items => { sizes.Enqueue(items.Count); return items; },
            maxBatchSize: 8, maxWait: TimeSpan.FromMilliseconds(200));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(batcher.EnqueueAsync));

        Assert.That(sizes, Has.All.InRange(1, 8));
        Assert.That(sizes.Sum(), Is.EqualTo(20));
        Assert.That(sizes.Count(s => s == 8), Is.GreaterThanOrEqualTo(2), "20 queued requests must fill 8-request batches");
        Assert.That(results.Select(r => r.BatchSize), Has.All.InRange(1, 8));
    }

    [Test]
    public async Task A_lone_request_waits_for_company_at_most_the_maximum_wait()
    {
        await using var batcher = new DynamicBatcher<int, int>(items => items, maxBatchSize: 8, maxWait: TimeSpan.FromMilliseconds(100));
        var clock = Stopwatch.StartNew();

        var result = await batcher.EnqueueAsync(7);

        Assert.That(result, Is.EqualTo(new BatchedResult<int>(7, 1)));
        Assert.That(clock.Elapsed.TotalMilliseconds, Is.InRange(90, 2000), "served alone once the 100 ms wait ran out");
    }

    [Test]
    public async Task Batch_size_one_disables_batching_and_never_waits()
    {
        var sizes = new ConcurrentQueue<int>();
        await using var batcher = new DynamicBatcher<int, int>(items => { sizes.Enqueue(items.Count); return items; },
            maxBatchSize: 1, maxWait: TimeSpan.FromSeconds(5));
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(batcher.EnqueueAsync));

        Assert.That(sizes, Has.Count.EqualTo(10));
        Assert.That(sizes, Has.All.EqualTo(1));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "a 5 s wait must not apply when batching is off");
    }

    [Test]
    public async Task Completes_every_request_with_its_own_output()
    {
        await using var batcher = new DynamicBatcher<int, int>(items => items.Select(i => i * 10).ToArray(),
            maxBatchSize: 4, maxWait: TimeSpan.FromMilliseconds(2));

        // Producers on several threads, so batches mix requests from different callers.
        var tasks = Enumerable.Range(0, 400).Select(i => Task.Run(() => batcher.EnqueueAsync(i))).ToArray();
        var results = await Task.WhenAll(tasks);

        Assert.That(results.Select(r => r.Output), Is.EqualTo(Enumerable.Range(0, 400).Select(i => i * 10)));
    }

    [Test]
    public async Task A_model_failure_fails_every_request_of_that_batch_and_later_batches_still_run()
    {
        var calls = 0;
        await using var batcher = new DynamicBatcher<int, int>(items =>
        {
            if (Interlocked.Increment(ref calls) == 1) throw new InvalidOperationException("model exploded");
            return items;
        }, maxBatchSize: 4, maxWait: TimeSpan.FromSeconds(1));

        var failing = Enumerable.Range(0, 4).Select(batcher.EnqueueAsync).ToArray();
        foreach (var task in failing)
        {
            var error = Assert.ThrowsAsync<InvalidOperationException>(async () => await task);
            Assert.That(error!.Message, Is.EqualTo("model exploded"));
        }
        var after = await batcher.EnqueueAsync(5);
        Assert.That(after.Output, Is.EqualTo(5));
    }

    [Test]
    public async Task Output_count_mismatch_fails_the_whole_batch()
    {
        await using var batcher = new DynamicBatcher<int, int>(items => items.Skip(1).ToArray(),
            maxBatchSize: 2, maxWait: TimeSpan.FromSeconds(1));

        var tasks = new[] { batcher.EnqueueAsync(1), batcher.EnqueueAsync(2) };

        foreach (var task in tasks)
            Assert.ThrowsAsync<InvalidOperationException>(async () => await task);
    }

    [Test]
    public async Task Dispose_serves_what_is_already_queued()
    {
        var batcher = new DynamicBatcher<int, int>(items => items, maxBatchSize: 8, maxWait: TimeSpan.FromSeconds(10));
        var pending = batcher.EnqueueAsync(3);

        await batcher.DisposeAsync();

        Assert.That(pending.IsCompletedSuccessfully, Is.True);
        Assert.ThrowsAsync<ObjectDisposedException>(async () => await batcher.EnqueueAsync(4));
    }
}
