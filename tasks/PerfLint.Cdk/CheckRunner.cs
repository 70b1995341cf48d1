using System.Diagnostics;

namespace PerfLint.Cdk;

/// <summary>Finds the <c>perflint</c> runner and runs <c>perflint check --format json</c> on a cloud assembly.</summary>
internal static class CheckRunner
{
    /// <summary>The name under which the PerfLint package's build puts its runner in the app's runtimeconfig.json.</summary>
    public const string RuntimeConfigKey = "PerfLint.RunnerPath";

    public sealed record Report(IReadOnlyList<CheckFinding> Findings);

    public static Report Run(PerfLintPolicyValidationProps props, string cloudAssembly)
    {
        var arguments = new List<string> { "check", cloudAssembly, "--format", "json", "--fail-on", "never" };
        if (props.Project != null)
        {
            arguments.AddRange(new[] { "--project", Path.GetFullPath(props.Project) });
        }

        var (file, prefix) = Locate(props.RunnerPath);
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"perflint check exited with {process.ExitCode}: {stderr.Result.Trim()}");
        }

        return new Report(CheckFinding.Read(stdout, Environment.CurrentDirectory));
    }

    /// <summary>The program to start and the arguments before <c>check</c>.</summary>
    private static (string File, string[] Prefix) Locate(string? configured)
    {
        var explicitPath = configured
            ?? Environment.GetEnvironmentVariable("PERFLINT_RUNNER")
            ?? AppContext.GetData(RuntimeConfigKey) as string;
        if (explicitPath != null)
        {
            if (!File.Exists(explicitPath))
            {
                throw new FileNotFoundException($"the PerfLint runner '{explicitPath}' does not exist", explicitPath);
            }

            return explicitPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? ("dotnet", new[] { "exec", explicitPath })
                : (explicitPath, Array.Empty<string>());
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "perflint.exe" : "perflint"))
            .FirstOrDefault(File.Exists);
        // Last, a local tool (dotnet tool install PerfLint.Tool in a tool manifest): `dotnet tool run` says when there is none.
        return onPath != null ? (onPath, Array.Empty<string>()) : ("dotnet", new[] { "tool", "run", "perflint", "--" });
    }
}
