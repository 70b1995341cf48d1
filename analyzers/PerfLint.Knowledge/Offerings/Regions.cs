using System;
using System.Collections.Generic;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Offerings
{
    /// <summary>
    /// The region codes PerfLint has offerings for (Data/regions.csv: the 38 regions of cfn-lint's pricing-derived
    /// instance-type enums). A region's position is its bit in <see cref="ServiceOfferings"/>' region sets.
    /// </summary>
    public static class Regions
    {
        private static readonly Lazy<Dictionary<string, int>> Bits = new Lazy<Dictionary<string, int>>(Load);

        /// <summary>How many regions the data covers.</summary>
        public static int Count => Bits.Value.Count;

        /// <summary>True when the data has offerings for this region code (<c>us-east-1</c>).</summary>
        public static bool IsKnown(string? region) => region != null && Bits.Value.ContainsKey(region);

        internal static int BitOf(string region) => Bits.Value.TryGetValue(region, out var bit) ? bit : -1;

        private static Dictionary<string, int> Load()
        {
            var table = CsvTable.LoadEmbedded("regions.csv");
            var result = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                result[table.Get(row, "region")] = InstanceCatalog.ParseInt(table.Get(row, "bit")) ?? 0;
            }

            return result;
        }
    }
}
