using System.Reflection;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace PerfLint.Cdk;

/// <summary>
/// A CDK policy-validation plugin that runs <c>perflint check</c> over the app's templates after synthesis:
/// <code>new App(new AppProps { PolicyValidationBeta1 = new IPolicyValidationPluginBeta1[] { new PerfLintPolicyValidation() } })</code>
/// The CDK hands it the templates of every stack, those inside Stages (and so pipelines) included. A finding at or
/// above <see cref="PerfLintPolicyValidationProps.FailOn"/> is a violation and fails the report.
/// </summary>
public sealed class PerfLintPolicyValidation : DeputyBase, IPolicyValidationPluginBeta1
{
    private readonly PerfLintPolicyValidationProps _props;
    private readonly string _failOn;

    /// <summary>A plugin with the given settings (defaults: fail on warnings, the runner found as <see cref="PerfLintPolicyValidationProps.RunnerPath"/> says).</summary>
    /// <exception cref="ArgumentException"><see cref="PerfLintPolicyValidationProps.FailOn"/> is not a severity.</exception>
    public PerfLintPolicyValidation(PerfLintPolicyValidationProps? props = null)
    {
        _props = props ?? new PerfLintPolicyValidationProps();
        _failOn = Severity.Normalize(_props.FailOn)
            ?? throw new ArgumentException($"FailOn: '{_props.FailOn}' is not error, warning or info", nameof(props));
    }

    /// <summary>The name the CDK's validation report shows.</summary>
    public string Name => "PerfLint";

    /// <summary>This package's version.</summary>
    public string? Version { get; } =
        typeof(PerfLintPolicyValidation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>Not declared: the rules are those of the runner that checks (PL1001 and the others in its docs/rules).</summary>
    public string[]? RuleIds => null;

    /// <summary>Runs <c>perflint check</c> on the cloud assembly that holds the templates and reports its findings at or above the threshold.</summary>
    public IPolicyValidationPluginReportBeta1 Validate(IPolicyValidationContextBeta1 context)
    {
        var templates = context.TemplatePaths.Select(Path.GetFullPath).ToList();
        var assembly = CloudAssemblyOf(templates);
        var report = CheckRunner.Run(_props, assembly);
        var violations = report.Findings
            .Where(f => templates.Contains(f.TemplateFile) && Severity.AtLeast(f.Severity, _failOn))
            .Select(f => f.ToViolation())
            .ToArray();
        if (violations.Length > 0)
        {
            // The CDK marks a failed validation only with the exit code of its JavaScript process, which the .NET
            // app's own exit code does not carry (aws/aws-cdk#26844): without this, `cdk synth` of a C# app exits 0.
            System.Environment.ExitCode = 1;
        }

        return new PolicyValidationPluginReportBeta1
        {
            Success = violations.Length == 0,
            Violations = violations,
            PluginVersion = Version,
        };
    }

    /// <summary>The cloud assembly that holds the templates: the nearest directory with a manifest.json above all of them.</summary>
    private static string CloudAssemblyOf(IReadOnlyList<string> templates)
    {
        if (templates.Count == 0)
        {
            throw new InvalidOperationException("the CDK passed no template to validate");
        }

        var common = Path.GetDirectoryName(templates[0])!;
        while (!templates.All(t => t.StartsWith(common + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            common = Path.GetDirectoryName(common) ?? throw new InvalidOperationException("the templates share no directory");
        }

        for (var dir = common; dir != null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "manifest.json")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"no cloud assembly (manifest.json) at or above {common}");
    }
}
