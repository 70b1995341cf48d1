using System.CommandLine;
using System.CommandLine.Parsing;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check;

/// <summary>The `perflint check` command: its arguments and options (the help is generated from them) and its action.</summary>
public static class CheckCommandDefinition
{
    public static Command Create()
    {
        var input = new Argument<string>("cloud-assembly")
        {
            Description = "the synthesized cloud assembly directory (cdk.out) or one template.json",
        };
        var format = new Option<ReportFormat>("--format", "-f")
        {
            Description = "the report format",
            HelpName = "text|sarif|json",
            DefaultValueFactory = _ => ReportFormat.Text,
            CustomParser = r => r.Tokens[0].Value.ToLowerInvariant() switch
            {
                "text" => ReportFormat.Text,
                "sarif" => ReportFormat.Sarif,
                "json" => ReportFormat.Json,
                var other => Reject<ReportFormat>(r, $"unknown format '{other}' (text, sarif, json)"),
            },
        };
        var output = new Option<string?>("--output", "-o") { Description = "write the report to this file (default: stdout)", HelpName = "FILE" };
        var project = new Option<string?>("--project")
        {
            Description = "C# sources for line mapping (default: nearest directory with a *.csproj at or above the input)",
            HelpName = "DIR",
        };
        var editorConfig = new Option<string?>("--editorconfig")
        {
            Description = "read options and severities from this file (default: the project's .editorconfig chain)",
            HelpName = "FILE",
        };
        var prices = new Option<string?>("--prices")
        {
            Description = "quote prices from this user price file (default: perflint.prices.json beside the project, or .editorconfig perflint_prices_file)",
            HelpName = "FILE",
        };
        var excludeReported = new Option<string?>("--exclude-reported")
        {
            Description = "drop findings the Roslyn analyzers already reported (compiler SARIF 2.1 error log)",
            HelpName = "SARIF",
        };
        var failOn = new Option<RuleSeverity?>("--fail-on")
        {
            Description = "exit 1 when a finding has at least this severity",
            HelpName = "error|warning|info|never",
            DefaultValueFactory = _ => RuleSeverity.Error,
            CustomParser = r => r.Tokens[0].Value.ToLowerInvariant() switch
            {
                "error" => RuleSeverity.Error,
                "warning" => RuleSeverity.Warning,
                "info" => RuleSeverity.Info,
                "never" => null,
                var other => Reject<RuleSeverity?>(r, $"unknown --fail-on '{other}' (error, warning, info, never)"),
            },
        };
        var command = new Command("check",
            "Run the whole-app rules over a synthesized CDK app and report at its C# lines. " +
            "Exit codes: 0 no finding at the --fail-on severity, 1 at least one, 2 bad input or usage.")
        {
            input, format, output, project, editorConfig, prices, excludeReported, failOn,
        };
        command.SetAction(parse => CheckCommand.Run(
            new CheckArguments(parse.GetRequiredValue(input))
            {
                Format = parse.GetValue(format),
                Output = parse.GetValue(output),
                Project = parse.GetValue(project),
                EditorConfig = parse.GetValue(editorConfig),
                Prices = parse.GetValue(prices),
                ExcludeReported = parse.GetValue(excludeReported),
                FailOn = parse.GetValue(failOn),
            },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static T Reject<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
