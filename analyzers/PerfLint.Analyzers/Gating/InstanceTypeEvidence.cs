using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Cdk;
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

        private static readonly char[] Separators = { '.', ' ', '\t', '/', ':', ',', ';', '"', '\'' };

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
        /// (<see cref="Gates.None"/> when none does), each distinct text judged once (<see cref="Gates.Holding"/>).
        /// </summary>
        public Func<BodyEntry, bool> In(SyntaxIndex index) => Gates.Holding(index, Identifier, String);

        private bool String(string text)
        {
            if (InstanceTypeName.TryParse(text, out var name))
            {
                return AnySpelling(name.Ec2Name) || _flags(name.ToString());
            }

            // Each separated part that could be a family name is looked up (the gate asks this of every distinct string
            // of a project, so parts longer than any family are not copied out).
            var longest = InstanceCatalog.LongestFamilyName;
            var start = 0;
            while (start < text.Length)
            {
                var end = text.IndexOfAny(Separators, start);
                end = end < 0 ? text.Length : end;
                if (end > start && end - start <= longest && Family(text.Substring(start, end - start)))
                {
                    return true;
                }

                start = end + 1;
            }

            return false;
        }

        private bool Identifier(string identifier)
        {
            var family = CdkInstanceClass.FamilyOf(identifier);
            return family != null && Family(family);
        }

        private bool Family(string family)
        {
            var representative = InstanceCatalog.FindFamily(family);
            return representative != null && AnySpelling(representative.Name.Ec2Name);
        }

        private bool AnySpelling(string ec2Name) =>
            _flags(ec2Name) || _flags("db." + ec2Name) || _flags("cache." + ec2Name) || _flags("ml." + ec2Name) || _flags(ec2Name + ".search");
    }
}
