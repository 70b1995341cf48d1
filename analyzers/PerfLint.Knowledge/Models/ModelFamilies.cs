using System;
using System.Collections.Generic;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Models
{
    /// <summary>
    /// Model families whose name is a single size (Data/model-families.csv: <c>bloom</c> is BLOOM 176B), for ids the
    /// model table does not hold and whose name writes no size. A family matches the last path segment of the id as a
    /// whole, or followed only by release suffixes that keep the weights' count: <c>-instruct</c>, <c>-chat</c>,
    /// <c>-it</c>, <c>-hf</c> (any of them, in any order: <c>acme/bloom-chat-hf</c> is <c>bloom</c>). Any other
    /// suffix may name another model (<c>bloom-560m</c>, <c>whisper-large-v3-turbo</c>, <c>bloomz</c>) or other
    /// bytes per parameter (<c>-awq</c>), so the size stays unknown.
    /// </summary>
    internal static class ModelFamilies
    {
        private static readonly string[] ReleaseSuffixes = { "-instruct", "-chat", "-it", "-hf" };

        private static readonly Lazy<Dictionary<string, ModelSize>> Families = new Lazy<Dictionary<string, ModelSize>>(Load);

        /// <summary>The family size for <paramref name="segment"/> (the id's last path segment), or null.</summary>
        public static ModelSize? Find(string id, string segment)
        {
            var families = Families.Value;
            var name = segment;
            while (name.Length > 0)
            {
                if (families.TryGetValue(name, out var family))
                {
                    return new ModelSize(id, family.ParametersBillions, family.Source);
                }

                var stripped = WithoutReleaseSuffix(name);
                if (stripped == null)
                {
                    return null;
                }

                name = stripped;
            }

            return null;
        }

        private static string? WithoutReleaseSuffix(string name)
        {
            foreach (var suffix in ReleaseSuffixes)
            {
                if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return name.Substring(0, name.Length - suffix.Length);
                }
            }

            return null;
        }

        private static Dictionary<string, ModelSize> Load()
        {
            var table = CsvTable.LoadEmbedded("model-families.csv");
            var families = new Dictionary<string, ModelSize>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in table.Rows)
            {
                var family = table.Get(row, "family");
                var billions = InstanceCatalog.ParseDouble(table.Get(row, "parameters_billions"));
                if (family.Length > 0 && billions.HasValue && billions.Value > 0)
                {
                    families[family] = new ModelSize(family, billions.Value, "family '" + family + "': " + table.Get(row, "source"));
                }
            }

            return families;
        }
    }
}
