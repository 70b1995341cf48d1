using System.Runtime.InteropServices;

namespace PerfLint.Bench.Cli;

/// <summary>
/// Ctrl+C / SIGINT (Console.CancelKeyPress) and SIGTERM (PosixSignalRegistration) cancel the run instead of killing the
/// process, so the containers get removed. The MSBuild task cancels the runner with SIGTERM (a runner started from a
/// background job inherits SIGINT as ignored). A second Ctrl+C kills.
/// </summary>
public sealed class CancellationSignals : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly ConsoleCancelEventHandler _onCancelKey;
    private readonly List<PosixSignalRegistration> _registrations = new();

    public CancellationSignals(CancellationTokenSource cts)
    {
        _cts = cts;
        _onCancelKey = (_, e) =>
        {
            if (_cts.IsCancellationRequested) return;
            e.Cancel = true;
            _cts.Cancel();
        };
        Console.CancelKeyPress += _onCancelKey;
        if (!OperatingSystem.IsWindows())
        {
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal));
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_cts.IsCancellationRequested) return;
        context.Cancel = true;
        _cts.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= _onCancelKey;
        foreach (var r in _registrations) r.Dispose();
    }
}
