using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// The CDK CLI (and the MSBuild task) synthesize with path and asset metadata in the templates; a plain `dotnet exec`
/// of the app writes neither. Both must give the same findings at the same construct paths.
/// </summary>
[TestFixture]
public sealed class CliMetadataTests
{
    [Test]
    public void SameFindingsWithAndWithoutTemplateMetadata()
    {
        var withMetadata = Synth.Run(Paths.WholeAppAssembly, "wholeapp-cli", new Dictionary<string, string>
        {
            ["CDK_CONTEXT_JSON"] = "{\"aws:cdk:enable-path-metadata\":true,\"aws:cdk:enable-asset-metadata\":true}",
        });
        var nested = Directory.GetFiles(withMetadata, "*.template.json").Select(File.ReadAllText).First(t => t.Contains("AWS::CloudFormation::Stack"));
        Assert.That(nested, Does.Contain("aws:asset:path").And.Contain("aws:cdk:path"), "the metadata route is exercised");

        var editorConfig = CheckRun.EditorConfig();
        var plain = CheckRun.Json(Synth.WholeAppAssembly, "--project", Paths.WholeAppSources, "--editorconfig", editorConfig);
        var cli = CheckRun.Json(withMetadata, "--project", Paths.WholeAppSources, "--editorconfig", editorConfig);
        Assert.That(cli.Summary.Split('\n').Order(), Is.EqualTo(plain.Summary.Split('\n').Order()));
        Assert.That(cli.Findings.Select(f => f.GetProperty("source").GetProperty("line").GetInt32()).Order(),
            Is.EqualTo(plain.Findings.Select(f => f.GetProperty("source").GetProperty("line").GetInt32()).Order()));
    }
}
