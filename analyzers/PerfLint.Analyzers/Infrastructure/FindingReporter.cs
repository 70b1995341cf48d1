using System.Collections.Immutable;
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
        /// </summary>
        public static Diagnostic Create(RuleFinding finding, Location location, ImmutableDictionary<string, string?>? properties = null) =>
            Create(finding, location, properties, null);

        /// <summary>
        /// The diagnostic about one value, at its node. A value read from the CDK context keeps the rule's message and
        /// adds the file and key (<see cref="CdkContextValue.MessageSuffix"/>), with the JSON value as an additional location.
        /// </summary>
        public static Diagnostic Create(RuleFinding finding, ResolvedValue value, ImmutableDictionary<string, string?>? properties = null) =>
            Create(finding, value.Location, properties, value.Context);

        private static Diagnostic Create(RuleFinding finding, Location location, ImmutableDictionary<string, string?>? properties, CdkContextValue? context)
        {
            var descriptor = Descriptors.For(finding.RuleId);
            var props = properties ?? ImmutableDictionary<string, string?>.Empty;
            if (finding.Replacement != null && !props.ContainsKey(ReplacementProperty))
            {
                props = props.Add(ReplacementProperty, finding.Replacement);
            }

            var severity = Descriptors.ToRoslyn(finding.Severity);
            return Diagnostic.Create(
                descriptor,
                location,
                severity,
                additionalLocations: context == null ? null : new[] { context.Location },
                properties: props,
                messageArgs: new object[] { context == null ? finding.Message : finding.Message + context.MessageSuffix });
        }
    }
}
