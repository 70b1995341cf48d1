using System.Globalization;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>Formats the figures rule messages quote (vCPU, memory, price), the same way in both front ends.</summary>
    internal static class Describe
    {
        public static string Hardware(InstanceTypeInfo info)
        {
            var parts = new System.Collections.Generic.List<string>();
            if (info.VCpus.HasValue) parts.Add(info.VCpus.Value.ToString(CultureInfo.InvariantCulture) + " vCPU");
            if (info.MemoryGiB.HasValue) parts.Add(Number(info.MemoryGiB.Value) + " GiB");
            if (info.Accelerator.Count > 0) parts.Add(info.Accelerator.Count.ToString(CultureInfo.InvariantCulture) + "x " + info.Accelerator.Name + " (" + Number(info.Accelerator.TotalMemoryGiB) + " GiB)");
            return string.Join(", ", parts);
        }

        public static string Price(InstanceTypeInfo info) =>
            info.OnDemandUsdPerHour.HasValue
                ? "$" + info.OnDemandUsdPerHour.Value.ToString("0.####", CultureInfo.InvariantCulture) + "/h" + (info.PriceIsEc2Floor && info.Service != InstanceService.Ec2 ? " (EC2 price)" : string.Empty)
                : "price unknown";

        public static string Number(double value) => value.ToString(value >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
    }
}
