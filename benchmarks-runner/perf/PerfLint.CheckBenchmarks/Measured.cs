using System.Diagnostics;
using System.Globalization;

namespace PerfLint.CheckBenchmarks;

/// <summary>
/// Runs a command and measures its wall time and peak resident memory. Peak memory comes from GNU time
/// (<c>/usr/bin/time -f "%M"</c>, the kernel's maximum RSS of the child) when installed, else from polling
/// VmHWM in /proc/&lt;pid&gt;/status.
/// </summary>
public static class Measured
{
    /// <summary>Wall time, CPU time (user + system, load-independent) when GNU time is there, peak RSS.</summary>
    public sealed record Run(double Seconds, double? CpuSeconds, double PeakMiB, int ExitCode, string Stdout, string Stderr);

    private const string GnuTime = "/usr/bin/time";

    public static Run Execute(string file, IReadOnlyList<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var useGnuTime = File.Exists(GnuTime);
        var metrics = Path.GetTempFileName();
        var info = new ProcessStartInfo(useGnuTime ? GnuTime : file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (useGnuTime)
        {
            foreach (var a in new[] { "-o", metrics, "-f", "%M %U %S", file })
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peakKiB = 0;
        while (!process.WaitForExit(5))
        {
            peakKiB = Math.Max(peakKiB, PollVmHwm(process.Id));
        }

        process.WaitForExit();
        watch.Stop();
        double? cpu = null;
        var fields = useGnuTime ? File.ReadAllLines(metrics).LastOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries) : null;
        if (fields is { Length: 3 } && long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib))
        {
            peakKiB = kib;
            cpu = double.Parse(fields[1], CultureInfo.InvariantCulture) + double.Parse(fields[2], CultureInfo.InvariantCulture);
        }

        File.Delete(metrics);
        return new Run(watch.Elapsed.TotalSeconds, cpu, peakKiB / 1024.0, process.ExitCode, stdout.Result, stderr.Result);
    }

    private static long PollVmHwm(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
