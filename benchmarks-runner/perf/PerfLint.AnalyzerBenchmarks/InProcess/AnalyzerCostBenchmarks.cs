using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.AnalyzerBenchmarks.Generation;

namespace PerfLint.AnalyzerBenchmarks.InProcess;

/// <summary>
/// Full analysis of a generated 600-file project (compiler diagnostics + analyzers, as in a build) with all
/// PerfLint analyzers against the same with an empty analyzer. The difference is what PerfLint adds; on the plain
/// (non-CDK) project it must be ~0.
/// </summary>
[Config(typeof(Config))]
public class AnalyzerCostBenchmarks
{
    public const int Files = 600;

    private Compilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _perfLint;
    private ImmutableArray<DiagnosticAnalyzer> _empty;

    [Params(ProjectKind.Cdk, ProjectKind.Plain)]
    public ProjectKind Project { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CompilationFactory.Create(GeneratedProject.Create(Project, Files));
        _perfLint = AnalyzerSets.PerfLint();
        _empty = AnalyzerSets.Empty();
    }

    [Benchmark(Baseline = true, Description = "empty analyzer")]
    public int EmptyAnalyzer() => AnalyzerRun.Run(_compilation, _empty, logExecutionTime: false).Length;

    [Benchmark(Description = "all PerfLint analyzers")]
    public int PerfLintAnalyzers() => AnalyzerRun.Run(_compilation, _perfLint, logExecutionTime: false).Length;

    /// <summary>
    /// In process (no child project to build), one launch, a warm-up and ten measured runs: each run is seconds
    /// long, so BenchmarkDotNet's default of dozens of runs would take an hour on two cores.
    /// </summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(10));
            // Columns, console logger and the GitHub markdown exporter come from BenchmarkSwitcher's default config.
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }
}
