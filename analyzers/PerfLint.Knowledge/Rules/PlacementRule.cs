using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>PL2002: two or more p/trn/hpc (or other HPC-optimized) instances in one group with no cluster placement group.</summary>
    public static class PlacementRule
    {
        /// <summary>Families whose workloads (distributed training, tightly coupled HPC) need a cluster placement group.</summary>
        public static bool NeedsClusterPlacement(string? instanceType)
        {
            var info = InstanceCatalog.Find(instanceType);
            if (info == null)
            {
                return false;
            }

            var line = FamilyName.Parse(info.Family)?.Line;
            return info.Subcategory == "hpc" || line == "hpc" || line == "p" || line == "trn";
        }

        public static RuleFinding? Evaluate(string? instanceType, int instanceCount, bool hasClusterPlacementGroup, RuleOptions? options = null)
        {
            options ??= RuleOptions.Default;
            if (hasClusterPlacementGroup || instanceCount < options.MinFleetInstances || !NeedsClusterPlacement(instanceType))
            {
                return null;
            }

            var info = InstanceCatalog.Find(instanceType)!;
            return new RuleFinding(RuleIds.FleetWithoutClusterPlacementGroup, RuleSeverity.Info,
                "Up to " + instanceCount + " '" + info.Name + "' instances (" + Describe.Hardware(info) + ") run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'");
        }
    }
}
