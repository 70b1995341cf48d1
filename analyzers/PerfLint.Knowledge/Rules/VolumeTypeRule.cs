using System;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>PL4001 gp2 -> gp3 and PL4002 io1 -> io2, for EBS volume types and RDS storage types alike.</summary>
    public static class VolumeTypeRule
    {
        private const string Gp2 = "gp2";
        private const string Io1 = "io1";

        public static RuleFinding? Evaluate(string? volumeType)
        {
            switch (volumeType?.Trim().ToLowerInvariant())
            {
                case Gp2:
                    return new RuleFinding(RuleIds.Gp2Volume, RuleSeverity.Warning,
                        "gp2 volume: gp3 costs 20% less ($0.08 vs $0.10 per GiB-month in us-east-1) and gives 3,000 IOPS and 125 MiB/s at any size, where gp2 gives 3 IOPS per GiB (a 100 GiB gp2 volume: 300 IOPS baseline); use gp3",
                        "gp3");
                case Io1:
                    return new RuleFinding(RuleIds.Io1Volume, RuleSeverity.Warning,
                        "io1 volume: io2 costs the same per GiB and per IOPS up to 32,000, is 100x more durable (99.999% vs 99.8-99.9%) and, as io2 Block Express, gives sub-millisecond latency; use io2",
                        "io2");
                default:
                    return null;
            }
        }

        public static bool IsFlagged(string? volumeType) => Evaluate(volumeType) != null;

        /// <summary>True when the text is a flagged type or a piece of one (<c>"gp"</c> of <c>"gp" + "2"</c>).</summary>
        public static bool MayBePartOfFlagged(string? text)
        {
            var piece = text?.Trim().ToLowerInvariant();
            return !string.IsNullOrEmpty(piece) && (Gp2.Contains(piece!) || Io1.Contains(piece!));
        }
    }
}
