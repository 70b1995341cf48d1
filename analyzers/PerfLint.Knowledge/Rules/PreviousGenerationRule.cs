using System.Collections.Generic;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL1001. Warning: AWS lists the family as previous generation, its flag is unverified for an old Xen-era family,
    /// it is a superseded first-generation accelerator, or the successor is 3+ generations newer.
    /// Info: a newer successor exists at least <see cref="RuleOptions.MinGenerationGap"/> generations ahead.
    /// </summary>
    public static class PreviousGenerationRule
    {
        public const int WarningGenerationGap = 3;

        /// <summary>Current-generation accelerator families AWS itself has superseded, with AWS's figures.</summary>
        private static readonly Dictionary<string, string> SupersededAccelerators = new Dictionary<string, string>
        {
            ["inf1"] = "first-generation Inferentia; AWS quotes up to 4x higher throughput and up to 10x lower latency for Inf2",
        };

        public static RuleFinding? Evaluate(string? instanceType, RuleOptions? options = null)
        {
            options ??= RuleOptions.Default;
            var info = InstanceCatalog.Find(instanceType);
            if (info == null || options.IsFamilyAllowed(RuleIds.PreviousGenerationInstance, info.Family))
            {
                return null;
            }

            var successor = FamilySuccessors.For(info);
            var gap = successor == null ? 0 : successor.Generation - info.Generation;
            string why;
            RuleSeverity severity;
            if (info.PreviousGeneration == PreviousGenerationStatus.Previous)
            {
                why = "is a previous-generation instance type (AWS lists " + info.Family + " as previous generation)";
                severity = RuleSeverity.Warning;
            }
            else if (info.PreviousGeneration == PreviousGenerationStatus.Unverified)
            {
                why = "is an old Xen-era " + info.Family + " instance type" + (successor != null && gap > 0 ? ", " + Generations(gap) + " behind its successor" : " that newer generations supersede");
                severity = RuleSeverity.Warning;
            }
            else if (SupersededAccelerators.TryGetValue(info.Family, out var reason))
            {
                why = "is superseded (" + reason + ")";
                severity = RuleSeverity.Warning;
            }
            else if (successor != null && gap >= WarningGenerationGap)
            {
                why = "is " + Generations(gap) + " behind its successor";
                severity = RuleSeverity.Warning;
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
                return new RuleFinding(RuleIds.PreviousGenerationInstance, severity, message + "; choose a current-generation family");
            }

            var next = InstanceCatalog.Find(successor.InstanceType);
            var comparison = next == null
                ? string.Empty
                : " (" + Describe.Hardware(next) + " vs " + Describe.Hardware(info) + Describe.PriceComparison(next, info, options, "; ") + "; newer generations also do more work per vCPU)";
            message += "; use '" + successor.InstanceType + "'" + comparison + " [successor: " + successor.Source + "]";
            return new RuleFinding(RuleIds.PreviousGenerationInstance, severity, message, successor.InstanceType.ToString());
        }

        private static string Generations(int gap) => gap + (gap == 1 ? " generation" : " generations");
    }
}
