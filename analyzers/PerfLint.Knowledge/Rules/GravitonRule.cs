using System.Linq;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL1005 (Info, off by default): an x86 general-purpose or burstable family that has a Graviton twin of the same
    /// line, features and size (m6i -> m6g, m7i -> m7g, t3 -> t4g); Lambda functions left on x86_64.
    /// </summary>
    public static class GravitonRule
    {
        /// <summary>Judges a service-qualified name in the use its spelling implies, in the options' region.</summary>
        public static RuleFinding? EvaluateInstance(string? instanceType, RuleOptions? options = null) =>
            InstanceTypeName.TryParse(instanceType, out var name) ? EvaluateInstance(instanceType, InstanceUse.For(name, null), options) : null;

        /// <summary>
        /// The twin must be offered by the same use: RDS for SQL Server, for instance, offers no Graviton class, so it
        /// gets no suggestion.
        /// </summary>
        public static RuleFinding? EvaluateInstance(string? instanceType, InstanceUse use, RuleOptions? options = null)
        {
            options ??= RuleOptions.Default;
            var info = InstanceCatalog.Find(instanceType);
            if (info == null || info.Architecture != "x86_64" || options.IsFamilyAllowed(RuleIds.GravitonOpportunity, info.Family) ||
                (info.Category != InstanceCategory.GeneralPurpose && info.Category != InstanceCategory.Burstable))
            {
                return null;
            }

            use = use.OrRegion(options.Region);
            options = options.For(use);
            var twin = GravitonTwin(info, use);
            if (twin == null)
            {
                return null;
            }

            return new RuleFinding(RuleIds.GravitonOpportunity, RuleSeverity.Info,
                "'" + info.Name + "' runs on x86; the Graviton twin '" + twin.Name + "' (" + Describe.Hardware(twin) + Describe.PriceComparison(twin, info, options, ", ") +
                ") gives better price-performance if the software supports arm64",
                twin.Name.ToString());
        }

        /// <summary>
        /// A Lambda function's architecture: null/absent or <c>x86_64</c> is reported, unless its runtime
        /// (an identifier such as <c>python3.7</c>, or null when unknown) is one AWS offers on x86_64 only.
        /// </summary>
        public static RuleFinding? EvaluateLambdaArchitecture(string? architecture, string? runtime = null)
        {
            if ((architecture != null && architecture != "x86_64") || LambdaRuntimes.SupportsArm64(runtime) == false)
            {
                return null;
            }

            return new RuleFinding(RuleIds.GravitonOpportunity, RuleSeverity.Info,
                "Lambda function runs on x86_64; arm64 (Graviton) is priced about 20% lower per GB-second and is often faster, if its dependencies support arm64",
                "arm64");
        }

        /// <summary>
        /// An instance finding for an instance whose machine image is fixed to one CPU architecture (an x86 AMI, or one
        /// PerfLint cannot see): the class alone cannot change, so the message says the image must change too, and there
        /// is no single replacement value for a fix to write.
        /// </summary>
        public static RuleFinding WithMachineImageChange(RuleFinding finding) =>
            new RuleFinding(finding.RuleId, finding.Severity, finding.Message + "; the machine image must change to an arm64 image too");

        private static InstanceTypeInfo? GravitonTwin(InstanceTypeInfo info, InstanceUse use)
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
                .Where(t => t != null && ServiceOfferings.Offers(use, t.Name))
                .ToList();

            // The twin is the oldest Graviton generation not older than this one (m6i -> m6g), else the newest.
            return candidates.Where(t => t!.Generation >= info.Generation).OrderBy(t => t!.Generation).FirstOrDefault()
                ?? candidates.OrderByDescending(t => t!.Generation).FirstOrDefault();
        }
    }
}
