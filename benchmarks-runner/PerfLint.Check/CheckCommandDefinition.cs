using System.CommandLine;
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
        var format = Choice("--format", "format", "the report format", Formats, "text");
        format.Aliases.Add("-f");
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
        var srcRoot = new Option<string?>("--srcroot")
        {
            Description = "make SARIF and markdown paths relative to this directory (default: the nearest directory with .git at or above the project)",
            HelpName = "DIR",
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "an earlier SARIF log: findings whose finding key it holds are not new (markdown lists the new first)",
            HelpName = "SARIF",
        };
        var failOn = Choice("--fail-on", "--fail-on", "exit 1 when a finding has at least this severity", FailOnLevels, "error");
        var command = new Command("check",
            "Run the whole-app rules over a synthesized CDK app and report at its C# lines. " +
            "Exit codes: 0 no finding at the --fail-on severity, 1 at least one, 2 bad input or usage.")
        {
            input, format, output, project, editorConfig, prices, excludeReported, srcRoot, baseline, failOn,
        };
        command.SetAction(parse => CheckCommand.Run(
            new CheckArguments(parse.GetRequiredValue(input))
            {
                Format = Formats[parse.GetRequiredValue(format)],
                Output = parse.GetValue(output),
                Project = parse.GetValue(project),
                EditorConfig = parse.GetValue(editorConfig),
                Prices = parse.GetValue(prices),
                ExcludeReported = parse.GetValue(excludeReported),
                SrcRoot = parse.GetValue(srcRoot),
                Baseline = parse.GetValue(baseline),
                FailOn = FailOnLevels[parse.GetRequiredValue(failOn)],
            },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static readonly Dictionary<string, ReportFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = ReportFormat.Text,
        ["sarif"] = ReportFormat.Sarif,
        ["json"] = ReportFormat.Json,
        ["msbuild"] = ReportFormat.MsBuild,
        ["markdown"] = ReportFormat.Markdown,
    };

    private static readonly Dictionary<string, RuleSeverity?> FailOnLevels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["error"] = RuleSeverity.Error,
        ["warning"] = RuleSeverity.Warning,
        ["info"] = RuleSeverity.Info,
        ["never"] = null,
    };

    /// <summary>An option whose value is one of <paramref name="choices"/>' keys, in any case; <paramref name="noun"/> names it in the error.</summary>
    private static Option<string> Choice<T>(string name, string noun, string description, Dictionary<string, T> choices, string defaultValue)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', choices.Keys),
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } value && !choices.ContainsKey(value))
            {
                r.AddError($"unknown {noun} '{value}' ({string.Join(", ", choices.Keys)})");
            }
        });
        return option;
    }
}
