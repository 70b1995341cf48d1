using System.Text.RegularExpressions;
using PerfLint.Check.Tests.Infrastructure;
using PerfLint.Testing;

namespace PerfLint.Check.Tests;

/// <summary>
/// Apps/Corpus/Layouts built as a team builds it: the analyzers in the compiler and `-p:PerfLintSynth=true`. Each of its
/// four findings is reported once in all, by the analyzers where they see it in source, else by the template check,
/// clean and incremental: the value written in a helper (Storage.ScratchVolume's "gp2") is the analyzers' finding, and
/// the template's finding for the construct the helper made must not come back at the helper's call site.
/// </summary>
[TestFixture]
public sealed class CorpusLayoutsWithAnalyzersTests
{
    // Hand-computed from the files under Apps/Corpus/Layouts: the four resources PerfLint flags, by the files that write them.
    private static readonly (string Rule, string[] Places)[] Findings =
    {
        ("PL4001", new[] { "Stacks/Data/DataStack.cs(11," }),                                       // Journal: "gp2"
        ("PL4001", new[] { "Stacks/Data/Storage.cs(10,", "Stacks/Data/DataStack.cs(12," }),        // Scratch: "gp2" in the helper, or its call
        ("PL1001", new[] { "Stacks/Ml/ComputeNestedStack.cs(11," }),                               // Worker: "c4.large"
        ("PL4001", new[] { "Constructs/TrainingDisk.cs(12," }),                                    // Disk: the L2 default, gp2 without the flag
    };

    private string _project = null!;

    [OneTimeSetUp]
    public void CreateApp()
    {
        _project = Paths.NewScratchDirectory("corpus-layouts-analyzers");
        SynthProject.CopyCorpusApp("Layouts", _project);
        SynthProject.WriteProject(_project, "LayoutsApp", withAnalyzers: true);
        File.WriteAllText(Path.Combine(_project, "cdk.json"), """{ "app": "dotnet run", "context": {} }""");
        File.WriteAllText(Path.Combine(_project, ".editorconfig"), "root = true\n");
    }

    [Test, Order(1)]
    public void ACleanBuildReportsEachFindingOnce() => AssertEachOnce(ProcessRunner.DotnetBuild(_project, null, "-p:PerfLintSynth=true"));

    [Test, Order(2)]
    public void AnIncrementalBuildRepeatsNoTemplateFinding()
    {
        // The compiler does not replay its warnings when it skips compiling: what was the analyzers' shows nowhere then,
        // and the template check must not bring it back.
        var build = ProcessRunner.DotnetBuild(_project, null, "-p:PerfLintSynth=true");
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var events = BuildOutput.Events(build.Output);
        foreach (var (rule, places) in Findings)
        {
            Assert.That(places.Sum(p => Count(events, p, rule)), Is.LessThanOrEqualTo(1), $"{rule} at {places[0]}\n{build.Output}");
        }
    }

    private static void AssertEachOnce(ProcessResult build)
    {
        Assert.That(build.ExitCode, Is.Zero, build.Output);
        var events = BuildOutput.Events(build.Output);
        Assert.Multiple(() =>
        {
            foreach (var (rule, places) in Findings)
            {
                Assert.That(places.Sum(p => Count(events, p, rule)), Is.EqualTo(1), $"{rule} at {places[0]}\n{build.Output}");
            }

            Assert.That(Regex.Matches(events, @"warning PL\d{4}").Count, Is.EqualTo(Findings.Length), build.Output);
        });
    }

    private static int Count(string events, string place, string rule) =>
        Regex.Matches(events, Regex.Escape(place.Replace('/', Path.DirectorySeparatorChar)) + @"\d+\): (PerfLint )?warning " + rule).Count;
}
