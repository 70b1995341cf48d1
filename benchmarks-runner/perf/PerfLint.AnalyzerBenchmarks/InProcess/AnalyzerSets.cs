using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfLint.AnalyzerBenchmarks.InProcess;

/// <summary>The analyzer sets compared: every PerfLint analyzer, and an empty analyzer as the baseline.</summary>
public static class AnalyzerSets
{
    /// <summary>Every concrete analyzer in PerfLint.Analyzers, found by reflection so new rules are measured too.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> PerfLint()
    {
        var assembly = Assembly.Load("PerfLint.Analyzers");
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    /// <summary>
    /// The analyzers a command-line build runs: those with a rule on by default above Info. The compiler skips an
    /// analyzer whose rules are all Info or off (today only GravitonAnalyzer, PL1005), so only the IDE runs those; the
    /// Info rules of the app model (PL2001, PL2002, PL2003, PL5001) run with its Warnings in <c>AppRulesAnalyzer</c>.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> Build() =>
        PerfLint().Where(a => a.SupportedDiagnostics.Any(d => d.IsEnabledByDefault && d.DefaultSeverity >= DiagnosticSeverity.Warning)).ToImmutableArray();

    public static ImmutableArray<DiagnosticAnalyzer> Empty() => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());

    /// <summary>An analyzer with one no-op operation action for every operation kind: what building the operation trees costs.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> OperationsOnly() => ImmutableArray.Create<DiagnosticAnalyzer>(new OperationsAnalyzer());

    public static string Name(DiagnosticAnalyzer analyzer) =>
        analyzer.GetType().Name + " (" + string.Join(", ", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct()) + ")";

    // The baseline analyzer lives in the benchmark host on purpose (it is never shipped or loaded by a compiler):
    // the rules for analyzer assemblies (no Workspaces, netstandard2.0, release tracking) do not apply to it.
#pragma warning disable RS1038, RS1041, RS1036, RS2008, RS1012
    /// <summary>Registers for nothing that runs per node: what the driver costs with no rule at all.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH0000", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(_ => { });
        }
    }

    /// <summary>Visits every operation and does nothing: the driver builds every method body's operation tree for it.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OperationsAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("BENCH0001", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(_ => { }, Enum.GetValues<OperationKind>().Where(k => k != OperationKind.None).ToImmutableArray());
        }
    }
#pragma warning restore RS1038, RS1041, RS1036, RS2008, RS1012
}
