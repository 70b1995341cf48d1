using PerfLint.Integration.Tests.Infrastructure;

namespace PerfLint.Integration.Tests;

/// <summary>PerfLint referenced by a project without AWS CDK: the analyzers load, run, and report nothing.</summary>
[TestFixture]
public sealed class NonCdkProjectTests
{
    [Test]
    public void Project_without_CDK_gets_no_PerfLint_diagnostic()
    {
        using var project = ScratchProject.Copy("PlainConsole", referenceCdk: false);

        // ReportAnalyzer lists each analyzer assembly that ran, proving the analyzers were loaded at all.
        var build = project.Build("-p:ReportAnalyzer=true", "-v:d");

        Assert.That(build.ExitCode, Is.Zero, build.Tail());
        var sarif = SarifLog.Load(project.SarifPath);
        Assert.Multiple(() =>
        {
            Assert.That(build.Output, Does.Contain("PerfLint.Analyzers, Version="), "ReportAnalyzer lists no PerfLint analyzer: the assembly was not loaded");
            Assert.That(sarif.PerfLintResults.Select(r => r.RuleId + " " + r.Message), Is.Empty);
            Assert.That(sarif.Results.Where(r => r.RuleId is "AD0001" or "CS8032" or "CS8033").Select(r => r.Message), Is.Empty);
        });
    }
}
