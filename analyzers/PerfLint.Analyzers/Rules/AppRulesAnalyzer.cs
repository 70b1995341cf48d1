using System;
using System.Collections.Immutable;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Facts;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.App;
using AppModel = PerfLint.Analyzers.Facts.AppModel;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// The whole-app rules of Knowledge (<see cref="AppRules"/>, e.g. PL2002) over the C# of a compilation: at its end
    /// the constructs become Knowledge's app model (<see cref="KnowledgeModel"/>), the rules are evaluated there, and
    /// each finding is reported where its value is written. A rule added to <see cref="AppRules"/> needs no code here:
    /// its id, the files to read and the evidence that a finding is possible come from the rule.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AppRulesAnalyzer : CdkAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            AppRules.RuleIds.Select(Descriptors.For).ToImmutableArray();

        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk)
        {
            // The rules that can report in this compilation, as the gate found them (every rule when no gate ran: all bodies admitted).
            HashSet<string>? live = null;
            AppFactCollector.Register(context, cdk,
                (index, options, _) => Gate(index, options, live = new HashSet<string>(StringComparer.Ordinal)),
                (app, end) => Analyze(app, end, live == null ? null : (Func<string, bool>)live.Contains));
        }

        /// <summary>
        /// A rule can report only where its evidence is: an instance type it flags written somewhere in source (or a
        /// cdk.json context value, which may be one), or, for a rule without such evidence, a construct it reads. The
        /// files creating the resources the rules that can report read are read; the others' resources are not.
        /// </summary>
        private static Func<BodyEntry, bool> Gate(SyntaxIndex index, AnalyzerOptions options, HashSet<string> live)
        {
            // Rules whose required names or settings the compilation does not hold cannot report here: they read nothing.
            var rules = AppRules.All.Where(r => r.RequiredNames.All(required => index.ByIdentifier.Keys.Any(required)) && Sets(index, r.RequiredSettings)).ToList();
            var contextReaders = CdkContextReads.Readers(index, options);
            var anchors = new List<Func<BodyEntry, bool>>();
            var names = new List<string>();
            foreach (var rule in rules)
            {
                var ruleNames = Names(rule).ToArray();
                var anchor = rule.InstanceTypeEvidence is Func<string, bool> flags
                    ? Gates.Either(new InstanceTypeEvidence(flags).In(index), contextReaders)
                    : ruleNames.Any(index.ByIdentifier.ContainsKey) ? Gates.Naming(ruleNames) : Gates.None;
                if (anchor != Gates.None)
                {
                    anchors.Add(anchor);
                    names.AddRange(ruleNames);
                    live.Add(rule.RuleId);
                }
            }

            return anchors.Count == 0 ? Gates.None : Gates.Files(index, anchors.Aggregate(Gates.Either), Gates.Naming(names.Distinct().ToArray()));
        }

        /// <summary>Whether the compilation sets one of <paramref name="settings"/>: assigned in a body beside the names it asks for, or named by a string (an override path).</summary>
        private static bool Sets(SyntaxIndex index, IReadOnlyList<RequiredSetting> settings) =>
            settings.Count == 0 ||
            settings.Any(s => index.Bodies.Any(b => b.Assigned.Contains(s.Property) && (s.Beside.Count == 0 || s.Beside.Any(b.Tokens.Names))) ||
                              index.ByString.Keys.Any(text => text.EndsWith(s.Property, StringComparison.Ordinal)));

        private static IEnumerable<string> Names(AppRule rule) =>
            rule.ResourceTypes.SelectMany(CdkConstructTypes.CSharpNames).Concat(rule.SupportNames);

        private static void Analyze(AppModel app, CompilationAnalysisContext context, Func<string, bool>? isOn)
        {
            var sink = app.Findings(context.ReportDiagnostic);
            var appModel = KnowledgeModel.Build(app, out var model);
            foreach (var finding in AppRules.Evaluate(appModel, where => app.OptionsFor(where as Location ?? Location.None), isOn))
            {
                // A finding about the resource itself goes on its construct id, as the author names it.
                var where = finding.Where != null && finding.Where == finding.Resource.Where ? model.IdLocation(finding.Resource) : finding.Where;
                if (where is Location location)
                {
                    // A related resource is shown at its construct id.
                    var related = finding.Related.Select(r => r is AppResource resource ? model.IdLocation(resource) : r as Location);
                    sink.Report(finding.Finding, location, related.OfType<Location>().ToArray());
                }
            }
        }
    }
}
