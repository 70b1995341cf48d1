using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using PerfLint.Bench.Cli;
using PerfLint.Check;
using PerfLint.Check.Config;
using PerfLint.Prices;
using PerfLint.Prices.Refresh;

// Entry point of the `perflint` executable: one root command made of each verb's definition. The library parses,
// writes the help and --version, and cancels the verb's token on Ctrl+C and SIGTERM.
namespace PerfLint.Runner;

public static class Program
{
    public const int ExitUsage = 2;

    // After Ctrl+C or SIGTERM the library waits this long for the verb before it gives up on it (exit 130/143):
    // `bench` removes its containers meanwhile. The MSBuild task waits as long before it kills the runner.
    private static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(30);

    public static Task<int> Main(string[] args) => RunAsync(CreateRoot(), args, Console.Out, Console.Error, CancellationGrace);

    /// <summary>The `perflint` command tree; <paramref name="refresh"/> is what `prices refresh` asks the Price List API with.</summary>
    public static RootCommand CreateRoot(RefreshSettings? refresh = null)
    {
        var root = new RootCommand("Performance-efficiency checks and benchmark gating for AWS CDK apps.") { HelpName = "perflint" };
        root.Subcommands.Add(CheckCommandDefinition.Create());
        root.Subcommands.Add(PerfLint.Check.Sarif.SarifCommandDefinition.Create());
        root.Subcommands.Add(BenchCommandDefinition.Create());
        root.Subcommands.Add(PerfLint.Bench.Recommend.RecommendCommandDefinition.Create());
        root.Subcommands.Add(PricesCommandDefinition.Create(refresh));
        // `knowledge` reports the price file the check would use, read by the check's own .editorconfig loader.
        root.Subcommands.Add(KnowledgeCommandDefinition.Create(project => EditorConfigLoader.Load(project, null).PricesFile));
        // Help wraps at the terminal's width; redirected (a file, a pipe, the README's copy), or on a terminal that
        // reports no width, at 120 columns.
        root.Options.OfType<HelpOption>().Single().Action = new HelpAction { MaxWidth = Console.IsOutputRedirected || Console.WindowWidth <= 0 ? 120 : Console.WindowWidth };
        // The library would take a mistyped option (`--fial-on`) for a path argument; no path here starts with a dash.
        foreach (var argument in Commands(root).SelectMany(c => c.Arguments))
        {
            argument.Validators.Add(r =>
            {
                foreach (var token in r.Tokens.Where(t => t.Value.StartsWith('-')))
                {
                    r.AddError($"Unrecognized command or argument '{token.Value}'.");
                }
            });
        }

        return root;
    }

    /// <summary>
    /// Runs one command line: exit 2 with the errors and the command's help on stderr when it does not parse, else the
    /// verb's exit code. <paramref name="cancellationGrace"/>: handle Ctrl+C and SIGTERM (the executable); null: only
    /// <paramref name="ct"/> cancels.
    /// </summary>
    public static async Task<int> RunAsync(RootCommand root, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr,
        TimeSpan? cancellationGrace = null, CancellationToken ct = default)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var path = CommandPath(parse.CommandResult);
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"{string.Join(' ', path.Prepend(root.HelpName))}: {error.Message}");
            }

            stderr.WriteLine();
            root.Parse(path.Append("--help").ToArray()).Invoke(new InvocationConfiguration { Output = stderr });
            return ExitUsage;
        }

        // No default exception handler: it would print a crash and exit 1, the code for findings.
        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = cancellationGrace,
        };
        return await parse.InvokeAsync(invocation, ct);
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);

    private static IEnumerable<string> CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent ? CommandPath(parent).Append(result.Command.Name) : Enumerable.Empty<string>();
}
