using System.Text.RegularExpressions;
using PerfLint.Check.Tests.Infrastructure;
using PerfLint.Testing;

namespace PerfLint.Check.Tests;

/// <summary>
/// `dotnet build -p:PerfLintSynth=true` on an app in the shapes real projects have (Apps/Corpus/Layouts): stacks in
/// nested folders (Stacks/Data, Stacks/Ml), a Stage holding a stack, a NestedStack, a static helper that creates a
/// construct under its caller's id, a Construct subclass of the app's, and a resource whose template depends on a
/// cdk.json feature flag. Each finding lands on the C# line that made the resource, once, in clean and incremental
/// builds.
/// </summary>
[TestFixture]
public sealed class CorpusLayoutsTests
{
    // Hand-computed from the files under Apps/Corpus/Layouts: file(line,column) of the value or id that made each resource.
    private const string Journal = "Stacks/Data/DataStack.cs(11,119): PerfLint warning PL4001: ";
    private const string ScratchViaHelper = "Stacks/Data/DataStack.cs(12,37): PerfLint warning PL4001: ";
    private const string NestedWorker = "Stacks/Ml/ComputeNestedStack.cs(11,79): PerfLint warning PL1001: ";
    private const string TrainerDisk = "Constructs/TrainingDisk.cs(12,26): PerfLint warning PL4001: ";

    // Amazon.CDK.Lib 2.160.0's ec2.Volume: `volumeType ?? (FeatureFlags.isEnabled(EBS_DEFAULT_GP3) ? gp3 : gp2)`.
    private const string Gp3Flag = "@aws-cdk/aws-ec2:ebsDefaultGp3Volume";

    private string _project = null!;
    private DateTime _compiled;

    [OneTimeSetUp]
    public void CreateApp()
    {
        _project = Paths.NewScratchDirectory("corpus-layouts");
        SynthProject.CopyCorpusApp("Layouts", _project);
        SynthProject.WriteProject(_project, "LayoutsApp");
        File.WriteAllText(Path.Combine(_project, "cdk.json"), """{ "app": "dotnet run", "context": {} }""");
        File.WriteAllText(Path.Combine(_project, ".editorconfig"), "root = true\n");
    }

    [Test, Order(1)]
    public void EveryShapeMapsToTheLineThatMadeTheResource()
    {
        var build = Build();
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        AssertOnce(build.Output, Journal, "gp2 volume");
        AssertOnce(build.Output, ScratchViaHelper, "gp2 volume");
        AssertOnce(build.Output, NestedWorker, "");
        AssertOnce(build.Output, TrainerDisk, "gp2 volume");
        Assert.That(Regex.Matches(BuildOutput.Events(build.Output), "PerfLint warning ").Count, Is.EqualTo(4), build.Output);
        Assert.That(StageTemplate(), Does.Contain("\"VolumeType\": \"gp2\""), "without the flag the L2 volume is gp2");
        _compiled = File.GetLastWriteTimeUtc(AppAssembly);
    }

    [Test, Order(2)]
    public void AnIncrementalBuildReportsEachFindingOnce()
    {
        var build = Build();
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        Assert.That(File.GetLastWriteTimeUtc(AppAssembly), Is.EqualTo(_compiled), "the compiler skipped compiling");
        AssertOnce(build.Output, Journal, "gp2 volume");
        AssertOnce(build.Output, ScratchViaHelper, "gp2 volume");
        AssertOnce(build.Output, NestedWorker, "");
        AssertOnce(build.Output, TrainerDisk, "gp2 volume");
        Assert.That(Regex.Matches(BuildOutput.Events(build.Output), "PerfLint warning ").Count, Is.EqualTo(4), build.Output);
    }

    [Test, Order(3)]
    public void TheFeatureFlagInCdkJsonChangesTheTemplateAsCdkSynthDoes()
    {
        File.WriteAllText(Path.Combine(_project, "cdk.json"), $$"""{ "app": "dotnet run", "context": { "{{Gp3Flag}}": true } }""");
        var build = Build();
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        Assert.That(StageTemplate(), Does.Contain("\"VolumeType\": \"gp3\"").And.Not.Contain("\"gp2\""), "the flag makes the L2 volume gp3");
        Assert.That(build.Output, Does.Not.Contain("TrainingDisk.cs"), build.Output);
        AssertOnce(build.Output, Journal, "gp2 volume");
        AssertOnce(build.Output, ScratchViaHelper, "gp2 volume");
        AssertOnce(build.Output, NestedWorker, "");
        Assert.That(Regex.Matches(BuildOutput.Events(build.Output), "PerfLint warning ").Count, Is.EqualTo(3), build.Output);
    }

    private string AppAssembly => Path.Combine(_project, "obj", "Debug", "net10.0", "LayoutsApp.dll");

    private ProcessResult Build() => ProcessRunner.DotnetBuild(_project, null, "-p:PerfLintSynth=true");

    /// <summary>The template of the Stage's stack (Prod/Ml), the one that holds the L2 volume.</summary>
    private string StageTemplate()
    {
        var stage = Path.Combine(_project, "obj", "Debug", "net10.0", "cdk.out", "assembly-Prod");
        var templates = Directory.GetFiles(stage, "ProdMl*.template.json").Where(f => !f.Contains("Compute", StringComparison.Ordinal)).ToList();
        Assert.That(templates, Has.Count.EqualTo(1), string.Join(", ", Directory.GetFiles(stage)));
        return File.ReadAllText(templates[0]);
    }

    private static void AssertOnce(string output, string location, string messageStart)
    {
        var pattern = Regex.Escape(location.Replace('/', Path.DirectorySeparatorChar) + messageStart);
        Assert.That(Regex.Matches(BuildOutput.Events(output), pattern).Count, Is.EqualTo(1), $"once: {location}{messageStart}\n{output}");
    }
}
