using PerfLint.Prices.Refresh;

namespace PerfLint.Prices.Tests;

/// <summary>Runs a command line through the `perflint` entry point's parsing and dispatch, capturing its output.</summary>
internal sealed record CommandRun(int ExitCode, string Stdout, string Stderr)
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static Task<CommandRun> RunAsync(params string[] args) => RunAsync(RefreshSettings.Default, args);

    /// <summary>`prices refresh` asks the Price List API with <paramref name="refresh"/>.</summary>
    public static async Task<CommandRun> RunAsync(RefreshSettings refresh, params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await PerfLint.Runner.Program.RunAsync(PerfLint.Runner.Program.CreateRoot(refresh), args, o, e);
        return new CommandRun(code, o.ToString().Replace("\r\n", "\n"), e.ToString().Replace("\r\n", "\n"));
    }
}
