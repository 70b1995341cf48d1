using System.Text.RegularExpressions;
using PerfLint.Integration.Tests.Infrastructure;
using PerfLint.Knowledge.Cdk;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Integration.Tests;

/// <summary>
/// The code fixes through a real peer: `dotnet format analyzers` loads the analyzers and code fixes from the project
/// and applies them (gp2 -> gp3, m4 -> its successor of the same size), and the fixed project still builds.
/// </summary>
[TestFixture]
public sealed class DotnetFormatTests
{
    [Test]
    public void Dotnet_format_applies_the_gp3_and_successor_fixes()
    {
        using var project = ScratchProject.Copy("WorkerStack", referenceCdk: true);
        var restore = DotnetCli.Run(project.Directory, TimeSpan.FromMinutes(3), "restore", project.ProjectFile, "-nologo");
        Assert.That(restore.ExitCode, Is.Zero, restore.Tail());

        var format = DotnetCli.Run(project.Directory, TimeSpan.FromMinutes(4),
            "format", "analyzers", project.ProjectFile, "--diagnostics", "PL4001", "PL1001", "--severity", "info", "--no-restore", "-v", "diag");
        Assert.That(format.ExitCode, Is.Zero, format.Tail());

        var fixedSource = project.Read("WorkerStack.cs");
        // The successors come from the knowledge base, the same decision the analyzer and the fix use.
        var stringSuccessor = PreviousGenerationRule.Evaluate("m4.large")!.Replacement!;
        var enumSuccessorFamily = PreviousGenerationRule.Evaluate("m4.xlarge")!.Replacement!.Split('.')[0];
        var member = Regex.Match(fixedSource, @"InstanceType\.Of\(InstanceClass\.(?<member>\w+), InstanceSize\.XLARGE\)").Groups["member"].Value;
        Assert.Multiple(() =>
        {
            Assert.That(fixedSource, Does.Contain("VolumeType = EbsDeviceVolumeType.GP3").And.Not.Contain("EbsDeviceVolumeType.GP2"), fixedSource);
            Assert.That(fixedSource, Does.Contain($"new InstanceType(\"{stringSuccessor}\")").And.Not.Contain("\"m4.large\""), fixedSource);
            Assert.That(member, Is.Not.Empty.And.Not.EqualTo("STANDARD4"), fixedSource);
            Assert.That(CdkInstanceClass.FamilyOf(member), Is.EqualTo(enumSuccessorFamily), $"InstanceClass.{member} should stand for {enumSuccessorFamily}");
        });

        var build = project.Build();
        Assert.That(build.ExitCode, Is.Zero, "the fixed project does not build:\n" + build.Tail());
        var left = SarifLog.Load(project.SarifPath).PerfLintResults.Where(r => r.RuleId is "PL1001" or "PL4001").Select(r => $"{r.RuleId} line {r.Line}: {r.Message}");
        Assert.That(left, Is.Empty, "findings left after the fixes");
    }
}
