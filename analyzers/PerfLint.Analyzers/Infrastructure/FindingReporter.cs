using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>Turns a knowledge-base <see cref="RuleFinding"/> into a Roslyn <see cref="Diagnostic"/>.</summary>
    public static class FindingReporter
    {
        /// <summary>Diagnostic property that carries <see cref="RuleFinding.Replacement"/> to the code fixes.</summary>
        public const string ReplacementProperty = "Replacement";

        /// <summary>
        /// Creates the diagnostic with the finding's own severity (a rule may report Warning or Info per value; the
        /// descriptor's default is the rule's highest). <c>.editorconfig</c> <c>dotnet_diagnostic.ID.severity</c>
        /// still overrides it: Roslyn applies the configured severity to every diagnostic of the ID.
        /// <paramref name="context"/>, where the value is away from its construct (<c>when stage is "prod"</c>, <c>reaches
        /// CfnCacheCluster "Cache" in CacheStack</c>), follows the finding's message in parentheses: the message itself
        /// is the knowledge base's.
        /// A value read from the CDK context (<paramref name="contextValue"/>) adds the file and key after that
        /// (<see cref="CdkContextValue.MessageSuffix"/>), with the JSON value as an additional location after
        /// <paramref name="related"/> (the other places a whole-app finding names).
        /// </summary>
        public static Diagnostic Create(RuleFinding finding, Location location, ImmutableDictionary<string, string?>? properties = null, string? context = null,
            CdkContextValue? contextValue = null, IReadOnlyList<Location>? related = null)
        {
            var additional = contextValue == null ? related : (related ?? Array.Empty<Location>()).Concat(new[] { contextValue.Location }).ToList();
            var descriptor = Descriptors.For(finding.RuleId);
            var props = properties ?? ImmutableDictionary<string, string?>.Empty;
            if (finding.Replacement != null && !props.ContainsKey(ReplacementProperty))
            {
                props = props.Add(ReplacementProperty, finding.Replacement);
            }

            props = FindingKey.AddConstruct(props, location);

            var severity = Descriptors.ToRoslyn(finding.Severity);
            return Diagnostic.Create(
                descriptor,
                location,
                severity,
                additionalLocations: additional,
                properties: props,
                messageArgs: new object[] { finding.Message + (context == null ? string.Empty : " (" + context + ")") + contextValue?.MessageSuffix });
        }
    }
}
