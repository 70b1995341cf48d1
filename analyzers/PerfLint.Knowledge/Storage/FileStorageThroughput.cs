using System;
using System.Collections.Generic;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Storage
{
    /// <summary>
    /// The embedded EFS and FSx for Lustre throughput facts (<c>Data/file-storage-throughput.csv</c>, source and date
    /// per row) that PL4003 quotes: values are kept as written (ranges and lists are text). Loaded once; thread-safe.
    /// </summary>
    public static class FileStorageThroughput
    {
        public const string FileName = "file-storage-throughput.csv";

        private static readonly Lazy<Dictionary<string, (string Value, string Unit)>> Data = new Lazy<Dictionary<string, (string, string)>>(Load);

        /// <summary>The EFS throughput mode of a file system created without one (<c>bursting</c>).</summary>
        public static string EfsDefaultThroughputMode => Value("efs", "throughput_mode_default");

        /// <summary>A fact as "value unit" (<c>50 KiB/s per GiB</c>); lists are written with commas (<c>125, 250, 500, 1000 MB/s per TiB</c>).</summary>
        public static string Figure(string service, string name)
        {
            var (value, unit) = Data.Value[service + "/" + name];
            var text = value.Replace(";", ", ");
            return unit.Length == 0 ? text : text + " " + unit;
        }

        public static string Value(string service, string name) => Data.Value[service + "/" + name].Value;

        private static Dictionary<string, (string, string)> Load()
        {
            var csv = CsvTable.LoadEmbedded(FileName);
            var facts = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            foreach (var row in csv.Rows)
            {
                facts[csv.Get(row, "service").Trim() + "/" + csv.Get(row, "name").Trim()] = (csv.Get(row, "value").Trim(), csv.Get(row, "unit").Trim());
            }

            return facts;
        }
    }
}
