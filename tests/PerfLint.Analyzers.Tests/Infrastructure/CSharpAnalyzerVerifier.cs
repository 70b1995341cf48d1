using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>
/// Verifies one analyzer over C# sources compiled against the real CDK (sources must compile without errors).
/// Mark expected spans with <c>{|#0:...|}</c> and pass <c>Diagnostic("PL1001").WithLocation(0)</c>.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>An expected diagnostic of <paramref name="ruleId"/> (severity, message checked when set on it).</summary>
    public static DiagnosticResult Diagnostic(string ruleId) => new DiagnosticResult(ruleId, DiagnosticSeverity.Warning);

    /// <summary>A diagnostic of <paramref name="ruleId"/> with its severity and message, at the marked <paramref name="locations"/> (the first is where it is reported, the others its related places).</summary>
    public static DiagnosticResult Finding(string ruleId, DiagnosticSeverity severity, string message, params int[] locations) =>
        locations.Aggregate(Diagnostic(ruleId).WithSeverity(severity).WithMessage(message), (result, location) => result.WithLocation(location));

    /// <summary>Runs the analyzer on <paramref name="source"/> and compares with <paramref name="expected"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(new[] { source }, null, expected);

    /// <summary>Runs the analyzer with an <c>.editorconfig</c> (body lines after <c>[*.cs]</c>).</summary>
    public static Task VerifyAnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(new[] { source }, editorConfig, expected);

    /// <summary>Several files (e.g. a constant in another file); file i is named <c>/0/Test{i}.cs</c>.</summary>
    /// <remarks>Run gated and with every body admitted (<see cref="TestSetup.GatedThenAdmittingAll"/>).</remarks>
    public static Task VerifyAnalyzerAsync(string[] sources, string? editorConfig, params DiagnosticResult[] expected) =>
        TestSetup.GatedThenAdmittingAll(admitAll => Run(sources, editorConfig, expected, admitAll));

    /// <summary>The analyzer alone with every body admitted (the code-fix verifier's second run).</summary>
    internal static Task VerifyAdmittingAllAsync(string source, string? editorConfig, DiagnosticResult[] expected) =>
        Run(new[] { source }, editorConfig, expected, admitAll: true);

    private static Task Run(string[] sources, string? editorConfig, DiagnosticResult[] expected, bool admitAll)
    {
        var test = new Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        TestSetup.AddEditorConfig(test.TestState, editorConfig);
        if (admitAll)
        {
            TestSetup.AdmitAllBodies(test.TestState);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The test type with CDK references and every rule enabled (PL1005 is off by default).</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        /// <summary>Configures references and options.</summary>
        public Test()
        {
            TestSetup.Configure(this);
        }
    }
}
