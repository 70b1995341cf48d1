using System.CommandLine;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Prices;

/// <summary>The `perflint knowledge` command: its options (the help is generated from them) and its action.</summary>
public static class KnowledgeCommandDefinition
{
    /// <param name="pricesFileSetting">
    /// The <c>perflint_prices_file</c> setting of a project directory's <c>.editorconfig</c>, read by the same loader as
    /// <c>perflint check</c> (the runner passes it: this library does not reference the check).
    /// </param>
    public static Command Create(Func<string, string?> pricesFileSetting)
    {
        var project = new Option<string?>("--project")
        {
            Description = $"report the user price file in force for this project ({PriceFile.DefaultFileName} beside it, or .editorconfig {PriceFile.EditorConfigKey})",
            HelpName = "DIR",
        };
        var prices = new Option<string?>("--prices") { Description = "report this user price file instead", HelpName = "FILE" };
        var command = new Command("knowledge",
            "Show what the knowledge base holds (catalog dates, sources, counts per service, prices, models, data files) " +
            "and which user price file is in force.")
        {
            project, prices,
        };
        command.SetAction(parse => KnowledgeCommand.Run(parse.GetValue(project), parse.GetValue(prices), pricesFileSetting,
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }
}
