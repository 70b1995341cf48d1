using System;

namespace PerfLint.Knowledge.Catalog
{
    /// <summary>
    /// The parts of an instance family name: line letters, generation, processor letter and feature letters.
    /// <c>m6idn</c> = line <c>m</c>, generation 6, processor <c>i</c>, features <c>dn</c>;
    /// <c>c7i-flex</c> keeps <c>-flex</c> as its variant; <c>inf2</c> = line <c>inf</c>, generation 2.
    /// </summary>
    public sealed class FamilyName
    {
        private FamilyName(string family, string line, int generation, string attributes, string variant)
        {
            Family = family;
            Line = line;
            Generation = generation;
            Attributes = attributes;
            Variant = variant;
        }

        public string Family { get; }

        public string Line { get; }

        public int Generation { get; }

        /// <summary>Letters after the generation digit (processor letter included), e.g. <c>idn</c>.</summary>
        public string Attributes { get; }

        /// <summary>A hyphenated suffix such as <c>-flex</c> or <c>-6tb</c>, or empty.</summary>
        public string Variant { get; }

        /// <summary>The attribute letters without the processor letter: what the hardware adds (d, n, e, z, b).</summary>
        public string FeaturesFor(string cpuManufacturer)
        {
            if (Attributes.Length == 0)
            {
                return Attributes;
            }

            var cpuLetter = cpuManufacturer == "aws" ? 'g' : cpuManufacturer == "amd" ? 'a' : cpuManufacturer == "intel" ? 'i' : '\0';
            return Attributes[0] == cpuLetter ? Attributes.Substring(1) : Attributes;
        }

        public static FamilyName? Parse(string family)
        {
            if (string.IsNullOrEmpty(family))
            {
                return null;
            }

            var dash = family.IndexOf('-');
            var core = dash >= 0 ? family.Substring(0, dash) : family;
            var variant = dash >= 0 ? family.Substring(dash) : string.Empty;
            var i = 0;
            while (i < core.Length && char.IsLetter(core[i])) i++;
            var digitsStart = i;
            while (i < core.Length && char.IsDigit(core[i])) i++;
            if (digitsStart == 0 || i == digitsStart)
            {
                return null;
            }

            var generation = int.Parse(core.Substring(digitsStart, i - digitsStart), System.Globalization.CultureInfo.InvariantCulture);
            return new FamilyName(family, core.Substring(0, digitsStart), generation, core.Substring(i), variant);
        }
    }
}
