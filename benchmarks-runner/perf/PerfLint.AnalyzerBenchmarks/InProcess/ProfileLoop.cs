using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.AnalyzerBenchmarks.Generation;

namespace PerfLint.AnalyzerBenchmarks.InProcess;

/// <summary>
/// Repeats one analysis set many times, sequentially, so a sampling profiler (dotnet-trace) sees the analyzers'
/// steady state; prints each set's median wall clock. Sets: empty, operations (one no-op operation action on every
/// kind: the cost of the operation trees alone), perflint, build (the analyzers a command-line build runs), or one
/// analyzer by type name.
/// </summary>
public static class ProfileLoop
{
    public static void Run(ProjectKind kind, IReadOnlyList<string> sets, int runs, TextWriter output)
    {
        var compilation = CompilationFactory.Create(GeneratedProject.Create(kind, AnalyzerCostBenchmarks.Files));
        foreach (var set in sets)
        {
            var analyzers = Select(set);
            AnalyzerRun.Run(compilation, analyzers, logExecutionTime: false, concurrent: false);
            var times = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                times.Add(AnalyzerRun.Time(() => AnalyzerRun.Run(compilation, analyzers, logExecutionTime: false, concurrent: false)).TotalMilliseconds);
            }

            output.WriteLine($"{set}: median {RuleTimes.Median(times).ToString("0", CultureInfo.InvariantCulture)} ms over {runs} sequential runs");
        }
    }

    internal static ImmutableArray<DiagnosticAnalyzer> Select(string set) =>
        set switch
        {
            "empty" => AnalyzerSets.Empty(),
            "operations" => AnalyzerSets.OperationsOnly(),
            "perflint" => AnalyzerSets.PerfLint(),
            "build" => AnalyzerSets.Build(),
            _ => AnalyzerSets.PerfLint().Where(a => a.GetType().Name == set).ToImmutableArray(),
        };
}
