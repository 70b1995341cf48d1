using System.Text.Json.Nodes;
using PerfLint.Check.Tests.Infrastructure;
using PerfLint.Testing;

namespace PerfLint.Check.Tests;

/// <summary>
/// PerfLint synthesizes as the CDK CLI does: the corpus app (stacks in nested folders, a Stage, a nested stack, helpers,
/// a cdk.json feature flag) built with `-p:PerfLintSynth=true`, and the same app synthesized by the real CDK CLI of the
/// library's version (`npx aws-cdk@2.160.0 synth`), give the same templates and manifests, value for value.
/// </summary>
[TestFixture]
public sealed class CdkCliParityTests
{
    // The CLI release that matches Amazon.CDK.Lib 2.160.0 (the cloud assembly schema both speak).
    private const string Cli = "aws-cdk@2.160.0";

    [Test]
    public void TheTemplatesEqualThoseOfCdkSynth()
    {
        if (!File.Exists("/usr/bin/npx") && !File.Exists("/usr/local/bin/npx"))
        {
            Assert.Ignore("npx (npm) is not installed: .ci/install-prerequisites.sh installs it");
        }

        var project = Paths.NewScratchDirectory("cdk-cli-parity");
        SynthProject.CopyCorpusApp("Layouts", project);
        SynthProject.WriteProject(project, "LayoutsApp");
        File.WriteAllText(Path.Combine(project, "cdk.json"), """{ "app": "dotnet run", "context": { "@aws-cdk/aws-ec2:ebsDefaultGp3Volume": true } }""");

        var build = ProcessRunner.DotnetBuild(project, null, "-p:PerfLintSynth=true");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var cliOut = Path.Combine(project, "cli.out");
        // No AWS account here: the CLI must not wait for the instance metadata service to find one.
        var cli = ProcessRunner.Run("npx", new[] { "--yes", Cli, "synth", "--quiet", "--output", cliOut }, project,
            new Dictionary<string, string> { ["AWS_EC2_METADATA_DISABLED"] = "true" }, TimeSpan.FromMinutes(10));
        Assert.That(cli.ExitCode, Is.Zero, cli.Tail());

        var perflintOut = Path.Combine(project, "obj", "Debug", "net10.0", "cdk.out");
        var files = Directory.EnumerateFiles(cliOut, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(cliOut, f))
            .Where(f => f.EndsWith(".template.json", StringComparison.Ordinal) || Path.GetFileName(f) == "manifest.json")
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.That(files, Has.Count.EqualTo(5), "two manifests (app, Stage) and three templates (Data, Prod/Ml, its nested stack): " + string.Join(", ", files));
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(cliOut, file)));
                var actual = JsonNode.Parse(File.ReadAllText(Path.Combine(perflintOut, file)));
                Assert.That(JsonNode.DeepEquals(actual, expected), Is.True, file);
            }
        });
    }
}
