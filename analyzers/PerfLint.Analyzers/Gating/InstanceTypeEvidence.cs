using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// Whether a body's tokens may carry an instance type a rule flags, judged by the rule itself from the knowledge
    /// base: string literals that are instance types (in every service's spelling: <c>m4.large</c>, <c>db.m4.large</c>,
    /// <c>cache.</c>, <c>ml.</c>, <c>.search</c>) or hold a family name as a dot-separated part (a fragment of a
    /// concatenation), and <c>InstanceClass</c> member names (<c>STANDARD4</c>).
    /// </summary>
    public sealed class InstanceTypeEvidence
    {
        /// <summary>The options under which a rule flags the most: no allowed families, the smallest generation gap.</summary>
        public static readonly RuleOptions Permissive = WithGenerationGap(1);

        private readonly Func<string, bool> _flags;

        /// <summary>
        /// Evidence for a rule's decision, taken under <paramref name="options"/> (default <see cref="Permissive"/>), in
        /// every use a name's spelling allows (<c>db.</c>: RDS, Multi-AZ clusters, DocumentDB, Neptune), any engine and
        /// region: a sink's own use and region only narrow what the rule flags.
        /// </summary>
        public static InstanceTypeEvidence For(Func<string, InstanceUse, RuleOptions, RuleFinding?> rule, RuleOptions? options = null)
        {
            options ??= Permissive;
            return new InstanceTypeEvidence(name =>
            {
                if (!InstanceTypeName.TryParse(name, out var parsed))
                {
                    return false;
                }

                foreach (var use in InstanceUse.PossibleUses(parsed))
                {
                    if (rule(name, use, options) != null)
                    {
                        return true;
                    }
                }

                return false;
            });
        }

        /// <summary>
        /// The options under which PL1001 flags the most in this compilation: no allowed families, and the smallest
        /// <c>PL1001.min_generation_gap</c> of any file's options (a finding reads those of the file it is reported
        /// in). With the default gap of 2, a family one generation behind (<c>m7g</c> next to <c>m8g</c>) is not
        /// evidence, so code full of current types binds nothing.
        /// </summary>
        public static RuleOptions MostPermissive(SyntaxIndex index, AnalyzerOptions options)
        {
            var gap = RuleOptions.Default.MinGenerationGap;
            foreach (var fileOptions in options.DistinctRuleOptions(index))
            {
                gap = Math.Min(gap, fileOptions.MinGenerationGap);
            }

            return WithGenerationGap(gap);
        }

        private static RuleOptions WithGenerationGap(int gap)
        {
            var text = gap.ToString(CultureInfo.InvariantCulture);
            return new RuleOptions(key => key == RuleOptions.MinGenerationGapKey ? text : null);
        }

        /// <param name="flags">The rule on a service-qualified instance type name (true: it reports it).</param>
        public InstanceTypeEvidence(Func<string, bool> flags)
        {
            _flags = flags;
        }

        /// <summary>
        /// The bodies of <paramref name="index"/> that hold a string or an <c>InstanceClass</c> member the rule may flag
        /// (<see cref="Gates.None"/> when none does): only the texts that may name an instance type are asked
        /// (<see cref="SyntaxIndex.InstanceTypeMentions"/>, found once for every rule).
        /// </summary>
        public Func<BodyEntry, bool> In(SyntaxIndex index)
        {
            var holding = new HashSet<BodyEntry>();
            foreach (var mention in index.InstanceTypeMentions.All)
            {
                foreach (var name in mention.Names)
                {
                    if (_flags(name))
                    {
                        holding.UnionWith(mention.Bodies);
                        break;
                    }
                }
            }

            return holding.Count == 0 ? Gates.None : holding.Contains;
        }
    }
}
