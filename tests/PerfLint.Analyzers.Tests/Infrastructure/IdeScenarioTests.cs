using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Rules;

namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>
/// The IDE analyzes one open document (or one span of it) at a time. Call-site diagnostics must come from the
/// caller's document alone, without the helper's file being analyzed, and a span request must still see them
/// (the lightbulb asks for the span under the caret).
/// </summary>
public class IdeScenarioTests
{
    private const string Helper = CdkSource.Usings + """
        public static class Caches
        {
            public static void Add(Construct scope, string nodeType) =>
                new CfnCacheCluster(scope, "Cache", new CfnCacheClusterProps { CacheNodeType = nodeType, Engine = "redis", NumCacheNodes = 1 });
        }
        """;

    private const string Caller = CdkSource.Usings + """
        public class AppStack : Stack
        {
            public AppStack(Construct scope, string id) : base(scope, id)
            {
                Caches.Add(this, "cache.m4.large");
            }
        }
        """;

    [Test]
    public async Task Analyzing_only_the_callers_document_reports_at_the_call_site()
    {
        var compilation = AnalyzerRunner.Compile(new[] { Helper, Caller });
        var callerTree = compilation.SyntaxTrees.Last();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PreviousGenerationInstanceAnalyzer()));

        var documentDiagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(callerTree), null, CancellationToken.None);
        var literalSpan = callerTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>()
            .Single(l => l.Token.ValueText == "cache.m4.large").Span;
        Assert.That(documentDiagnostics.Select(d => (d.Id, d.Location.SourceSpan)), Is.EqualTo(new[] { ("PL1001", literalSpan) }));

        var spanDiagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(callerTree), literalSpan, CancellationToken.None);
        Assert.That(spanDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "PL1001" }), "the span request (lightbulb) sees it too");

        var helperDiagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(compilation.SyntaxTrees.First()), null, CancellationToken.None);
        Assert.That(helperDiagnostics, Is.Empty, "nothing is reported in the helper, whose parameter has no value of its own");
    }
}
