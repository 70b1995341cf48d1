namespace PerfLint.Prices.Tests;

/// <summary>Runs a verb through the `perflint` entry point's dispatch, capturing its output.</summary>
internal sealed record CommandRun(int ExitCode, string Stdout, string Stderr)
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static async Task<CommandRun> RunAsync(params string[] args)
    {
        await ConsoleLock.WaitAsync();
        var (stdout, stderr) = (Console.Out, Console.Error);
        try
        {
            var (o, e) = (new StringWriter(), new StringWriter());
            Console.SetOut(o);
            Console.SetError(e);
            var code = await PerfLint.Runner.Program.Main(args);
            return new CommandRun(code, o.ToString().Replace("\r\n", "\n"), e.ToString().Replace("\r\n", "\n"));
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            ConsoleLock.Release();
        }
    }
}
