using System.Text.Json;
using PerfLint.Check.Tests.Infrastructure;
using PerfLint.Tasks;

namespace PerfLint.Check.Tests;

/// <summary>
/// The context PerfLint's synth hands a CDK app, as the CDK CLI builds it (aws-cdk settings.ts Configuration.load and
/// exec.ts): command line over cdk.json's context over cdk.context.json over ~/.cdk.json's context, objects merged key
/// by key, then the CLI's own keys.
/// </summary>
[TestFixture]
public sealed class CdkCliSettingsTests
{
    [Test]
    public void ContextSourcesAreLayeredAsTheCliLayersThem()
    {
        var root = Paths.NewScratchDirectory("cli-context");
        var home = Paths.NewScratchDirectory("cli-home");
        var project = Directory.CreateDirectory(Path.Combine(root, "src", "App")).FullName;
        File.WriteAllText(Path.Combine(root, "cdk.json"), """
            { "app": "dotnet run --project src/App/App.csproj", "versionReporting": false,
              "context": { "stage": "prod", "sizes": { "web": "m5.large" } } }
            """);
        File.WriteAllText(Path.Combine(root, "cdk.context.json"), """{ "stage": "dev", "sizes": { "db": "r5.large", "web": "t3.small" }, "cached": 1 }""");
        File.WriteAllText(Path.Combine(home, ".cdk.json"), """{ "context": { "cached": 2, "mine": true } }""");

        var notes = new List<string>();
        var settings = CdkCliSettings.For(project, Path.Combine(project, "App.csproj"), new[] { "stage=test", "not-an-assignment" }, home, notes.Add);

        Assert.That(settings.WorkingDirectory, Is.EqualTo(root));
        Assert.That(notes, Is.Empty);
        var context = JsonDocument.Parse(settings.ContextJson).RootElement;
        Assert.That(context.GetProperty("stage").GetString(), Is.EqualTo("test"));
        Assert.That(context.GetProperty("sizes").GetProperty("web").GetString(), Is.EqualTo("m5.large"));
        Assert.That(context.GetProperty("sizes").GetProperty("db").GetString(), Is.EqualTo("r5.large"));
        Assert.That(context.GetProperty("cached").GetInt32(), Is.EqualTo(1));
        Assert.That(context.GetProperty("mine").GetBoolean(), Is.True);
        Assert.That(context.TryGetProperty("not-an-assignment", out _), Is.False);
        Assert.That(context.GetProperty("aws:cdk:enable-path-metadata").GetBoolean(), Is.True);
        Assert.That(context.GetProperty("aws:cdk:enable-asset-metadata").GetBoolean(), Is.True);
        Assert.That(context.GetProperty("aws:cdk:disable-version-reporting").GetBoolean(), Is.True, "cdk.json turns version reporting off");
        Assert.That(context.TryGetProperty("aws:cdk:version-reporting", out _), Is.False);
        Assert.That(context.GetProperty("aws:cdk:bundling-stacks").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "**" }));
    }

    [Test]
    public void ACdkJsonOfAnotherAppAboveTheProjectIsNotUsed()
    {
        var root = Paths.NewScratchDirectory("cli-other");
        var project = Directory.CreateDirectory(Path.Combine(root, "tools", "Infra")).FullName;
        File.WriteAllText(Path.Combine(root, "cdk.json"), """{ "app": "npx ts-node bin/app.ts", "context": { "stage": "prod" } }""");

        var notes = new List<string>();
        var settings = CdkCliSettings.For(project, Path.Combine(project, "Infra.csproj"), Array.Empty<string>(), null, notes.Add);

        Assert.That(settings.WorkingDirectory, Is.EqualTo(project));
        Assert.That(settings.CdkJson, Is.Null);
        Assert.That(JsonDocument.Parse(settings.ContextJson).RootElement.TryGetProperty("stage", out _), Is.False);
        Assert.That(notes, Is.EqualTo(new[] { $"PerfLint: {Path.Combine(root, "cdk.json")} runs another app ('npx ts-node bin/app.ts'); synthesizing Infra.csproj in its own directory without that file's context" }));
    }
}
