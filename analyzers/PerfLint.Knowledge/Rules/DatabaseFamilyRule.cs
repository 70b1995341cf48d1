using System.Linq;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL1002: a database or cache on a compute-optimized, accelerated or storage-optimized family. The replacement
    /// is the memory-optimized family of the same generation, processor and size (c5 -> r5, c6gd -> r6gd), else the
    /// newest memory-optimized family of that processor the service offers in that size — for the same use (engine,
    /// region) when it is known.
    /// </summary>
    public static class DatabaseFamilyRule
    {
        /// <summary>Judges a service-qualified name in the use its spelling implies, in the options' region.</summary>
        public static RuleFinding? Evaluate(string? instanceType, RuleOptions? options = null) =>
            InstanceTypeName.TryParse(instanceType, out var name) ? Evaluate(instanceType, InstanceUse.For(name, null), options) : null;

        public static RuleFinding? Evaluate(string? instanceType, InstanceUse use, RuleOptions? options = null)
        {
            options ??= RuleOptions.Default;
            var info = InstanceCatalog.Find(instanceType);
            if (info == null || options.IsFamilyAllowed(RuleIds.DatabaseOnWrongFamily, info.Family) || !IsWrongCategory(info))
            {
                return null;
            }

            use = use.OrRegion(options.Region);
            options = options.For(use);

            // ElastiCache offers the network-optimized c7gn node type on purpose for network-bound caches.
            if (info.Service == InstanceService.ElastiCache && info.Family == "c7gn")
            {
                return null;
            }

            var category = info.Category == InstanceCategory.ComputeOptimized ? "compute-optimized"
                : info.Category == InstanceCategory.AcceleratedComputing ? "an accelerated-computing"
                : "storage-optimized";
            var message = "'" + info.Name + "' is " + (category.StartsWith("an") ? category : "a " + category) + " family (" + Describe.Hardware(info) + ") for a memory-bound database or cache";
            var replacement = MemoryOptimizedTwin(info, use, options);
            if (replacement == null)
            {
                return new RuleFinding(RuleIds.DatabaseOnWrongFamily, RuleSeverity.Warning, message + "; choose a memory-optimized (r) family");
            }

            return new RuleFinding(RuleIds.DatabaseOnWrongFamily, RuleSeverity.Warning,
                message + "; '" + replacement.Name + "' has " + Describe.Hardware(replacement) + Describe.PriceComparison(replacement, info, options, " (", ")"),
                replacement.Name.ToString());
        }

        private static bool IsWrongCategory(InstanceTypeInfo info) =>
            info.Category == InstanceCategory.ComputeOptimized ||
            info.Category == InstanceCategory.AcceleratedComputing ||
            info.Category == InstanceCategory.StorageOptimized;

        private static InstanceTypeInfo? MemoryOptimizedTwin(InstanceTypeInfo info, InstanceUse use, RuleOptions options)
        {
            var parts = FamilyName.Parse(info.Family);
            if (parts != null)
            {
                var twin = InstanceCatalog.Find(info.Name.With("r" + parts.Generation + parts.Attributes + parts.Variant));
                // The same-generation twin only when it is not itself previous generation (bare EC2 c4 -> r4 is not a fix).
                if (twin != null && twin.Category == InstanceCategory.MemoryOptimized && ServiceOfferings.Offers(use, twin.Name) &&
                    PreviousGenerationRule.Evaluate(twin.Name.ToString(), use, options)?.Severity != RuleSeverity.Warning)
                {
                    return twin;
                }
            }

            return InstanceCatalog.Families
                .Where(f => f.Category == InstanceCategory.MemoryOptimized && f.CpuManufacturer == info.CpuManufacturer &&
                            FamilyName.Parse(f.Family) is FamilyName n && n.Line == "r" && n.Variant.Length == 0 &&
                            n.FeaturesFor(f.CpuManufacturer).Length == 0 &&
                            InstanceCatalog.RegionsOfFamily(f.Family) >= InstanceCatalog.WidelyAvailableRegions)
                .OrderByDescending(f => f.Generation)
                .Select(f => InstanceCatalog.Find(info.Name.With(f.Family)))
                .FirstOrDefault(t => t != null && ServiceOfferings.Offers(use, t.Name));
        }
    }
}
