using System.Diagnostics;
using System.Text;

namespace PerfLint.Check.Tests.Infrastructure;

/// <summary>Runs a real process with a bounded time and returns its exit code and output.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null, int timeoutSeconds = 600)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish in {timeoutSeconds} s:\n{output}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>`dotnet build` of a scratch project, serialized with other builds on the machine (HELPERS.md).</summary>
    public static Result DotnetBuild(string projectDirectory, IDictionary<string, string>? environment, params string[] extra)
    {
        var args = new List<string> { "-w", "900", "/tmp/perflint-build.lock", "dotnet", "build", "-nologo", "-v", "m", "-nodeReuse:false" };
        args.AddRange(extra);
        return File.Exists("/usr/bin/flock")
            ? Run("/usr/bin/flock", args, projectDirectory, environment)
            : Run("dotnet", args.Skip(3), projectDirectory, environment);
    }
}
