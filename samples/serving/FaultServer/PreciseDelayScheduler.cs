using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PerfLint.Serving.Fault;

/// <summary>
/// Completes tasks a fixed delay after they were requested, far more precisely than Task.Delay.
/// Task.Delay rides the runtime's timer queue (millisecond granularity, so it ends late), which would
/// blur a latency-accuracy benchmark. Because every request gets the same delay, deadlines are in FIFO order, so one
/// dedicated thread sleeping until the head's absolute deadline (clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME)
/// serves any number of concurrent requests without spinning.
/// </summary>
internal sealed class PreciseDelayScheduler : IDisposable
{
    private readonly long _delayNs;
    private readonly Queue<(long DeadlineNs, TaskCompletionSource Completion)> _queue = new();
    private readonly Thread _thread;
    private bool _stopping;

    public PreciseDelayScheduler(TimeSpan delay)
    {
        _delayNs = delay.Ticks * 100;
        _thread = new Thread(Run) { IsBackground = true, Name = "precise-delay", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public Task DelayAsync()
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_queue)
        {
            // The timestamp is taken under the lock so queue order and deadline order always agree.
            _queue.Enqueue((MonotonicClock.NowNs() + _delayNs, completion));
            if (_queue.Count == 1) Monitor.Pulse(_queue);
        }
        return completion.Task;
    }

    private void Run()
    {
        var due = new List<TaskCompletionSource>();
        while (true)
        {
            long headDeadline;
            lock (_queue)
            {
                while (_queue.Count == 0 && !_stopping) Monitor.Wait(_queue);
                if (_stopping) return;
                headDeadline = _queue.Peek().DeadlineNs;
            }
            MonotonicClock.SleepUntil(headDeadline);
            lock (_queue)
            {
                var now = MonotonicClock.NowNs();
                while (_queue.Count > 0 && _queue.Peek().DeadlineNs <= now) due.Add(_queue.Dequeue().Completion);
            }
            foreach (var c in due) c.TrySetResult(); // continuations run on the thread pool, not here
            due.Clear();
        }
    }

    public void Dispose()
    {
        lock (_queue) { _stopping = true; Monitor.Pulse(_queue); }
        _thread.Join();
    }
}

/// <summary>CLOCK_MONOTONIC in nanoseconds and an absolute sleep on it (Linux); a coarse fallback elsewhere.</summary>
internal static unsafe partial class MonotonicClock
{
    private const int ClockMonotonic = 1, TimerAbsTime = 1, Eintr = 4;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Seconds; public long Nanoseconds; }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, Timespec* time);

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clockId, int flags, Timespec* request, Timespec* remain);

    public static long NowNs()
    {
        if (!OperatingSystem.IsLinux()) return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
        Timespec t;
        ClockGetTime(ClockMonotonic, &t);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    public static void SleepUntil(long deadlineNs)
    {
        if (!OperatingSystem.IsLinux())
        {
            while (NowNs() < deadlineNs) Thread.Sleep(TimeSpan.FromTicks(Math.Max(1, (deadlineNs - NowNs()) / 100)));
            return;
        }
        var request = new Timespec { Seconds = deadlineNs / 1_000_000_000, Nanoseconds = deadlineNs % 1_000_000_000 };
        // clock_nanosleep returns the error number directly; EINTR (a signal) just means sleep again.
        while (ClockNanosleep(ClockMonotonic, TimerAbsTime, &request, null) == Eintr) { }
    }
}
