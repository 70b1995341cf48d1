using PerfLint.Bench.Containers;

namespace PerfLint.Bench.Running;

/// <summary>Polls the container while a step runs and cancels the step as soon as the container stops.</summary>
public sealed class ContainerWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stepStop;
    private readonly CancellationTokenSource _watchStop = new();
    private readonly Task _loop;

    public string? ExitReason { get; private set; }
    public CancellationToken StepToken => _stepStop.Token;

    public ContainerWatch(ContainerEngine engine, string containerId, CancellationToken outer)
    {
        _stepStop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _loop = Task.Run(() => LoopAsync(engine, containerId));
    }

    private async Task LoopAsync(ContainerEngine engine, string id)
    {
        try
        {
            while (!_watchStop.IsCancellationRequested)
            {
                await Task.Delay(1000, _watchStop.Token);
                var state = await engine.StateAsync(id, _watchStop.Token);
                if (state is { Running: true }) continue;
                ExitReason = state is { } s ? $"container exited with code {s.ExitCode}" : "container disappeared";
                _stepStop.Cancel();
                return;
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _watchStop.Cancel();
        try { await _loop; } catch (OperationCanceledException) { }
        _watchStop.Dispose();
        _stepStop.Dispose();
    }
}
