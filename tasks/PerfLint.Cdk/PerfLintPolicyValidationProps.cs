namespace PerfLint.Cdk;

/// <summary>Settings of <see cref="PerfLintPolicyValidation"/>; every one is optional.</summary>
public sealed class PerfLintPolicyValidationProps
{
    /// <summary>
    /// The lowest severity that fails synthesis: <c>error</c>, <c>warning</c> (the default) or <c>info</c>. Findings
    /// below it are not reported to the CDK.
    /// </summary>
    public string? FailOn { get; set; }

    /// <summary>
    /// The runner to use: a <c>perflint.dll</c> (run with <c>dotnet exec</c>) or an executable. Default: the
    /// <c>PERFLINT_RUNNER</c> environment variable, else the runner of the PerfLint package the app references, else
    /// <c>perflint</c> on the PATH, else the local .NET tool (<c>dotnet tool run perflint</c>).
    /// </summary>
    public string? RunnerPath { get; set; }

    /// <summary>The C# project whose lines findings map to and whose <c>.editorconfig</c> applies (default: the runner's: the nearest project at or above the cloud assembly).</summary>
    public string? Project { get; set; }
}
