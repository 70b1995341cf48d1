using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Offerings;

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

        /// <summary><c>AWS upgrade-paths table</c>, <c>analyst mapping …</c> or <see cref="FamilySuccessors.DerivedSource"/>.</summary>
        public string Source { get; }
    }

    /// <summary>
    /// Finds the current successor of a family for one use (service, engine or use, region): first the curated table
    /// (Data/family-successors.csv: AWS's upgrade paths, and an analyst mapping to the newest family of the same CPU
    /// line), else the newest widely available family of the same line, processor and features (m5d -> m6id). The
    /// successor must be the same size and offered by that use — in its region when the region is known.
    /// </summary>
    public static class FamilySuccessors
    {
        public const string DerivedSource = "newest widely available family of the same line";

        public const string AwsSource = "AWS upgrade-paths table";

        public const string AnalystSource = "analyst mapping: newest family of the same CPU line";

        private static readonly Lazy<Dictionary<string, Row>> Table = new Lazy<Dictionary<string, Row>>(Load);

        // The answer depends only on the type name and the use (the data is fixed), and the analyzers ask for the same
        // few types on every sink. A one-element array stores "none".
        private static readonly ConcurrentDictionary<string, Successor?[]> Cache = new ConcurrentDictionary<string, Successor?[]>(StringComparer.Ordinal);

        public static Successor? For(InstanceTypeInfo info, InstanceUse use) =>
            Cache.GetOrAdd(info.Name + "|" + use.Key, _ => new[] { Curated(info, use) ?? Derived(info, use) })[0];

        private static Successor? Curated(InstanceTypeInfo info, InstanceUse use)
        {
            if (!Table.Value.TryGetValue(info.Family, out var row))
            {
                return null;
            }

            foreach (var line in Lines(info))
            {
                // The analyst's newer family first; the AWS table's (or the analyst row's own) family after it.
                foreach (var (family, source) in row.Candidates(line))
                {
                    var target = info.Name.With(family);
                    if (ServiceOfferings.Offers(use, target))
                    {
                        var gen = InstanceCatalog.FindFamily(family)?.Generation ?? FamilyName.Parse(family)?.Generation ?? 0;
                        return new Successor(target, gen, source);
                    }
                }
            }

            return null;
        }

        /// <summary>The CPU lines to try, own line first; Graviton is the last resort (a1, t3 have only that).</summary>
        private static IEnumerable<Line> Lines(InstanceTypeInfo info)
        {
            if (info.Category == InstanceCategory.AcceleratedComputing) return new[] { Line.Accelerated, Line.Graviton };
            if (info.CpuManufacturer == "aws") return new[] { Line.Graviton };
            if (info.CpuManufacturer == "amd") return new[] { Line.Amd, Line.Intel, Line.Graviton };
            return new[] { Line.Intel, Line.Amd, Line.Graviton };
        }

        private static Successor? Derived(InstanceTypeInfo info, InstanceUse use)
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
                if (ServiceOfferings.Offers(use, target))
                {
                    best = new Successor(target, candidate.Generation, DerivedSource);
                }
            }

            return best;
        }

        private static Dictionary<string, Row> Load()
        {
            var table = CsvTable.LoadEmbedded("family-successors.csv");
            var result = new Dictionary<string, Row>(StringComparer.Ordinal);
            foreach (var r in table.Rows)
            {
                result[table.Get(r, "family")] = new Row(
                    new[] { table.Get(r, "intel"), table.Get(r, "amd"), table.Get(r, "graviton"), table.Get(r, "accelerated") },
                    new[] { table.Get(r, "analyst_intel"), table.Get(r, "analyst_amd"), table.Get(r, "analyst_graviton"), string.Empty },
                    table.Get(r, "source") == AwsSource);
            }

            return result;
        }

        private enum Line
        {
            Intel = 0,
            Amd = 1,
            Graviton = 2,
            Accelerated = 3,
        }

        private sealed class Row
        {
            private readonly string[] _families;
            private readonly string[] _analyst;
            private readonly bool _fromAws;

            public Row(string[] families, string[] analyst, bool fromAws)
            {
                _families = families;
                _analyst = analyst;
                _fromAws = fromAws;
            }

            public IEnumerable<(string Family, string Source)> Candidates(Line line)
            {
                var listed = _families[(int)line];
                var newer = _analyst[(int)line];
                if (newer.Length > 0 && newer != listed)
                {
                    yield return (newer, _fromAws ? AnalystSource + "; the AWS upgrade-paths table names " + (listed.Length > 0 ? listed : "no family of this line") : AnalystSource);
                }

                if (listed.Length > 0)
                {
                    yield return (listed, _fromAws ? AwsSource : AnalystSource);
                }
            }
        }
    }
}
