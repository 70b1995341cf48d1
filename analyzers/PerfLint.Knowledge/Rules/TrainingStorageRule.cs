using System;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Storage;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL4003: an EFS file system in Bursting throughput mode (written, or unset: the EFS API's default) or Max I/O
    /// performance mode, read by accelerated compute (a GPU or a training accelerator). Info, with EFS Elastic
    /// throughput and FSx for Lustre PERSISTENT_2, every figure from <see cref="FileStorageThroughput"/>.
    /// </summary>
    public static class TrainingStorageRule
    {
        /// <param name="throughputMode">The written <c>ThroughputMode</c> (<c>bursting</c>, <c>BURSTING</c>); null when unset.</param>
        /// <param name="performanceMode">The written <c>PerformanceMode</c> (<c>maxIO</c>, <c>MAX_IO</c>); null when unset.</param>
        public static RuleFinding? Evaluate(string fileSystem, string? throughputMode, string? performanceMode, string compute, string? instanceType)
        {
            var info = InstanceCatalog.Find(instanceType);
            if (info == null || !(info.Accelerator.Kind.IsGpu() || AcceleratorRoles.RoleOf(instanceType) == AcceleratorRole.Training))
            {
                return null;
            }

            var bursting = IsBursting(throughputMode ?? FileStorageThroughput.EfsDefaultThroughputMode);
            var maxIo = performanceMode != null && IsMaxIo(performanceMode);
            if (!bursting && !maxIo)
            {
                return null;
            }

            var problems = new System.Collections.Generic.List<string>();
            if (bursting)
            {
                problems.Add("Bursting throughput" + (throughputMode == null ? " (the EFS default when ThroughputMode is unset)" : string.Empty) + " gives a baseline of " +
                             FileStorageThroughput.Figure("efs", "bursting_baseline_kibps_per_gib") + " stored and bursts to " + FileStorageThroughput.Figure("efs", "bursting_burst_mibps") +
                             " only while burst credits last");
            }

            if (maxIo)
            {
                problems.Add("Max I/O performance mode has higher per-operation latencies than General Purpose, and Elastic throughput needs General Purpose");
            }

            return new RuleFinding(RuleIds.TrainingDataOnThrottledEfs, RuleSeverity.Info,
                "EFS file system '" + fileSystem + "' is read by accelerated compute '" + compute + "' ('" + info.Name + "', " + Describe.Hardware(info) + "): " +
                string.Join("; ", problems) + "; use " + (maxIo ? "General Purpose with " : string.Empty) + "Elastic throughput (" +
                FileStorageThroughput.Figure("efs", "elastic_read_gibps") + " read, " + FileStorageThroughput.Figure("efs", "elastic_write_gibps") +
                " write per file system) or FSx for Lustre PERSISTENT_2 (" + FileStorageThroughput.Figure("fsx_lustre", "persistent_2_per_unit_mbps_per_tib") + " of storage)");
        }

        public static bool IsBursting(string throughputMode) => Normal(throughputMode) == "bursting";

        public static bool IsMaxIo(string performanceMode) => Normal(performanceMode) == "maxio";

        /// <summary><c>MAX_IO</c>, <c>maxIO</c> and <c>Max_IO</c> read alike: CDK enum members against template strings.</summary>
        private static string Normal(string text) => text.Replace("_", string.Empty).Trim().ToLowerInvariant();
    }
}
