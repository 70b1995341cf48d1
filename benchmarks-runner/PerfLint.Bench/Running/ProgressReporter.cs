using System.Diagnostics;
using PerfLint.Bench.Load;

namespace PerfLint.Bench.Running;

/// <summary>
/// Live single-line progress on a terminal (rewritten in place), plain lines when output is redirected or CI is set.
/// </summary>
public sealed class ProgressReporter
{
    private readonly TextWriter _out;
    private readonly bool _live;
    private readonly object _gate = new();
    private int _lastWidth;

    public ProgressReporter(TextWriter output, bool live)
    {
        _out = output;
        _live = live;
    }

    /// <summary>Live only for the real console, on a terminal, outside CI.</summary>
    public static bool ShouldBeLive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public void Line(string text)
    {
        lock (_gate)
        {
            ClearLive();
            _out.WriteLine(text);
            _out.Flush();
        }
    }

    /// <summary>Shows a running step until the returned handle is disposed.</summary>
    public IDisposable Step(string label, LiveCounters counters, double plannedSeconds)
    {
        if (!_live)
        {
            Line($"  {label}: running {plannedSeconds:0.#} s ...");
            return new Noop();
        }
        var watch = Stopwatch.StartNew();
        var timer = new Timer(_ =>
        {
            var elapsed = watch.Elapsed.TotalSeconds;
            var text = $"  {label} [{counters.Phase}] {elapsed,5:0.0}/{plannedSeconds:0} s  ok {counters.Successes}  errors {counters.Errors}";
            lock (_gate)
            {
                _out.Write("\r" + text.PadRight(_lastWidth));
                _lastWidth = text.Length;
                _out.Flush();
            }
        }, null, 0, 250);
        return new TimerHandle(timer, this);
    }

    private void ClearLive()
    {
        if (!_live || _lastWidth == 0) return;
        _out.Write("\r" + new string(' ', _lastWidth) + "\r");
        _lastWidth = 0;
    }

    private sealed class Noop : IDisposable
    {
        public void Dispose() { }
    }

    private sealed class TimerHandle(Timer timer, ProgressReporter owner) : IDisposable
    {
        public void Dispose()
        {
            timer.Dispose();
            lock (owner._gate) owner.ClearLive();
        }
    }
}
