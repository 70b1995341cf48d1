using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// Descriptors of the rules reported at compilation end. They carry the same metadata as
    /// <see cref="Descriptors"/> (from <see cref="RuleCatalog"/>) plus <see cref="WellKnownDiagnosticTags.CompilationEnd"/>,
    /// which tells the IDE that these diagnostics only appear in a full (build or solution-wide) analysis;
    /// Descriptors has no way to add a tag, hence this factory.
    /// </summary>
    public static class AppRuleDescriptors
    {
        private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> ById = new ConcurrentDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);

        public static DiagnosticDescriptor For(string ruleId) => ById.GetOrAdd(ruleId, Create);

        private static DiagnosticDescriptor Create(string ruleId)
        {
            var rule = RuleCatalog.Get(ruleId);
            return new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                rule.MessageFormat,
                rule.Category,
                Descriptors.ToRoslyn(rule.DefaultSeverity),
                rule.EnabledByDefault,
                rule.Description,
                RuleCatalog.GetHelpUri(rule.Id),
                WellKnownDiagnosticTags.CompilationEnd);
        }
    }

    /// <summary>
    /// Reports compilation-end findings: the finding's own severity (like <see cref="FindingReporter"/>), the
    /// locations of the other facts involved as additional locations, and each (location, message) once — a value
    /// reached through several call chains or connections is one diagnostic.
    /// </summary>
    public sealed class AppFindingSink
    {
        private readonly Action<Diagnostic> _report;
        private readonly HashSet<(string, Location, string)> _seen = new HashSet<(string, Location, string)>();

        public AppFindingSink(Action<Diagnostic> report)
        {
            _report = report;
        }

        public void Report(RuleFinding finding, Location location, params Location[] related)
        {
            if (location == Location.None || !location.IsInSource || !_seen.Add((finding.RuleId, location, finding.Message)))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (finding.Replacement != null)
            {
                properties = properties.Add(FindingReporter.ReplacementProperty, finding.Replacement);
            }

            var additional = related.Where(l => l != null && l.IsInSource && l != location).Distinct().ToList();
            _report(Diagnostic.Create(
                AppRuleDescriptors.For(finding.RuleId),
                location,
                Descriptors.ToRoslyn(finding.Severity),
                additional,
                properties,
                finding.Message));
        }
    }
}
