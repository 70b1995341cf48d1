using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.Catalog
{
    /// <summary>A recommended successor for an instance type, with where the recommendation comes from.</summary>
    public sealed class Successor
    {
        public Successor(InstanceTypeName instanceType, int generation, string source)
        {
            InstanceType = instanceType;
            Generation = generation;
            Source = source;
        }

        /// <summary>The same size in the successor family, named for the same service.</summary>
        public InstanceTypeName InstanceType { get; }

        public int Generation { get; }

        /// <summary><c>AWS upgrade-paths table</c>, <c>analyst mapping</c> or <c>newest widely available family of the same line</c>.</summary>
        public string Source { get; }
    }

    /// <summary>
    /// Finds the current successor of a family: first the curated table (Data/family-successors.csv: AWS's upgrade
    /// paths plus a same-line analyst mapping), else the newest widely available family of the same line, processor
    /// and features (m5d -> m6id). The successor must offer the same size on the same service.
    /// </summary>
    public static class FamilySuccessors
    {
        public const string DerivedSource = "newest widely available family of the same line";

        private static readonly Lazy<Dictionary<string, string[]>> Table = new Lazy<Dictionary<string, string[]>>(Load);

        // The answer depends only on the type name (the catalog is fixed), and the analyzers ask for the same few types
        // on every sink: remember it instead of scanning every family again. A one-element array stores "none". Keyed by
        // the name's text (one per service, family and size): a dictionary keyed by the struct would be one more generic
        // instantiation for a fresh compiler to JIT.
        private static readonly ConcurrentDictionary<string, Successor?[]> Cache = new ConcurrentDictionary<string, Successor?[]>(StringComparer.Ordinal);

        public static Successor? For(InstanceTypeInfo info) =>
            Cache.GetOrAdd(info.Name.ToString(), _ => new[] { Curated(info) ?? Derived(info) })[0];

        private static Successor? Curated(InstanceTypeInfo info)
        {
            if (!Table.Value.TryGetValue(info.Family, out var row))
            {
                return null;
            }

            // Columns: intel, amd, graviton, accelerated, source.
            var candidates = new List<string>();
            if (info.Category == InstanceCategory.AcceleratedComputing) candidates.Add(row[3]);
            else if (info.CpuManufacturer == "aws") candidates.Add(row[2]);
            else if (info.CpuManufacturer == "amd") { candidates.Add(row[1]); candidates.Add(row[0]); }
            else { candidates.Add(row[0]); candidates.Add(row[1]); }
            candidates.Add(row[2]); // Graviton is the last resort (a1, t3 have only that)

            foreach (var family in candidates.Where(f => f.Length > 0))
            {
                var target = info.Name.With(family);
                if (ServiceFamilies.Offers(target))
                {
                    var gen = InstanceCatalog.FindFamily(family)?.Generation ?? FamilyName.Parse(family)?.Generation ?? 0;
                    return new Successor(target, gen, row[4]);
                }
            }

            return null;
        }

        private static Successor? Derived(InstanceTypeInfo info)
        {
            var me = FamilyName.Parse(info.Family);
            if (me == null)
            {
                return null;
            }

            var features = me.FeaturesFor(info.CpuManufacturer);
            Successor? best = null;
            foreach (var candidate in InstanceCatalog.Families)
            {
                if (candidate.CpuManufacturer != info.CpuManufacturer || candidate.Generation <= info.Generation ||
                    candidate.Generation <= (best?.Generation ?? 0))
                {
                    continue;
                }

                var other = FamilyName.Parse(candidate.Family);
                if (other == null || other.Line != me.Line || other.Variant != me.Variant ||
                    other.FeaturesFor(candidate.CpuManufacturer) != features ||
                    InstanceCatalog.RegionsOfFamily(candidate.Family) < InstanceCatalog.WidelyAvailableRegions)
                {
                    continue;
                }

                var target = info.Name.With(candidate.Family);
                if (ServiceFamilies.Offers(target))
                {
                    best = new Successor(target, candidate.Generation, DerivedSource);
                }
            }

            return best;
        }

        private static Dictionary<string, string[]> Load()
        {
            var table = CsvTable.LoadEmbedded("family-successors.csv");
            var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                result[table.Get(row, "family")] = new[]
                {
                    table.Get(row, "intel"), table.Get(row, "amd"), table.Get(row, "graviton"),
                    table.Get(row, "accelerated"), table.Get(row, "source"),
                };
            }

            return result;
        }
    }
}
