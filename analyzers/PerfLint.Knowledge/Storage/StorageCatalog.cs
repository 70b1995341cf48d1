using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Storage
{
    /// <summary>
    /// The embedded storage facts (<c>Data/storage-volume-types.csv</c>): one row per service, volume type and, for
    /// RDS gp3, engine group. Loaded once, on first use; thread-safe.
    /// </summary>
    public static class StorageCatalog
    {
        /// <summary>The embedded file's name.</summary>
        public const string FileName = "storage-volume-types.csv";

        private static readonly Lazy<IReadOnlyList<StorageVolumeType>> Data = new Lazy<IReadOnlyList<StorageVolumeType>>(Load);

        /// <summary>Every row.</summary>
        public static IReadOnlyList<StorageVolumeType> All => Data.Value;

        /// <summary>The row for a service's volume type and engine group (the engine-independent row when the engine has none), or null.</summary>
        public static StorageVolumeType? Find(StorageService service, string volumeType, string? engine = null)
        {
            StorageVolumeType? general = null;
            foreach (var row in Data.Value)
            {
                if (row.Service != service || row.VolumeType != volumeType)
                {
                    continue;
                }

                if (row.Engine == null)
                {
                    general = row;
                }
                else if (row.Engine == engine)
                {
                    return row;
                }
            }

            return general;
        }

        /// <summary>Every engine-specific row of a service's volume type (RDS gp3 per engine group).</summary>
        public static IReadOnlyList<StorageVolumeType> PerEngine(StorageService service, string volumeType) =>
            Data.Value.Where(r => r.Service == service && r.VolumeType == volumeType && r.Engine != null).ToList();

        private static IReadOnlyList<StorageVolumeType> Load()
        {
            var table = CsvTable.LoadEmbedded(FileName);
            var rows = new List<StorageVolumeType>();
            foreach (var r in table.Rows)
            {
                string? Text(string column)
                {
                    var value = table.Get(r, column).Trim();
                    return value.Length == 0 ? null : value;
                }

                int? Int(string column) => Text(column) is string s ? int.Parse(s, CultureInfo.InvariantCulture) : (int?)null;
                decimal? Dec(string column) => Text(column) is string s ? decimal.Parse(s, CultureInfo.InvariantCulture) : (decimal?)null;

                rows.Add(new StorageVolumeType(ParseService(table.Get(r, "service")), table.Get(r, "volume_type"), Text("engine"))
                {
                    UsdPerGibMonth = Dec("usd_per_gib_month_us_east_1"),
                    UsdPerIopsMonth = Dec("usd_per_iops_month_us_east_1"),
                    IopsPriceTierMaxIops = Int("iops_price_tier_max_iops"),
                    BaselineIops = Int("baseline_iops"),
                    BaselineIopsPerGib = Int("baseline_iops_per_gib"),
                    BaselineMibps = Int("baseline_mibps"),
                    ThresholdGib = Int("threshold_gib"),
                    BaselineIopsFromThreshold = Int("baseline_iops_from_threshold"),
                    BaselineMibpsFromThreshold = Int("baseline_mibps_from_threshold"),
                    MaxIops = Int("max_iops"),
                    MaxMibps = Int("max_mibps"),
                    MaxSizeTib = Int("max_size_tib"),
                    Durability = Text("durability"),
                    Source = table.Get(r, "source"),
                    Checked = table.Get(r, "checked"),
                });
            }

            return rows;
        }

        private static StorageService ParseService(string service)
        {
            switch (service)
            {
                case "ebs": return StorageService.Ebs;
                case "rds": return StorageService.Rds;
                case "opensearch": return StorageService.OpenSearch;
                default: throw new FormatException("Unknown storage service in " + FileName + ": " + service);
            }
        }
    }
}
