using System;
using System.Globalization;
using PerfLint.Knowledge.Capacity;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>PL5001 (no scalable target), PL5002 (target value from documentation), PL5003 (min = max).</summary>
    public static class ScalingRule
    {
        public static RuleFinding EndpointWithoutAutoScaling(string endpoint) =>
            new RuleFinding(RuleIds.EndpointWithoutAutoScaling, RuleSeverity.Info,
                "SageMaker endpoint '" + endpoint + "' has no auto-scaling (no scalable target for its variant): it runs a fixed instance count; register a scalable target and a target-tracking policy sized from a load test (perflint bench)");

        public static RuleFinding? TargetValue(double targetValue, string? metric, RuleOptions? options = null)
        {
            options ??= RuleOptions.Default;
            if (!IsExampleValue(targetValue, options))
            {
                return null;
            }

            return new RuleFinding(RuleIds.ScalingTargetIsDocumentationExample, RuleSeverity.Warning,
                "Scaling target value " + targetValue.ToString("0.###", CultureInfo.InvariantCulture) + (metric == null ? string.Empty : " for " + metric) +
                " is the AWS documentation's example, not a load-tested figure; measure the maximum invocations per instance at your latency budget (perflint bench) and set the target to about half of it");
        }

        /// <summary>The SageMaker metric a capacity file's sustainable rate is measured in (invocations per instance per minute).</summary>
        public const string InvocationsPerInstanceMetric = "SageMakerVariantInvocationsPerInstance";

        /// <summary>A target this many times below the measured sustainable rate scales out while instances idle.</summary>
        public const double IdleFactor = 4;

        /// <summary>
        /// PL5002 with a measurement: an endpoint's target-tracking value on invocations per instance judged against the
        /// sustainable rate `perflint recommend --write` recorded for it. Above it: a warning (instances saturate before
        /// target tracking adds one); more than <see cref="IdleFactor"/> times below it: info (paying for idle
        /// instances); otherwise nothing. The replacement is the recommended target.
        /// </summary>
        public static RuleFinding? TargetValueAgainstCapacity(double targetValue, string endpoint, CapacityEntry measured, string capacityFile)
        {
            var facts = "target " + Number(targetValue) + "/min, measured sustainable " + Number(measured.SustainablePerMinute) + "/min at " +
                        measured.Percentile + " ≤ " + Number(measured.BudgetMs) + " ms on " + measured.InstanceType + ", " + measured.Measured +
                        " (" + capacityFile + ")";
            var recommended = Number(measured.TargetValue);
            if (targetValue > measured.SustainablePerMinute)
            {
                return new RuleFinding(RuleIds.ScalingTargetIsDocumentationExample, RuleSeverity.Warning,
                    "SageMaker endpoint '" + endpoint + "' scales above what its model sustains: " + facts +
                    "; an instance saturates before target tracking adds another; set the target to " + recommended + " (the sustainable rate × " + Number(measured.Headroom) + ")",
                    recommended);
            }

            if (targetValue * IdleFactor < measured.SustainablePerMinute)
            {
                return new RuleFinding(RuleIds.ScalingTargetIsDocumentationExample, RuleSeverity.Info,
                    "SageMaker endpoint '" + endpoint + "' scales out far below what its model sustains: " + facts +
                    "; more than " + Number(IdleFactor) + "× below it, instances are added while mostly idle; the recommended target is " + recommended + " (the sustainable rate × " + Number(measured.Headroom) + ")",
                    recommended);
            }

            return null;
        }

        private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        /// <summary>True when <paramref name="value"/> is one of the options' example target values.</summary>
        public static bool IsExampleValue(double value, RuleOptions options)
        {
            var examples = options.ExampleTargetValues;
            for (var i = 0; i < examples.Length; i++)
            {
                if (IsExample(value, examples[i]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="value"/> is <paramref name="example"/> (to within rounding).</summary>
        public static bool IsExample(double value, double example) => Math.Abs(value - example) < 1e-9;

        /// <summary>
        /// PL5003 for one scalable target of any service: its bounds pin the capacity. A target with scheduled actions is
        /// not judged: schedules change the bounds over time, so equal bounds between them are intended.
        /// </summary>
        public static RuleFinding? Capacity(double? minCapacity, double? maxCapacity, bool hasScheduledActions = false)
        {
            if (hasScheduledActions || !minCapacity.HasValue || !maxCapacity.HasValue || Math.Abs(minCapacity.Value - maxCapacity.Value) > 1e-9)
            {
                return null;
            }

            return new RuleFinding(RuleIds.ScalingCannotScale, RuleSeverity.Warning,
                "MinCapacity equals MaxCapacity (" + minCapacity.Value.ToString("0", CultureInfo.InvariantCulture) + "): the scaling policy can never change the capacity; raise MaxCapacity to what a load test says peak traffic needs");
        }
    }
}
