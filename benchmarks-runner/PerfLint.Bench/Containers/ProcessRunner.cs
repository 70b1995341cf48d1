using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace PerfLint.Bench.Containers;

public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public bool Ok => ExitCode == 0 && !TimedOut;
    public string Describe() => TimedOut ? "timed out" : $"exit {ExitCode}: {FirstLines(Stderr.Length > 0 ? Stderr : Stdout)}";

    private static string FirstLines(string s)
    {
        var text = s.Trim();
        return text.Length > 600 ? text[..600] + "..." : text;
    }
}

/// <summary>Runs a CLI (the container engine, nvidia-smi) with an argument list, a timeout and cancellation, through CliWrap.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout,
        CancellationToken ct = default, IReadOnlyDictionary<string, string>? env = null)
    {
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        try
        {
            // Cancellation (ours or the timeout) kills the process tree; stdin is empty and closed.
            var result = await CliWrap.Cli.Wrap(file).WithArguments(args)
                .WithEnvironmentVariables(e => { foreach (var (k, v) in env ?? new Dictionary<string, string>()) e.Set(k, v); })
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeoutCts.Token).ConfigureAwait(false);
            return new ProcessResult(result.ExitCode, result.StandardOutput, result.StandardError, false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ProcessResult(-1, "", "", true);
        }
        catch (Exception ex) when (ex is Win32Exception || ex.InnerException is Win32Exception)
        {
            return new ProcessResult(127, "", $"cannot start {file}: {(ex.InnerException ?? ex).Message}", false);
        }
    }

    /// <summary>Full path of an executable found on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        if (Path.IsPathRooted(name)) return File.Exists(name) ? name : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe")) return candidate + ".exe";
        }
        return null;
    }
}
