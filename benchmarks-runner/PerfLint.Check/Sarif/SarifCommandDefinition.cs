using System.CommandLine;
using System.Text.Json;

namespace PerfLint.Check.Sarif;

/// <summary>The `perflint sarif` command and its subcommand `merge` (<see cref="SarifMerge"/>): arguments, options and action.</summary>
public static class SarifCommandDefinition
{
    public static Command Create() => new("sarif", "Prepare SARIF logs for code scanning.")
    {
        Merge(),
    };

    private static Command Merge()
    {
        var inputs = new Argument<string[]>("logs")
        {
            Description = "the compiler's SARIF 2.1 logs (-p:ErrorLog=file.sarif%2Cversion=2.1) and perflint check --format sarif logs",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o") { Description = "the merged SARIF file", HelpName = "FILE", Required = true };
        var category = new Option<string>("--category")
        {
            Description = "code scanning's category (runs' automationDetails.id)",
            HelpName = "ID",
            DefaultValueFactory = _ => Output.SarifReportWriter.DefaultCategory,
        };
        var srcRoot = new Option<string?>("--srcroot")
        {
            Description = "the directory URIs are made relative to (%SRCROOT%) (default: the nearest directory with .git at or above the current one)",
            HelpName = "DIR",
        };
        var command = new Command("merge",
            "Fold SARIF logs into one file for code scanning: one run per tool, each finding once (by its finding key), URIs " +
            "relative to the source root, line-hash fingerprints, at most 25,000 results per run. Exit codes: 0 written, 2 bad input or usage.")
        {
            inputs, output, category, srcRoot,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(inputs), parse.GetRequiredValue(output), parse.GetRequiredValue(category), parse.GetValue(srcRoot),
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(IReadOnlyList<string> inputs, string output, string category, string? srcRoot, TextWriter stderr)
    {
        try
        {
            var root = SourceRoot.Find(srcRoot, Directory.GetCurrentDirectory());
            var outcome = SarifMerge.Merge(inputs, root, category);
            using (var stream = File.Create(output))
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                outcome.Log.WriteTo(writer);
            }

            foreach (var note in outcome.Notes)
            {
                stderr.WriteLine("perflint sarif merge: " + note);
            }

            return CheckCommand.ExitOk;
        }
        catch (Exception e) when (e is CheckInputException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("perflint sarif merge: " + e.Message);
            return CheckCommand.ExitBadInput;
        }
    }
}
