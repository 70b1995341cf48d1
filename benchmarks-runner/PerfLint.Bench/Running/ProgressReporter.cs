using System.Diagnostics;
using PerfLint.Bench.Load;
using Spectre.Console;

namespace PerfLint.Bench.Running;

/// <summary>
/// A bench run's progress. Plain lines whenever they may be read by a program (output redirected, CI, a writer other
/// than the console: the tests and the MSBuild task read these lines); on a terminal, a load step also shows a live
/// Spectre.Console progress bar that is cleared when the step ends.
/// </summary>
/// <param name="prefix">Starts every line: "[host] " when several hosts run at once, else empty.</param>
public sealed class ProgressReporter(TextWriter output, bool live, string prefix = "")
{
    /// <summary>Live only for the real console, on a terminal, outside CI.</summary>
    public static bool ShouldBeLive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public void Line(string text)
    {
        output.WriteLine(prefix + text);
        output.Flush();
    }

    /// <summary>Shows a running step until the returned handle is disposed; no <see cref="Line"/> comes in between.</summary>
    public IDisposable Step(string label, LiveCounters counters, double plannedSeconds)
    {
        if (!live)
        {
            Line($"  {label}: running {plannedSeconds:0.#} s ...");
            return new OnDispose(() => { });
        }
        var stop = new CancellationTokenSource();
        var display = AnsiConsole.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                string Describe() => Markup.Escape($"  {label} [{counters.Phase}]  ok {counters.Successes}  errors {counters.Errors}");
                var task = context.AddTask(Describe(), maxValue: plannedSeconds);
                var watch = Stopwatch.StartNew();
                while (!stop.IsCancellationRequested)
                {
                    await Task.WhenAny(Task.Delay(250, stop.Token));
                    task.Value = Math.Min(watch.Elapsed.TotalSeconds, plannedSeconds);
                    task.Description = Describe();
                }
            });
        return new OnDispose(() =>
        {
            stop.Cancel();
            display.GetAwaiter().GetResult();
            stop.Dispose();
        });
    }

    private sealed class OnDispose(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
