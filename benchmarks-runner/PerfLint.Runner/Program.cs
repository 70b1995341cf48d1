// Entry point of the `perflint` executable. Each verb lives in its own library; this file only dispatches.
namespace PerfLint.Runner;

public static class Program
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitUsage = 2;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(Console.Out);
            return args.Length == 0 ? ExitUsage : ExitOk;
        }
        var rest = args[1..];
        switch (args[0])
        {
            case "check":
                return await PerfLint.Check.CheckCommand.RunAsync(rest, Console.Out, Console.Error);
            case "bench":
                return await PerfLint.Bench.BenchCommand.RunAsync(rest, Console.Out, Console.Error);
            case "prices":
                return await PerfLint.Prices.PricesCommand.RunAsync(rest, Console.Out, Console.Error);
            case "knowledge":
                return await PerfLint.Prices.KnowledgeCommand.RunAsync(rest, Console.Out, Console.Error,
                    project => PerfLint.Check.Config.EditorConfigLoader.Load(project, null).PricesFile);
            case "--version":
                Console.Out.WriteLine(typeof(Program).Assembly.GetName().Version);
                return ExitOk;
            default:
                Console.Error.WriteLine($"perflint: unknown verb '{args[0]}'.");
                PrintUsage(Console.Error);
                return ExitUsage;
        }
    }

    // Each verb owns its usage text; this only lists them.
    private static void PrintUsage(TextWriter w)
    {
        w.WriteLine(PerfLint.Check.CheckArguments.Usage);
        w.WriteLine();
        w.WriteLine(PerfLint.Bench.Cli.BenchOptions.Usage);
        w.WriteLine();
        w.WriteLine(PerfLint.Prices.PricesCommand.Usage);
        w.WriteLine();
        w.WriteLine(PerfLint.Prices.KnowledgeCommand.Usage);
    }
}
