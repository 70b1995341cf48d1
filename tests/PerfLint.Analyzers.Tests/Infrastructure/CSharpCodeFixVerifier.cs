using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>Verifies an analyzer and its code fix: the fix for each diagnostic, and Fix All in document/project/solution.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TFixer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    /// <summary>An expected diagnostic of <paramref name="ruleId"/>.</summary>
    public static DiagnosticResult Diagnostic(string ruleId) => new DiagnosticResult(ruleId, DiagnosticSeverity.Warning);

    /// <summary>
    /// Verifies diagnostics on <paramref name="source"/>, that applying the fixes one by one and with Fix All gives
    /// <paramref name="fixedSource"/>, and that the fixed source has no diagnostics left unless
    /// <paramref name="remaining"/> lists them.
    /// </summary>
    public static async Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource,
        string? editorConfig = null, DiagnosticResult[]? remaining = null, string? equivalenceKey = null, int? fixAllIterations = null)
    {
        var test = new Test { FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
        if (fixAllIterations != null)
        {
            // Fix All works per equivalence key (one per rule): a file with two rules needs one pass per rule.
            test.NumberOfFixAllIterations = fixAllIterations.Value;
        }

        test.TestCode = source;
        TestSetup.AddEditorConfig(test.TestState, editorConfig);
        TestSetup.AddEditorConfig(test.FixedState, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        if (remaining != null)
        {
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        }

        await TestSetup.GatedThenAdmittingAll(admitAll => admitAll
            ? CSharpAnalyzerVerifier<TAnalyzer>.VerifyAdmittingAllAsync(source, editorConfig, expected)
            : test.RunAsync(CancellationToken.None));
    }

    /// <summary>Verifies that no code fix is offered for the diagnostics (e.g. the value is not a literal).</summary>
    public static async Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { FixedCode = source };
        test.TestCode = source;
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        await TestSetup.GatedThenAdmittingAll(admitAll => admitAll
            ? CSharpAnalyzerVerifier<TAnalyzer>.VerifyAdmittingAllAsync(source, null, expected)
            : test.RunAsync(CancellationToken.None));
    }

    /// <summary>The test type with CDK references and every rule enabled.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
    {
        /// <summary>Configures references and options.</summary>
        public Test()
        {
            TestSetup.Configure(this);
            if (typeof(TAnalyzer) == typeof(PerfLint.Analyzers.Rules.AppRulesAnalyzer))
            {
                // The whole-app rules report at compilation end (non-local diagnostics), where the IDE and build offer their fixes.
                CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            }
        }
    }
}
