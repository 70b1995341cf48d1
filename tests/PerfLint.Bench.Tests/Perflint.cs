namespace PerfLint.Bench.Tests;

/// <summary>Runs a command line in process through the `perflint` entry point's parsing and dispatch.</summary>
internal static class Perflint
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        Runner.Program.RunAsync(Runner.Program.CreateRoot(), args, stdout, stderr, ct: ct);

    public static async Task<Run> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await RunAsync(args, stdout, stderr, CancellationToken.None);
        return new Run(code, stdout.ToString(), stderr.ToString());
    }
}
