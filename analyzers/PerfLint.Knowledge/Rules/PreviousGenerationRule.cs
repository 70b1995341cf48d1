using System.Collections.Generic;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL1001. Warning: the service the type is used in lists its family as previous generation (EC2's own flag for
    /// EC2, ElastiCache's, OpenSearch's and RDS's lists for those; DocumentDB, Neptune and SageMaker publish none).
    /// Info: a successor the same use offers is at least <see cref="RuleOptions.MinGenerationGap"/> generations newer,
    /// or the family is a superseded accelerator.
    /// </summary>
    public static class PreviousGenerationRule
    {
        /// <summary>Current-generation accelerator families AWS itself has superseded, with AWS's figures.</summary>
        private static readonly Dictionary<string, string> SupersededAccelerators = new Dictionary<string, string>
        {
            ["inf1"] = "first-generation Inferentia; AWS quotes up to 4x higher throughput and up to 10x lower latency for Inf2",
        };

        /// <summary>Judges a service-qualified name in the use its spelling implies (<c>db.</c>: RDS, any engine), in the options' region.</summary>
        public static RuleFinding? Evaluate(string? instanceType, RuleOptions? options = null) =>
            InstanceTypeName.TryParse(instanceType, out var name) ? Evaluate(instanceType, InstanceUse.For(name, null), options) : null;

        public static RuleFinding? Evaluate(string? instanceType, InstanceUse use, RuleOptions? options = null)
        {
            options ??= RuleOptions.Default;
            var info = InstanceCatalog.Find(instanceType);
            if (info == null || options.IsFamilyAllowed(RuleIds.PreviousGenerationInstance, info.Family))
            {
                return null;
            }

            use = use.OrRegion(options.Region);
            options = options.For(use);
            var successor = FamilySuccessors.For(info, use);
            var gap = successor == null ? 0 : successor.Generation - info.Generation;
            string why;
            RuleSeverity severity;
            if (ServiceGenerations.PreviousGeneration(use, info) is { } claim)
            {
                why = "is previous generation for " + use.ServiceName + " (" + claim.Source + ")";
                severity = RuleSeverity.Warning;
            }
            else if (SupersededAccelerators.TryGetValue(info.Family, out var reason))
            {
                why = "is superseded (" + reason + ")";
                severity = RuleSeverity.Info;
            }
            else if (successor != null && gap >= options.MinGenerationGap)
            {
                why = "is superseded: a family " + Generations(gap) + " newer exists";
                severity = RuleSeverity.Info;
            }
            else
            {
                return null;
            }

            var message = "'" + info.Name + "' " + why;
            if (successor == null)
            {
                return new RuleFinding(RuleIds.PreviousGenerationInstance, severity,
                    message + "; choose a current-generation family " + (use.HasKnownRegion ? "offered by " + use.ServiceName + " in " + use.Region : "that " + use.ServiceName + " offers"));
            }

            var next = InstanceCatalog.Find(successor.InstanceType);
            var comparison = next == null
                ? string.Empty
                : " (" + Describe.Hardware(next) + " vs " + Describe.Hardware(info) + Describe.PriceComparison(next, info, options, "; ") + "; newer generations also do more work per vCPU)";
            message += "; use '" + successor.InstanceType + "'" + comparison + " [successor: " + successor.Source + "; " + ServiceOfferings.Where(use, successor.InstanceType) + "]";
            return new RuleFinding(RuleIds.PreviousGenerationInstance, severity, message, successor.InstanceType.ToString());
        }

        private static string Generations(int gap) => gap + (gap == 1 ? " generation" : " generations");
    }
}
