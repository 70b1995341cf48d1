using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;

namespace PerfLint.Knowledge.Pricing
{
    /// <summary>
    /// Answers "what does this instance type cost": the user price file first (exact service, type and region), else
    /// the embedded EC2 snapshot (us-east-1 only), which for <c>db.*</c>, <c>cache.*</c>, <c>*.search</c> and <c>ml.*</c>
    /// is only the EC2 price of the same hardware, labelled as that floor. Immutable and thread-safe.
    /// </summary>
    public sealed class PriceBook
    {
        /// <summary>The region of the embedded snapshot.</summary>
        public const string EmbeddedRegion = "us-east-1";

        /// <summary>What the embedded snapshot is (Data/SOURCES.md).</summary>
        public const string EmbeddedSource = "Karpenter's generated us-east-1 On-Demand Linux price table (AWS Pricing API)";

        /// <summary>No user price file: the embedded snapshot only.</summary>
        public static PriceBook Embedded { get; } = new PriceBook(null, null, new Dictionary<string, PriceEntry>(StringComparer.Ordinal));

        private readonly Dictionary<string, PriceEntry> _entries;

        private PriceBook(string? fileName, string? imported, Dictionary<string, PriceEntry> entries)
        {
            FileName = fileName;
            Imported = imported;
            _entries = entries;
        }

        /// <summary>The user price file's name as given (no directory); null for the embedded book.</summary>
        public string? FileName { get; }

        /// <summary>The user price file's import date; null for the embedded book.</summary>
        public string? Imported { get; }

        /// <summary>How many (service, type, region) prices the user file supplies.</summary>
        public int Count => _entries.Count;

        /// <summary>The user file's prices in effect (one per service, type and region), for reports.</summary>
        public IEnumerable<PriceEntry> Entries => _entries.Values;

        /// <summary>A book of the user file's prices over the embedded snapshot. Rows that name no known service, type or region, or no positive price, are left out.</summary>
        public static PriceBook FromFile(PriceFile file, string fileName)
        {
            var entries = new Dictionary<string, PriceEntry>(StringComparer.Ordinal);
            foreach (var entry in file.Prices)
            {
                if (entry == null || !InstanceTypeName.TryParse(entry.InstanceType, out var name) || ServiceOf(entry.Service) != name.Service ||
                    string.IsNullOrWhiteSpace(entry.Region) || double.IsNaN(entry.UsdPerHour) || double.IsInfinity(entry.UsdPerHour) || entry.UsdPerHour <= 0 ||
                    (name.Service == InstanceService.SageMaker && !string.Equals(entry.Use, "Hosting", StringComparison.Ordinal)))
                {
                    continue;
                }

                var key = Key(name, entry.Region);
                // Several rows for one type and region (RDS engines and deployments, ElastiCache engines): the Single-AZ
                // row, then the lowest price; the quote names its engine and deployment, so it states a true fact.
                if (!entries.TryGetValue(key, out var kept) || Preferred(entry, kept))
                {
                    entries[key] = entry;
                }
            }

            return new PriceBook(System.IO.Path.GetFileName(fileName), file.Imported, entries);
        }

        /// <summary>The book of the file's text, or null when the text is not a price file (never throws).</summary>
        public static PriceBook? TryParse(string? json, string fileName) =>
            PriceFile.TryParse(json) is { } file ? FromFile(file, fileName) : null;

        /// <summary>
        /// The price of <paramref name="info"/> in <paramref name="region"/> (null: unknown, the user file is asked for
        /// us-east-1, the snapshot's region). Another region falls back to the us-east-1 snapshot, whose text names us-east-1.
        /// </summary>
        public PriceQuote Quote(InstanceTypeInfo info, string? region, InstanceUse? use = null)
        {
            var asked = string.IsNullOrWhiteSpace(region) ? null : region!.Trim().ToLowerInvariant();
            if (_entries.Count > 0 && PricedByItsServiceCode(use) && _entries.TryGetValue(Key(info.Name, asked ?? EmbeddedRegion), out var entry))
            {
                return PriceQuote.FromUserFile(info.Service, entry.UsdPerHour, KindOf(entry), entry.Region.Trim().ToLowerInvariant(), Imported!, FileName!, asked);
            }

            return SnapshotQuote(info, asked);
        }

