using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>Shared configuration of the analyzer and code-fix tests.</summary>
internal static class TestSetup
{
    /// <summary>
    /// References (.NET 8 + CDK, cached), C# latest, and a global config that turns PL1005 (off by default) on so
    /// its tests see it; tests of the default state use <see cref="AnalyzerRunner"/>.
    /// </summary>
    public static void Configure(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = TestReferences.None;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var parse = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest);
            var compilation = project.CompilationOptions!
                .WithSpecificDiagnosticOptions(project.CompilationOptions!.SpecificDiagnosticOptions
                    .SetItem("PL1005", ReportDiagnostic.Info)
                    .SetItem("CS1701", ReportDiagnostic.Suppress)
                    .SetItem("CS1702", ReportDiagnostic.Suppress));
            return solution.WithProjectParseOptions(projectId, parse).WithProjectCompilationOptions(projectId, compilation);
        });
    }

    /// <summary>Adds a global config that turns every gate off (<see cref="PerfLint.Analyzers.Gating.OperationDispatch.AdmitAllBodiesKey"/>).</summary>
    public static void AdmitAllBodies(SolutionState state) =>
        state.AnalyzerConfigFiles.Add(("/.perflint.globalconfig", "is_global = true\n" + PerfLint.Analyzers.Gating.OperationDispatch.AdmitAllBodiesKey + " = true\n"));

    /// <summary>
    /// Runs a verification gated, then with every body admitted: a gate must admit every body its rule reports in, so
    /// both give the expected diagnostics.
    /// </summary>
    public static async Task GatedThenAdmittingAll(Func<bool, Task> verify)
    {
        await verify(false);
        try
        {
            await verify(true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new AssertionException("gated analysis passed, but with every body admitted it differs (a gate turned away a body it needs):\n" + e.Message, e);
        }
    }

    /// <summary>Adds <c>/.editorconfig</c> with <c>root = true</c>, <c>[*.cs]</c> and the given lines.</summary>
    public static void AddEditorConfig(SolutionState state, string? body)
    {
        if (body != null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + body + "\n"));
        }
    }
}
