using PerfLint.Knowledge.Rules;

namespace PerfLint.Check;

public enum ReportFormat
{
    Text,
    Sarif,
    Json,
    MsBuild,
}

/// <summary>The command line of `perflint check`.</summary>
public sealed class CheckArguments
{
    public const string Usage =
        "usage: perflint check <cloud-assembly-dir | template.json> [--format text|sarif|json] [--output FILE]\n" +
        "                      [--project DIR] [--editorconfig FILE] [--prices FILE] [--exclude-reported SARIF] [--fail-on error|warning|never]\n" +
        "  --project DIR          C# sources for line mapping (default: nearest directory with a *.csproj at or above the input)\n" +
        "  --editorconfig FILE    read options and severities from this file (default: the project's .editorconfig chain)\n" +
        "  --prices FILE          quote prices from this user price file (default: perflint.prices.json beside the project,\n" +
        "                         or .editorconfig perflint_prices_file)\n" +
        "  --exclude-reported F   drop findings the Roslyn analyzers already reported (compiler SARIF 2.1 error log)\n" +
        "  --fail-on LEVEL        exit 1 when a finding has at least this severity (default: error)\n" +
        "exit codes: 0 no finding at the fail-on severity, 1 at least one, 2 bad input or usage";

    public string Input { get; private set; } = string.Empty;

    public ReportFormat Format { get; private set; } = ReportFormat.Text;

    public string? Output { get; private set; }

    public string? Project { get; private set; }

    public string? EditorConfig { get; private set; }

    /// <summary>The user price file named on the command line (<c>--prices</c>), or null.</summary>
    public string? Prices { get; private set; }

    public string? ExcludeReported { get; private set; }

    /// <summary>The lowest severity that makes the exit code 1; null = never.</summary>
    public RuleSeverity? FailOn { get; private set; } = RuleSeverity.Error;

    public bool Help { get; private set; }

    /// <summary>Parses the arguments; throws <see cref="CheckInputException"/> with a usage message when they are wrong.</summary>
    public static CheckArguments Parse(string[] args)
    {
        var result = new CheckArguments();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new CheckInputException($"perflint check: {arg} needs a value\n{Usage}");
            switch (arg)
            {
                case "-h":
                case "--help":
                    result.Help = true;
                    break;
                case "--format":
                case "-f":
                    result.Format = Value().ToLowerInvariant() switch
                    {
                        "text" => ReportFormat.Text,
                        "sarif" => ReportFormat.Sarif,
                        "json" => ReportFormat.Json,
                        "msbuild" => ReportFormat.MsBuild,
                        var other => throw new CheckInputException($"perflint check: unknown format '{other}' (text, sarif, json)\n{Usage}"),
                    };
                    break;
                case "--output":
                case "-o":
                    result.Output = Value();
                    break;
                case "--project":
                    result.Project = Value();
                    break;
                case "--editorconfig":
                    result.EditorConfig = Value();
                    break;
                case "--prices":
                    result.Prices = Value();
                    break;
                case "--exclude-reported":
                    result.ExcludeReported = Value();
                    break;
                case "--fail-on":
                    result.FailOn = Value().ToLowerInvariant() switch
                    {
                        "error" => RuleSeverity.Error,
                        "warning" => RuleSeverity.Warning,
                        "info" => RuleSeverity.Info,
                        "never" => null,
                        var other => throw new CheckInputException($"perflint check: unknown --fail-on '{other}' (error, warning, info, never)\n{Usage}"),
                    };
                    break;
                default:
                    if (arg.StartsWith('-') || result.Input.Length > 0)
                    {
                        throw new CheckInputException($"perflint check: unexpected argument '{arg}'\n{Usage}");
                    }

                    result.Input = arg;
                    break;
            }
        }

        if (!result.Help && result.Input.Length == 0)
        {
            throw new CheckInputException($"perflint check: missing the cloud assembly directory or template file\n{Usage}");
        }

        return result;
    }
}
