namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>"No CDK referenced → no diagnostics": the helper each rule's tests call with CDK-looking code.</summary>
public static class NoCdkAssert
{
    /// <summary>
    /// Compiles <paramref name="source"/> WITHOUT the CDK (it must compile: declare look-alike types yourself, e.g.
    /// <c>namespace Amazon.CDK.AWS.EC2 { class InstanceType { ... } }</c>) and asserts that no PerfLint analyzer
    /// reports anything or throws.
    /// </summary>
    public static async Task NoDiagnosticsWithoutCdkAsync(string source)
    {
        var compilation = AnalyzerRunner.Compile(new[] { source }, withCdk: false);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty, "the no-CDK source must compile");
        var run = await AnalyzerRunner.RunAsync(compilation, AnalyzerRunner.AllAnalyzers(),
            new Dictionary<string, Microsoft.CodeAnalysis.ReportDiagnostic> { ["PL1005"] = Microsoft.CodeAnalysis.ReportDiagnostic.Info });
        Assert.That(run.Exceptions, Is.Empty);
        Assert.That(run.AnalyzerDiagnostics, Is.Empty);
    }
}
