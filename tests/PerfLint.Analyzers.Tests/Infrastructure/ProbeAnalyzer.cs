using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>
/// A test-only analyzer on the real infrastructure: reports PROBE with "Kind=value" on every value that reaches a
/// CDK property named InstanceType, CacheNodeType, VolumeType or MinCapacity. Lets the value-flow tests assert
/// exactly where each shape is reported. Not in PerfLint.Analyzers, so the product never sees it.
/// </summary>
#pragma warning disable RS1036, RS2008 // a test-only analyzer: no release tracking, not shipped
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProbeAnalyzer : CdkAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("PROBE", "probe", "{0}", "Test", DiagnosticSeverity.Warning, true);

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "InstanceType", "CacheNodeType", "VolumeType", "MinCapacity" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    // Every body: the probe shows what value flow sees, not what a rule's gate lets through.
    protected override void OnCdkCompilationStart(CdkCompilationStart start) =>
        start.RegisterCdkSink(new CdkSinkRule(Names.Contains, hit =>
        {
            foreach (var value in hit.Values)
            {
                if (hit.IsReportable(value))
                {
                    hit.ReportDiagnostic(Diagnostic.Create(Rule, value.Location, Describe(value)));
                }
            }
        }, (_, _) => Gates.All));

    public static string Describe(ResolvedValue value) =>
        value.Kind + "=" + (value.Kind == ResolvedValueKind.Member ? value.MemberName
            : value.Kind == ResolvedValueKind.Number ? value.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : value.Text) + (value.FromCallSite ? " (call site)" : string.Empty);
}
