using BenchmarkDotNet.Running;
using PerfLint.AnalyzerBenchmarks.Build;
using PerfLint.AnalyzerBenchmarks.Generation;
using PerfLint.AnalyzerBenchmarks.InProcess;

namespace PerfLint.AnalyzerBenchmarks;

/// <summary>
/// The cost of the PerfLint analyzers on a generated CDK project of 600 files (and on a non-CDK one):
///   generate &lt;dir&gt; [cdk|plain] [files]   write the project (Generated.csproj; -p:PerfLint=true adds the analyzers)
///   bdn [BenchmarkDotNet args]          CompilationWithAnalyzers: all PerfLint analyzers vs an empty analyzer
///   rules [cdk|plain] [runs]            per-analyzer execution time (GetAnalyzerTelemetryInfoAsync)
///   profile [cdk|plain] [sets] [runs]    sequential runs of analyzer sets (empty,operations,perflint,&lt;Analyzer&gt;) for a profiler
///   retained [cdk|plain] [set] [pause s]   the heap an analysis leaves alive (one set per process; see RetainedMemory)
///   build [cdk|plain] [runs] [dir] [warm-up pairs]   `dotnet build` with and without the analyzers, medians,
///                                       ReportAnalyzer (warm-up pairs: compiler server only, default 10)
/// Run in Release: dotnet run -c Release --project benchmarks-runner/perf/PerfLint.AnalyzerBenchmarks -- &lt;command&gt;
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "help";
        var kind = args.Length > 1 && args[1].Equals("plain", StringComparison.OrdinalIgnoreCase) ? ProjectKind.Plain : ProjectKind.Cdk;
        switch (command)
        {
            case "generate" when args.Length > 1:
                var generateKind = args.Length > 2 && args[2].Equals("plain", StringComparison.OrdinalIgnoreCase) ? ProjectKind.Plain : ProjectKind.Cdk;
                var files = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : AnalyzerCostBenchmarks.Files;
                Console.WriteLine(GeneratedProject.Create(generateKind, files).WriteTo(args[1], AnalyzerAssemblies(), AnalyzerTargets));
                return 0;
            case "bdn":
                BenchmarkSwitcher.FromTypes(new[] { typeof(AnalyzerCostBenchmarks) }).Run(args.Skip(1).ToArray());
                return 0;
            case "rules":
                RuleTimes.Print(kind, AnalyzerCostBenchmarks.Files, Count(args, 2, 5), Console.Out);
                return 0;
            case "profile":
                ProfileLoop.Run(kind, args.Length > 2 ? args[2].Split(',') : new[] { "empty", "operations", "perflint" }, Count(args, 3, 10), Console.Out);
                return 0;
            case "retained":
                RetainedMemory.Run(kind, args.Length > 2 ? args[2] : "build", Count(args, 3, 0), Console.Out);
                return 0;
            case "build":
                var directory = args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), "perflint-build-bench-" + kind.ToString().ToLowerInvariant());
                BuildTimer.Print(kind, AnalyzerCostBenchmarks.Files, Count(args, 2, 5), AnalyzerAssemblies(), AnalyzerTargets, directory, Console.Out, Count(args, 4, 10));
                return 0;
            default:
                Console.Error.WriteLine("usage: generate <dir> [cdk|plain] [files] | bdn [args] | rules [cdk|plain] [runs] | retained [cdk|plain] [set] [pause s] | build [cdk|plain] [runs] [dir] [warm-up pairs]");
                return 2;
        }
    }

    private static int Count(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], out var n) && n > 0 ? n : fallback;

    /// <summary>
    /// The package's PerfLint.ReadyToRun.targets, copied next to this program with the precompiled images
    /// (readytorun/linux-x64/, where this machine's build makes them): the generated project gets what a package
    /// reference would give it.
    /// </summary>
    private static string AnalyzerTargets => Path.Combine(AppContext.BaseDirectory, "build", "PerfLint.ReadyToRun.targets");

    /// <summary>
    /// The analyzer assemblies as a project would load them: the copies next to this program (Knowledge, Analyzers,
    /// and CodeFixes, which the project references so that they are built).
    /// </summary>
    private static IReadOnlyList<string> AnalyzerAssemblies() =>
        new[] { "PerfLint.Knowledge.dll", "PerfLint.Analyzers.dll", "PerfLint.CodeFixes.dll" }
            .Select(name => Path.Combine(AppContext.BaseDirectory, name))
            .ToList();
}
