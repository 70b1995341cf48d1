using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// One <see cref="DiagnosticDescriptor"/> per rule, built from <see cref="RuleCatalog"/> so that the IDs, titles,
    /// categories and default severities the analyzers report are the ones `perflint check` reports too.
    /// </summary>
    public static class Descriptors
    {
        /// <summary>
        /// Rules that need facts from the whole compilation and report in a compilation-end action. Their descriptors
        /// carry <see cref="WellKnownDiagnosticTags.CompilationEnd"/>, which tells the IDE they appear only in a full
        /// (build or solution-wide) analysis.
        /// </summary>
        public static readonly ImmutableHashSet<string> CompilationEndRules = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            RuleIds.ImageAcceleratorMismatch,
            RuleIds.ModelDoesNotFitAccelerator,
            RuleIds.CrossAzChattyResources,
            RuleIds.FleetWithoutClusterPlacementGroup,
            RuleIds.WebsiteBucketWithoutCloudFront,
            RuleIds.LambdaToRdsWithoutProxy,
            RuleIds.EndpointWithoutAutoScaling);

        private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById =
            RuleCatalog.All.ToImmutableDictionary(r => r.Id, Create, StringComparer.Ordinal);

        /// <summary>Every rule's descriptor, in catalog order.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } =
            RuleCatalog.All.Select(r => ById[r.Id]).ToImmutableArray();

        /// <summary>The descriptor of <paramref name="ruleId"/> (a <see cref="RuleIds"/> constant).</summary>
        /// <exception cref="KeyNotFoundException">The ID is not in the catalog (a programming error).</exception>
        public static DiagnosticDescriptor For(string ruleId) => ById[ruleId];

        /// <summary>Maps the knowledge base's severity to Roslyn's.</summary>
        public static DiagnosticSeverity ToRoslyn(RuleSeverity severity)
        {
            switch (severity)
            {
                case RuleSeverity.Error: return DiagnosticSeverity.Error;
                case RuleSeverity.Warning: return DiagnosticSeverity.Warning;
                case RuleSeverity.Info: return DiagnosticSeverity.Info;
                default: return DiagnosticSeverity.Hidden;
            }
        }

        private static DiagnosticDescriptor Create(RuleInfo rule) =>
            new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                rule.MessageFormat,
                rule.Category,
                ToRoslyn(rule.DefaultSeverity),
                rule.EnabledByDefault,
                rule.Description,
                RuleCatalog.GetHelpUri(rule.Id),
                CompilationEndRules.Contains(rule.Id) ? new[] { WellKnownDiagnosticTags.CompilationEnd } : Array.Empty<string>());
    }
}
