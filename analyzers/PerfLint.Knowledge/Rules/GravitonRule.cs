using System.Linq;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL1005 (Info, off by default): an x86 general-purpose or burstable family that has a Graviton twin of the same
    /// line, features and size (m6i -> m6g, m7i -> m7g, t3 -> t4g); Lambda functions left on x86_64.
    /// </summary>
    public static class GravitonRule
    {
        public static RuleFinding? EvaluateInstance(string? instanceType, RuleOptions? options = null)
        {
            options ??= RuleOptions.Default;
            var info = InstanceCatalog.Find(instanceType);
            if (info == null || info.Architecture != "x86_64" || options.IsFamilyAllowed(RuleIds.GravitonOpportunity, info.Family) ||
                (info.Category != InstanceCategory.GeneralPurpose && info.Category != InstanceCategory.Burstable))
            {
                return null;
            }

            var twin = GravitonTwin(info);
            if (twin == null)
            {
                return null;
            }

            return new RuleFinding(RuleIds.GravitonOpportunity, RuleSeverity.Info,
                "'" + info.Name + "' runs on x86; the Graviton twin '" + twin.Name + "' (" + Describe.Hardware(twin) + Describe.PriceComparison(twin, info, options, ", ") +
                ") gives better price-performance if the software supports arm64",
                twin.Name.ToString());
        }

        /// <summary>A Lambda function's architecture: null/absent or <c>x86_64</c> is reported.</summary>
        public static RuleFinding? EvaluateLambdaArchitecture(string? architecture)
        {
            if (architecture != null && architecture != "x86_64")
            {
                return null;
            }

            return new RuleFinding(RuleIds.GravitonOpportunity, RuleSeverity.Info,
                "Lambda function runs on x86_64; arm64 (Graviton) is priced about 20% lower per GB-second and is often faster, if its dependencies support arm64",
                "arm64");
        }

        private static InstanceTypeInfo? GravitonTwin(InstanceTypeInfo info)
        {
            var me = FamilyName.Parse(info.Family);
            if (me == null)
            {
                return null;
            }

            var features = me.FeaturesFor(info.CpuManufacturer);
            var candidates = InstanceCatalog.Families
                .Where(f => f.CpuManufacturer == "aws" && FamilyName.Parse(f.Family) is FamilyName n && n.Line == me.Line &&
                            n.Variant == me.Variant && n.FeaturesFor("aws") == features &&
                            InstanceCatalog.RegionsOfFamily(f.Family) >= InstanceCatalog.WidelyAvailableRegions)
                .Select(f => InstanceCatalog.Find(info.Name.With(f.Family)))
                .Where(t => t != null && ServiceFamilies.Offers(t.Name))
                .ToList();

            // The twin is the oldest Graviton generation not older than this one (m6i -> m6g), else the newest.
            return candidates.Where(t => t!.Generation >= info.Generation).OrderBy(t => t!.Generation).FirstOrDefault()
                ?? candidates.OrderByDescending(t => t!.Generation).FirstOrDefault();
        }
    }
}
