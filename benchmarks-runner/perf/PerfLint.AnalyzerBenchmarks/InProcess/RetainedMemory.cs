using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.AnalyzerBenchmarks.Generation;

namespace PerfLint.AnalyzerBenchmarks.InProcess;

/// <summary>
/// What an analysis leaves alive: the managed heap after a full analysis (compiler diagnostics and the analyzers of
/// one set) of freshly parsed trees, with the compilation and its analysis still referenced, less the heap before
/// parsing. A compiler's garbage collections trace and promote what is alive, so memory an analyzer keeps while the
/// compiler runs costs GC time in every collection, on top of what allocating it costs. Run each set in its own
/// process (the first analysis of a process also fills PerfLint's static caches, as a fresh compiler's does).
/// With a pause (seconds), the program waits at the end so `dotnet-gcdump collect -p PID` can take the heap by type.
/// </summary>
public static class RetainedMemory
{
    public static void Run(ProjectKind kind, string set, int pauseSeconds, TextWriter output)
    {
        var project = GeneratedProject.Create(kind, AnalyzerCostBenchmarks.Files);
        var analyzers = ProfileLoop.Select(set);
        var references = CompilationFactory.Create(project).References.ToList();   // also checks that it compiles
        var before = Heap();

        var compilation = CompilationFactory.Create(project, references);
        var parsed = Heap();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        var analyzed = Heap();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{set}: parsed trees {Mb(parsed - before)} MB; after the analysis {Mb(analyzed - before)} MB alive ({diagnostics.Length} diagnostics); pid {Environment.ProcessId}"));
        if (pauseSeconds > 0)
        {
            Thread.Sleep(TimeSpan.FromSeconds(pauseSeconds));
        }

        GC.KeepAlive(withAnalyzers);
        GC.KeepAlive(compilation);
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
