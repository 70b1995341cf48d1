using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfLint.AnalyzerBenchmarks.InProcess;

/// <summary>One full analysis (compiler diagnostics + analyzers) of a fresh copy of a compilation.</summary>
public static class AnalyzerRun
{
    public static ImmutableArray<Diagnostic> Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime, bool concurrent = true)
    {
        var withAnalyzers = Create(compilation, analyzers, logExecutionTime, concurrent);
        return withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
    }

    /// <summary>A fresh clone each time: a compilation caches its binding, and every build starts without it.</summary>
    public static CompilationWithAnalyzers Create(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime, bool concurrent) =>
        compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: concurrent, logAnalyzerExecutionTime: logExecutionTime, reportSuppressedDiagnostics: false));

    public static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }
}
