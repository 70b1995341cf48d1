using System.Collections.Generic;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Cdk;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// The strings and identifiers of a compilation that may name an instance type, each with the names a rule judges
    /// (<see cref="InstanceTypeEvidence"/>). Built once per <see cref="SyntaxIndex"/>: every rule with instance-type
    /// evidence then looks only at these few texts instead of parsing every string and identifier of the project again.
    /// </summary>
    public sealed class InstanceTypeMentions
    {
        private static readonly char[] Separators = { '.', ' ', '\t', '/', ':', ',', ';', '"', '\'' };

        private InstanceTypeMentions(IReadOnlyList<Mention> all)
        {
            All = all;
        }

        /// <summary>Each text that may name an instance type: the names to judge, and the bodies holding the text.</summary>
        public IReadOnlyList<Mention> All { get; }

        public static InstanceTypeMentions Of(SyntaxIndex index)
        {
            var mentions = new List<Mention>();
            foreach (var entry in index.ByIdentifier)
            {
                // An InstanceClass member (STANDARD4) names its family.
                var family = CdkInstanceClass.FamilyOf(entry.Key);
                var names = family == null ? null : FamilySpellings(family, null);
                if (names != null)
                {
                    mentions.Add(new Mention(names, entry.Value));
                }
            }

            foreach (var entry in index.ByString)
            {
                var names = StringNames(entry.Key);
                if (names != null)
                {
                    mentions.Add(new Mention(names, entry.Value));
                }
            }

            return new InstanceTypeMentions(mentions);
        }

        /// <summary>
        /// An instance type literal in every service's spelling plus its own; else each separated part that is a family
        /// name (a fragment of a concatenation), in every spelling; null when the text names none.
        /// </summary>
        private static List<string>? StringNames(string text)
        {
            if (InstanceTypeName.TryParse(text, out var name))
            {
                var names = Spellings(name.Ec2Name, new List<string>());
                names.Add(name.ToString());
                return names;
            }

            // Parts longer than any family are not copied out: this runs on every distinct string of a project.
            var longest = InstanceCatalog.LongestFamilyName;
            List<string>? found = null;
            var start = 0;
            while (start < text.Length)
            {
                var end = text.IndexOfAny(Separators, start);
                end = end < 0 ? text.Length : end;
                if (end > start && end - start <= longest)
                {
                    found = FamilySpellings(text.Substring(start, end - start), found);
                }

                start = end + 1;
            }

            return found;
        }

        private static List<string>? FamilySpellings(string family, List<string>? names)
        {
            var representative = InstanceCatalog.FindFamily(family);
            return representative == null ? names : Spellings(representative.Name.Ec2Name, names ?? new List<string>());
        }

        /// <summary>The name as EC2, RDS and DocumentDB/Neptune (db.), ElastiCache (cache.), SageMaker (ml.) and OpenSearch (.search) write it.</summary>
        private static List<string> Spellings(string ec2Name, List<string> names)
        {
            names.Add(ec2Name);
            names.Add("db." + ec2Name);
            names.Add("cache." + ec2Name);
            names.Add("ml." + ec2Name);
            names.Add(ec2Name + ".search");
            return names;
        }

        /// <summary>A text that may name an instance type.</summary>
        public sealed class Mention
        {
            public Mention(IReadOnlyList<string> names, List<BodyEntry> bodies)
            {
                Names = names;
                Bodies = bodies;
            }

            /// <summary>The service-qualified names a rule is asked about; the text is evidence when it flags one.</summary>
            public IReadOnlyList<string> Names { get; }

            public List<BodyEntry> Bodies { get; }
        }
    }
}
