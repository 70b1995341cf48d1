using PerfLint.Testing;
using System.Text.RegularExpressions;
using PerfLint.Integration.Tests.Infrastructure;

namespace PerfLint.Integration.Tests;

/// <summary>
/// `dotnet build samples/CdkApp -p:PerfLintSynth=true`: the sample's wiring of the MSBuild tasks and the `perflint`
/// runner works: the app is synthesized and `perflint check` findings come back at C# lines of the sample. The analyzers
/// are off for this build: with them, every template finding of the sample is one they reported already, and the check
/// reports each finding once.
/// </summary>
[TestFixture]
public sealed partial class SampleSynthTests
{
    [GeneratedRegex(@"Stacks/\w+\.cs\(\d+,\d+\): PerfLint warning (?<id>PL\d{4}):")]
    private static partial Regex CheckFinding();

    [Test]
    [CancelAfter(300_000)]
    public void Synth_build_reports_template_findings_at_sample_lines()
    {
        using var output = new TempDirectory("perflint-sample-synth");
        // jsii unpacks its files into TMPDIR on every synth: give it one that is deleted with the folder.
        var jsiiTemp = Directory.CreateDirectory(output.Combine("tmp")).FullName;
        var build = ProcessRunner.Dotnet(Repository.Root, TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["TMPDIR"] = jsiiTemp },
            "build", Path.Combine(Repository.SampleDirectory, "CdkApp.csproj"), "-c", Repository.Configuration, "-nologo",
            "-p:PerfLintSampleOutput=" + output.Path, "-p:PerfLintSynth=true", "-p:RunAnalyzers=false");

        Assert.That(build.ExitCode, Is.Zero, build.Tail());
        var rules = CheckFinding().Matches(build.Output).Select(m => m.Groups["id"].Value).Distinct().ToList();
        Assert.That(rules, Is.Not.Empty, "no `perflint check` finding in the build output:\n" + build.Tail());
        Assert.That(Directory.Exists(output.Combine("obj", Repository.Configuration, "net10.0", "cdk.out")), Is.True, "the cloud assembly was not written under obj/");
    }
}
