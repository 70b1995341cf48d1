using System.Globalization;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>Formats the figures rule messages quote (vCPU, memory, price), the same way in both front ends.</summary>
    public static class Describe
    {
        public static string Hardware(InstanceTypeInfo info)
        {
            var parts = new System.Collections.Generic.List<string>();
            if (info.VCpus.HasValue) parts.Add(info.VCpus.Value.ToString(CultureInfo.InvariantCulture) + " vCPU");
            if (info.MemoryGiB.HasValue) parts.Add(Number(info.MemoryGiB.Value) + " GiB");
            if (info.Accelerator.Count > 0) parts.Add(info.Accelerator.Count.ToString(CultureInfo.InvariantCulture) + "x " + info.Accelerator.Name + " (" + Number(info.Accelerator.TotalMemoryGiB) + " GiB)");
            return string.Join(", ", parts);
        }

        /// <summary>The price of <paramref name="info"/> with its provenance, from the options' price book and region.</summary>
        public static string Price(InstanceTypeInfo info, RuleOptions? options = null) => Quote(info, options).Text;

        public static PriceQuote Quote(InstanceTypeInfo info, RuleOptions? options)
        {
            options ??= RuleOptions.Default;
            return options.Prices.Quote(info, options.Region, options.Use);
        }

        /// <summary>
        /// "$a/h vs $b/h" and their shared provenance, between <paramref name="before"/> and <paramref name="after"/>,
        /// when the two quotes are of the same kind (both real prices of one service, region and table, or both EC2
        /// floors of one service from one table); otherwise empty: figures of different kinds are never set side by side.
        /// </summary>
        public static string PriceComparison(InstanceTypeInfo candidate, InstanceTypeInfo current, RuleOptions? options, string before = "", string after = "")
        {
            var a = Quote(candidate, options);
            var b = Quote(current, options);
            return a.IsComparableWith(b) ? before + a.Figure + " vs " + b.Figure + a.Label + after : string.Empty;
        }

        public static string Number(double value) => value.ToString(value >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
    }
}
