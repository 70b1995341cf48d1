using System.Diagnostics;
using System.Text;

namespace PerfLint.Testing;

/// <summary>The exit code and the interleaved standard output and error of one child process.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut)
{
    public string Tail(int chars = 6000) => Output.Length <= chars ? Output : Output[^chars..];
}

/// <summary>
/// Runs a real child process with a hard timeout (a hung child fails its test, not the run). `dotnet` runs without
/// MSBuild node reuse (no build servers outliving the test) and with plain console output (what assertions read).
/// Linked into every test project.
/// </summary>
internal static class ProcessRunner
{
    public static ProcessResult Run(string file, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (Path.GetFileName(file) == "dotnet" || arguments.FirstOrDefault() == "dotnet")
        {
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        var watch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = timeout ?? TimeSpan.FromMinutes(10);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output) output.AppendLine($"[timed out after {limit.TotalSeconds:0} s]");
            return new ProcessResult(-1, output.ToString(), watch.Elapsed, TimedOut: true);
        }

        process.WaitForExit();
        lock (output) return new ProcessResult(process.ExitCode, output.ToString(), watch.Elapsed, TimedOut: false);
    }

    /// <summary>Runs the .NET SDK: `dotnet <paramref name="arguments"/>`.</summary>
    public static ProcessResult Dotnet(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        Run("dotnet", arguments, workingDirectory, environment, timeout);

    /// <summary>`dotnet build` of a scratch project, serialized with the other builds on the machine by a lock file where flock exists.</summary>
    public static ProcessResult DotnetBuild(string projectDirectory, IReadOnlyDictionary<string, string>? environment, params string[] extra)
    {
        var args = new List<string> { "build", "-nologo", "-v", "m", "-nodeReuse:false" };
        args.AddRange(extra);
        return File.Exists("/usr/bin/flock")
            ? Run("/usr/bin/flock", new[] { "-w", "900", "/tmp/perflint-build.lock", "dotnet" }.Concat(args), projectDirectory, environment)
            : Run("dotnet", args, projectDirectory, environment);
    }
}
