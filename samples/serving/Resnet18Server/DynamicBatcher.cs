using System.Diagnostics;
using System.Threading.Channels;

namespace PerfLint.Serving.Resnet18;

/// <summary>What one request gets back: its own output and the size of the batch it was served in.</summary>
internal readonly record struct BatchedResult<TOut>(TOut Output, int BatchSize);

/// <summary>
/// Server-side dynamic batching: requests wait in a queue; one loop takes up to <c>maxBatchSize</c> of them, or
/// whatever arrived within <c>maxWait</c> of the oldest one being queued, runs them as one batch and completes each.
/// maxBatchSize 1 means no batching (every request runs alone, without waiting).
/// </summary>
internal sealed class DynamicBatcher<TIn, TOut> : IAsyncDisposable
{
    private sealed record Pending(TIn Input, long EnqueuedAt, TaskCompletionSource<BatchedResult<TOut>> Completion);

    private readonly Func<IReadOnlyList<TIn>, IReadOnlyList<TOut>> _runBatch;
    private readonly int _maxBatchSize;
    private readonly long _maxWaitTicks;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public DynamicBatcher(Func<IReadOnlyList<TIn>, IReadOnlyList<TOut>> runBatch, int maxBatchSize, TimeSpan maxWait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWait, TimeSpan.Zero);
        _runBatch = runBatch;
        _maxBatchSize = maxBatchSize;
        _maxWaitTicks = (long)(maxWait.TotalSeconds * Stopwatch.Frequency);
        // The batch runs synchronously (ONNX Runtime blocks) on this dedicated loop, never on a request's thread.
        _loop = Task.Factory.StartNew(RunLoopAsync, TaskCreationOptions.LongRunning).Unwrap();
    }

    public Task<BatchedResult<TOut>> EnqueueAsync(TIn input)
    {
        var pending = new Pending(input, Stopwatch.GetTimestamp(),
            new TaskCompletionSource<BatchedResult<TOut>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            pending.Completion.SetException(new ObjectDisposedException(nameof(DynamicBatcher<TIn, TOut>)));
        return pending.Completion.Task;
    }

    private async Task RunLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(_maxBatchSize);
        // Ends once the writer is completed (DisposeAsync) and every queued request has been served.
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            if (!reader.TryRead(out var first)) continue;
            batch.Add(first);
            var deadline = first.EnqueuedAt + _maxWaitTicks;
            while (batch.Count < _maxBatchSize)
            {
                if (reader.TryRead(out var next)) { batch.Add(next); continue; }
                var remaining = deadline - Stopwatch.GetTimestamp();
                if (remaining <= 0 || !await WaitForMoreAsync(reader, remaining).ConfigureAwait(false)) break;
            }
            RunBatch(batch);
        }
    }

    /// <summary>True when an item arrived before the wait ran out.</summary>
    private static async Task<bool> WaitForMoreAsync(ChannelReader<Pending> reader, long remainingTicks)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds((double)remainingTicks / Stopwatch.Frequency));
        try { return await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) { return false; }
    }

    private void RunBatch(List<Pending> batch)
    {
        try
        {
            var inputs = batch.Select(p => p.Input).ToArray();
            var outputs = _runBatch(inputs);
            if (outputs.Count != batch.Count)
                throw new InvalidOperationException($"Batch of {batch.Count} produced {outputs.Count} outputs.");
            for (var i = 0; i < batch.Count; i++)
                batch[i].Completion.TrySetResult(new BatchedResult<TOut>(outputs[i], batch.Count));
        }
        catch (Exception e)
        {
            // A failed batch fails every request in it; the loop keeps serving later batches.
            foreach (var p in batch) p.Completion.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Stop accepting, then let the loop serve what is already queued.
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
