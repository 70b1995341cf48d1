using System;
using System.Collections.Generic;
using System.Globalization;

namespace PerfLint.Knowledge.Catalog
{
    /// <summary>
    /// The accelerated EC2 types that support Elastic Fabric Adapter (<c>Data/efa-instance-types.csv</c>, source and
    /// date per row): how many EFA interfaces each takes and its network bandwidth. A type with no row is not known to
    /// support EFA, and PL2004 says nothing about it. Loaded once, on first use; thread-safe.
    /// </summary>
    public static class EfaCatalog
    {
        public const string FileName = "efa-instance-types.csv";

        private static readonly Lazy<Dictionary<string, EfaInstanceType>> Data = new Lazy<Dictionary<string, EfaInstanceType>>(Load);

        /// <summary>Every row.</summary>
        public static IEnumerable<EfaInstanceType> All => Data.Value.Values;

        /// <summary>The EFA facts of an EC2 type (<c>p5.48xlarge</c>; SageMaker's <c>ml.</c> names have no row), or null.</summary>
        public static EfaInstanceType? Find(string? instanceType) =>
            instanceType != null && Data.Value.TryGetValue(instanceType.Trim(), out var row) ? row : null;

        private static Dictionary<string, EfaInstanceType> Load()
        {
            var table = CsvTable.LoadEmbedded(FileName);
            var rows = new Dictionary<string, EfaInstanceType>(StringComparer.OrdinalIgnoreCase);
            foreach (var r in table.Rows)
            {
                var bandwidth = table.Get(r, "network_bandwidth_gbps").Trim();
                rows[table.Get(r, "type")] = new EfaInstanceType(
                    table.Get(r, "type"),
                    int.Parse(table.Get(r, "efa_interfaces"), CultureInfo.InvariantCulture),
                    bandwidth.Length == 0 ? (int?)null : int.Parse(bandwidth, CultureInfo.InvariantCulture),
                    table.Get(r, "source"),
                    table.Get(r, "checked"));
            }

            return rows;
        }
    }

    /// <summary>One row of <c>Data/efa-instance-types.csv</c>.</summary>
    public sealed class EfaInstanceType
    {
        public EfaInstanceType(string type, int efaInterfaces, int? networkBandwidthGbps, string source, string checkedOn)
        {
            Type = type;
            EfaInterfaces = efaInterfaces;
            NetworkBandwidthGbps = networkBandwidthGbps;
            Source = source;
            Checked = checkedOn;
        }

        public string Type { get; }

        /// <summary>The most EFA interfaces an instance takes (Karpenter's <c>vpc.amazonaws.com/efa</c> resource).</summary>
        public int EfaInterfaces { get; }

        /// <summary>The instance's network bandwidth in Gbps; null where the source gives none.</summary>
        public int? NetworkBandwidthGbps { get; }

        public string Source { get; }

        public string Checked { get; }
    }
}
