using PerfLint.Testing;
using PerfLint.Integration.Tests.Infrastructure;

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
        var restore = ProcessRunner.Dotnet(project.Directory, TimeSpan.FromMinutes(3), null, "restore", project.ProjectFile, "-nologo");
        Assert.That(restore.ExitCode, Is.Zero, restore.Tail());

        var format = ProcessRunner.Dotnet(project.Directory, TimeSpan.FromMinutes(4), null,
            "format", "analyzers", project.ProjectFile, "--diagnostics", "PL4001", "PL1001", "--severity", "info", "--no-restore", "-v", "diag");
        Assert.That(format.ExitCode, Is.Zero, format.Tail());

        var fixedSource = project.Read("WorkerStack.cs");
        // m4's successor on the Intel line is m8i (../shared/data/aws_instance_family_successors.csv). Amazon.CDK.Lib
        // 2.160.0 has no InstanceClass member for m8i, so InstanceType.Of(STANDARD4, XLARGE) becomes a string.
        Assert.Multiple(() =>
        {
            Assert.That(fixedSource, Does.Contain("VolumeType = EbsDeviceVolumeType.GP3").And.Not.Contain("EbsDeviceVolumeType.GP2"), fixedSource);
            Assert.That(fixedSource, Does.Contain("new InstanceType(\"m8i.large\")").And.Not.Contain("\"m4.large\""), fixedSource);
            Assert.That(fixedSource, Does.Contain("new InstanceType(\"m8i.xlarge\")").And.Not.Contain("STANDARD4"), fixedSource);
        });

        var build = project.Build();
        Assert.That(build.ExitCode, Is.Zero, "the fixed project does not build:\n" + build.Tail());
        var left = SarifLog.Load(project.SarifPath).PerfLintResults.Where(r => r.RuleId is "PL1001" or "PL4001").Select(r => $"{r.RuleId} line {r.Line}: {r.Message}");
        Assert.That(left, Is.Empty, "findings left after the fixes");
    }
}
