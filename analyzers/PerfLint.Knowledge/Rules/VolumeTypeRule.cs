using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PerfLint.Knowledge.Storage;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL4001 gp2 -> gp3 and PL4002 io1 -> io2, decided per service: EBS, RDS (per engine group when known) and
    /// OpenSearch have different prices, baselines and offerings. Every figure in a message comes from
    /// <see cref="StorageCatalog"/> (source and date in Data/storage-volume-types.csv).
    /// </summary>
    public static class VolumeTypeRule
    {
        private const string Gp2 = "gp2";
        private const string Gp3 = "gp3";
        private const string Io1 = "io1";
        private const string Io2 = "io2";

        /// <summary>An example size for gp2's size-bound baseline (a 100 GiB volume).</summary>
        private const int ExampleGib = 100;

        /// <summary>The decision for a volume type written for EBS (volumes, block devices, launch templates).</summary>
        public static RuleFinding? Evaluate(string? volumeType) => Evaluate(volumeType, StorageService.Ebs);

        /// <summary>
        /// The decision for a volume type written for <paramref name="service"/>; <paramref name="rdsEngine"/> is the
        /// RDS engine as written (<c>mysql</c>, <c>oracle-ee</c>, <c>Postgres</c>) when known.
        /// </summary>
        public static RuleFinding? Evaluate(string? volumeType, StorageService service, string? rdsEngine = null)
        {
            switch (volumeType?.Trim().ToLowerInvariant())
            {
                case Gp2:
                    return Gp2Finding(service, RdsEngine.GroupOf(rdsEngine), "gp2 " + Noun(service) + ": ");
                case Io1:
                    return Io1Finding(service);
                default:
                    return null;
            }
        }

        /// <summary>
        /// An RDS DB instance whose StorageType is unset: CDK's DatabaseInstance (and FromSnapshot, ReadReplica)
        /// writes gp2 for it (aws-cdk-lib rds/lib/instance.ts: <c>props.storageType ?? StorageType.GP2</c>).
        /// Aurora storage is not gp2: nothing for Aurora engines.
        /// </summary>
        public static RuleFinding? EvaluateUnsetRdsStorageType(string? rdsEngine)
        {
            var engine = RdsEngine.GroupOf(rdsEngine);
            return engine == "aurora" ? null : Gp2Finding(StorageService.Rds, engine, "StorageType is unset and defaults to gp2 for a CDK DatabaseInstance: ");
        }

        public static bool IsFlagged(string? volumeType) => Evaluate(volumeType) != null;

        /// <summary>True when the text is a flagged type or a piece of one (<c>"gp"</c> of <c>"gp" + "2"</c>).</summary>
        public static bool MayBePartOfFlagged(string? text)
        {
            var piece = text?.Trim().ToLowerInvariant();
            return !string.IsNullOrEmpty(piece) && (Gp2.Contains(piece!) || Io1.Contains(piece!));
        }

        private static string Noun(StorageService service) => service == StorageService.Rds ? "storage" : "volume";

        private static RuleFinding? Gp2Finding(StorageService service, string? engine, string lead)
        {
            var gp2 = StorageCatalog.Find(service, Gp2, engine);
            var gp3 = service == StorageService.Rds && engine == null
                ? StorageCatalog.PerEngine(service, Gp3).FirstOrDefault()
                : StorageCatalog.Find(service, Gp3, engine);
            if (gp2 == null || gp3 == null || (engine != null && gp3.Engine != engine))
            {
                // No gp3 facts for the service, or for that engine (Aurora, Db2: no gp2 to move from).
                return null;
            }

            switch (service)
            {
                case StorageService.Ebs:
                    return new RuleFinding(RuleIds.Gp2Volume, RuleSeverity.Warning, lead + EbsGp2(gp2, gp3) + "; use gp3", Gp3);
                case StorageService.Rds:
                    return RdsGp2(lead, gp2, engine);
                default:
                    // No source quotes OpenSearch's own gp3 figures: only that its data nodes take gp3.
                    return new RuleFinding(RuleIds.Gp2Volume, RuleSeverity.Info,
                        lead + "OpenSearch Service data nodes also take gp3 EBS volumes (" + Cite("OpenSearch EBSOptions API", gp3) + "); consider gp3", Gp3);
            }
        }

        private static string EbsGp2(StorageVolumeType gp2, StorageVolumeType gp3)
        {
            var text = new List<string>();
            if (gp2.UsdPerGibMonth is decimal old && gp3.UsdPerGibMonth is decimal price && price < old)
            {
                text.Add("gp3 costs " + Percent((old - price) / old) + " less per GiB-month (" + Usd(price) + " vs " + Usd(old) + ", " + Cite("EBS us-east-1", gp3) + ")");
            }

            var baseline = Baseline(gp3.BaselineIops, gp3.BaselineMibps);
            var tail = gp2.BaselineIopsPerGib is int perGib
                ? ", where gp2 gives " + perGib + " IOPS per GiB (a " + ExampleGib + " GiB gp2 volume: " + Count(perGib * ExampleGib) + " IOPS baseline)"
                : string.Empty;
            if (baseline != null)
            {
                text.Add((text.Count == 0 ? "gp3 " : string.Empty) + "gives " + baseline + " at any size" + tail);
            }

            return string.Join(" and ", text);
        }

        /// <summary>
        /// RDS prices gp2 and gp3 alike per GB-month, so only the baselines are quoted. A warning where gp3's baseline
        /// is the higher one up to a large size for that engine (a 12,000 IOPS tier from a threshold); info where it
        /// is not known to be (SQL Server: 3,000 IOPS at any size, which gp2 passes from 1,000 GiB) or the engine is unknown.
        /// </summary>
        private static RuleFinding RdsGp2(string lead, StorageVolumeType gp2, string? engine)
        {
            var rows = engine != null && StorageCatalog.Find(StorageService.Rds, Gp3, engine) is StorageVolumeType row && row.Engine == engine
                ? new[] { row }
                : StorageCatalog.PerEngine(StorageService.Rds, Gp3).ToArray();
            var one = rows.Length == 1 ? rows[0] : null;
            var where = one != null ? "on RDS for " + RdsEngine.DisplayName(one.Engine!) : "on RDS";
            var text = lead + where + ", gp3 gives " + RdsGp3Baselines(rows);
            if (gp2.BaselineIopsPerGib is int perGib)
            {
                text += ", where gp2 gives " + perGib + " IOPS per GiB (" + ExampleGib + " GiB: " + Count(perGib * ExampleGib) + " IOPS baseline)";
            }

            text += " (" + Cite("RDS user guide", rows.Length > 0 ? rows[0] : gp2) + "); use gp3";
            var severity = one?.ThresholdGib != null ? RuleSeverity.Warning : RuleSeverity.Info;
            return new RuleFinding(RuleIds.Gp2Volume, severity, text, Gp3);
        }

        /// <summary>"a 3,000 IOPS and 125 MiB/s baseline below 400 GiB and 12,000 IOPS and 500 MiB/s from 400 GiB (MySQL, PostgreSQL)".</summary>
        private static string RdsGp3Baselines(IReadOnlyList<StorageVolumeType> rows)
        {
            var first = rows.FirstOrDefault(r => r.BaselineIops != null);
            if (first == null)
            {
                return "its own baseline";
            }

            var anySize = "a " + Baseline(first.BaselineIops, first.BaselineMibps) + " baseline";
            if (rows.Count == 1)
            {
                return first.ThresholdGib is int gib
                    ? anySize + " below " + Count(gib) + " GiB and " + Baseline(first.BaselineIopsFromThreshold, first.BaselineMibpsFromThreshold) + " from " + Count(gib) + " GiB"
                    : anySize + " at any size";
            }

            // Unknown engine: the tiers of every engine group, grouped by threshold.
            var tiers = rows.Where(r => r.ThresholdGib != null)
                .GroupBy(r => (r.ThresholdGib, r.BaselineIopsFromThreshold, r.BaselineMibpsFromThreshold))
                .OrderByDescending(g => g.Key.ThresholdGib)
                .Select(g => Count(g.Key.ThresholdGib!.Value) + " GiB (" + string.Join(", ", g.Select(r => RdsEngine.DisplayName(r.Engine!)).OrderBy(n => n, System.StringComparer.Ordinal)) + ")")
                .ToList();
            var higher = rows.FirstOrDefault(r => r.ThresholdGib != null);
            return higher == null || tiers.Count == 0
                ? anySize + " at any size"
                : anySize + " at any size, and " + Baseline(higher.BaselineIopsFromThreshold, higher.BaselineMibpsFromThreshold) + " from " + string.Join(" or ", tiers);
        }

        private static RuleFinding? Io1Finding(StorageService service)
        {
            var io1 = StorageCatalog.Find(service, Io1);
            var io2 = StorageCatalog.Find(service, Io2);
            if (io2 == null)
            {
                // The service offers no io2 (OpenSearch): there is nothing to move to.
                return null;
            }

            if (service == StorageService.Rds)
            {
                return new RuleFinding(RuleIds.Io1Volume, RuleSeverity.Warning,
                    "io1 storage: RDS recommends io2 Block Express storage for I/O-intensive and latency-sensitive workloads (" + Cite("RDS user guide", io2) + "); use io2", Io2);
            }

            var text = new List<string>();
            if (io1 != null && io1.UsdPerGibMonth is decimal gib && io2.UsdPerGibMonth == gib)
            {
                var same = "io2 costs the same per GiB-month (" + Usd(gib) + ", " + Cite("EBS us-east-1", io2) + ")";
                if (io1.UsdPerIopsMonth is decimal iops && io2.UsdPerIopsMonth == iops)
                {
                    same += " and per provisioned IOPS" + (io2.IopsPriceTierMaxIops is int tier ? " up to " + Count(tier) : string.Empty) + " (" + Usd(iops) + ")";
                }

                text.Add(same);
            }

            if (io1?.Durability != null && io2.Durability != null && io1.Durability != io2.Durability)
            {
                text.Add("is more durable (" + io2.Durability + " vs " + io1.Durability + ")");
            }

            var limits = Limits(io2);
            if (limits != null)
            {
                var old = io1 == null ? null : Limits(io1);
                text.Add("goes up to " + limits + " per volume" + (old != null ? " (io1: " + old + ")" : string.Empty));
            }

            var body = string.Join(", ", text.Take(text.Count - 1)) + (text.Count > 1 ? " and " : string.Empty) + text.LastOrDefault();
            return new RuleFinding(RuleIds.Io1Volume, RuleSeverity.Warning, "io1 volume: " + body + "; use io2", Io2);
        }

        private static string? Limits(StorageVolumeType row)
        {
            var parts = new List<string>();
            if (row.MaxIops is int iops) parts.Add(Count(iops) + " IOPS");
            if (row.MaxMibps is int mibps) parts.Add(Count(mibps) + " MiB/s");
            if (row.MaxSizeTib is int tib) parts.Add(Count(tib) + " TiB");
            return parts.Count == 0 ? null : string.Join(", ", parts);
        }

        private static string? Baseline(int? iops, int? mibps) =>
            iops is int i ? Count(i) + " IOPS" + (mibps is int m ? " and " + Count(m) + " MiB/s" : string.Empty) : null;

        private static string Cite(string what, StorageVolumeType row) => what + ", checked " + row.Checked;

        private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

        private static string Usd(decimal value) => "$" + value.ToString("0.00##", CultureInfo.InvariantCulture);

        private static string Percent(decimal fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }
}
