using System.Diagnostics;
using System.Text;

namespace PerfLint.Integration.Tests.Infrastructure;

/// <summary>The result of one `dotnet` child process.</summary>
internal sealed record CliResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    public string Tail(int chars = 6000) => Output.Length <= chars ? Output : Output[^chars..];
}

/// <summary>
/// Runs the real .NET SDK as a child process. No MSBuild node reuse (no build servers outliving the test) and a
/// hard timeout, so a hung build fails the test instead of the run.
/// </summary>
internal static class DotnetCli
{
    public static CliResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Run(workingDirectory, timeout, null, arguments);

    public static CliResult Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
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

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The terminal logger rewrites lines; plain text is what the assertions read.
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        if (environment != null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        var watch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output) output.AppendLine($"[timed out after {timeout.TotalSeconds:0} s]");
            return new CliResult(-1, output.ToString(), watch.Elapsed);
        }

        process.WaitForExit();
        lock (output) return new CliResult(process.ExitCode, output.ToString(), watch.Elapsed);
    }
}
