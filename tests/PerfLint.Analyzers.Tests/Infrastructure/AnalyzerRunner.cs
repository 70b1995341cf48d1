using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>The outcome of running analyzers over a compilation directly (no test framework).</summary>
public sealed record AnalyzerRun(
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    ImmutableArray<Diagnostic> CompilerDiagnostics,
    ImmutableArray<string> Exceptions);

/// <summary>
/// Runs analyzers with <see cref="CompilationWithAnalyzers"/>: for tests the verifiers cannot express — code that
/// does not compile (robustness), compilations without the CDK, and default rule states.
/// </summary>
public static class AnalyzerRunner
{
    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> in PerfLint.Analyzers (all rules, both authors).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers() =>
        typeof(CdkAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Parses the sources and compiles them against .NET 8 (+ the CDK when <paramref name="withCdk"/>).</summary>
    public static CSharpCompilation Compile(IEnumerable<string> sources, bool withCdk = true) =>
        CSharpCompilation.Create(
            "PerfLintTest",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test" + i + ".cs")),
            withCdk ? TestReferences.All : TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs <paramref name="analyzers"/> over the compilation; analyzer exceptions are collected, never thrown.</summary>
    public static async Task<AnalyzerRun> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers,
        IReadOnlyDictionary<string, ReportDiagnostic>? severities = null, CancellationToken cancellationToken = default,
        AnalyzerConfigOptionsProvider? configOptions = null)
    {
        if (severities != null)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(severities));
        }

        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            configOptions == null ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty) : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, configOptions),
            onAnalyzerException: (ex, analyzer, diagnostic) => exceptions.Add(analyzer.GetType().Name + ": " + ex),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        foreach (var d in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Add(d.ToString());
        }

        return new AnalyzerRun(diagnostics, compilation.GetDiagnostics(cancellationToken), exceptions.ToImmutableArray());
    }

    /// <summary>Compiles and runs every PerfLint analyzer.</summary>
    public static Task<AnalyzerRun> RunAllAsync(string source, bool withCdk = true, CancellationToken cancellationToken = default) =>
        RunAsync(Compile(new[] { source }, withCdk), AllAnalyzers(), null, cancellationToken);
}