        /// <summary>
        /// False for the services that take <c>db.*</c> names but have price lists of their own (AmazonDocDB,
        /// AmazonNeptune) or other prices (Multi-AZ DB clusters): an AmazonRDS row never speaks for them.
        /// </summary>
        private static bool PricedByItsServiceCode(InstanceUse? use) =>
            use == null || (use.Service != OfferingService.DocumentDb && use.Service != OfferingService.Neptune && use.Service != OfferingService.RdsMultiAzCluster);

        /// <summary>The embedded snapshot's figure alone, whatever the user file says.</summary>
        public static PriceQuote SnapshotQuote(InstanceTypeInfo info, string? region)
        {
            var asked = string.IsNullOrWhiteSpace(region) ? null : region!.Trim().ToLowerInvariant();
            return info.OnDemandUsdPerHour is { } usd
                ? PriceQuote.FromSnapshot(info.Service, usd, EmbeddedRegion, InstanceCatalog.PriceDate, EmbeddedSource,
                    isEc2Floor: info.Service != InstanceService.Ec2, asked)
                : PriceQuote.Unknown(info.Service, asked);
        }

        /// <summary>The AWS Price List service code of an instance type's service.</summary>
        public static string ServiceCode(InstanceService service)
        {
            switch (service)
            {
                case InstanceService.SageMaker: return "AmazonSageMaker";
                case InstanceService.Rds: return "AmazonRDS";
                case InstanceService.ElastiCache: return "AmazonElastiCache";
                case InstanceService.OpenSearch: return "AmazonES";
                default: return "AmazonEC2";
            }
        }

        /// <summary>What a user file's row is, as quotes name it: <c>SageMaker Hosting On-Demand</c>, <c>RDS PostgreSQL Single-AZ On-Demand</c>.</summary>
        public static string KindOf(PriceEntry entry)
        {
            string?[] parts;
            switch (ServiceOf(entry.Service))
            {
                case InstanceService.SageMaker: parts = new[] { "SageMaker", entry.Use }; break;
                case InstanceService.Rds: parts = new[] { "RDS", entry.Engine, entry.Deployment }; break;
                case InstanceService.ElastiCache: parts = new[] { "ElastiCache", entry.Engine }; break;
                case InstanceService.OpenSearch: parts = new string?[] { "OpenSearch" }; break;
                default: parts = new string?[] { "EC2" }; break;
            }

            return string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())) + " On-Demand";
        }

        private static InstanceService? ServiceOf(string? code)
        {
            switch (code)
            {
                case "AmazonEC2": return InstanceService.Ec2;
                case "AmazonSageMaker": return InstanceService.SageMaker;
                case "AmazonRDS": return InstanceService.Rds;
                case "AmazonElastiCache": return InstanceService.ElastiCache;
                case "AmazonES": return InstanceService.OpenSearch;
                default: return null;
            }
        }

        private static bool Preferred(PriceEntry candidate, PriceEntry kept)
        {
            var singleAz = IsSingleAz(candidate).CompareTo(IsSingleAz(kept));
            if (singleAz != 0)
            {
                return singleAz > 0;
            }

            return candidate.UsdPerHour < kept.UsdPerHour ||
                   candidate.UsdPerHour == kept.UsdPerHour && string.CompareOrdinal(KindOf(candidate), KindOf(kept)) < 0;
        }

        private static bool IsSingleAz(PriceEntry entry) =>
            string.IsNullOrEmpty(entry.Deployment) || string.Equals(entry.Deployment, "Single-AZ", StringComparison.OrdinalIgnoreCase);

        private static string Key(InstanceTypeName name, string region) => name + "|" + region.Trim().ToLowerInvariant();
    }
}
