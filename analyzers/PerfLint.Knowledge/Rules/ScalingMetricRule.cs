using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL5009: a target-tracking policy of an accelerated SageMaker variant (GPU, Inferentia, Trainium) that tracks a
    /// host metric of <c>/aws/sagemaker/Endpoints</c> (<c>CPUUtilization</c>, <c>MemoryUtilization</c>). The host idles
    /// while the accelerator saturates, so the variant never scales out. Which metrics exist and what they follow is
    /// data (<see cref="SageMakerScalingMetrics"/>); a metric with no row, or in another namespace, is never reported.
    /// </summary>
    public static class ScalingMetricRule
    {
        /// <summary>Accelerated SageMaker types: a finding needs one written in source.</summary>
        public static bool IsAcceleratedSageMakerType(string? instanceType)
        {
            var info = InstanceCatalog.Find(instanceType);
            return info != null && info.Name.Service == InstanceService.SageMaker && (info.Accelerator.Kind.IsGpu() || info.Accelerator.Kind.IsNeuron());
        }

        /// <param name="instanceType">The variant's SageMaker type (<c>ml.g5.xlarge</c>).</param>
        /// <param name="ns">The tracked metric's namespace.</param>
        /// <param name="metricName">The tracked metric's name.</param>
        public static RuleFinding? Evaluate(string? instanceType, string? ns, string? metricName, RuleOptions? options = null)
        {
            options ??= RuleOptions.Default;
            var metric = SageMakerScalingMetrics.CloudWatch(ns, metricName);
            if (metric == null || !metric.IsHostMetric || options.IsAcceptedScalingMetric(metric.Metric) || !IsAcceleratedSageMakerType(instanceType))
            {
                return null;
            }

            var info = InstanceCatalog.Find(instanceType)!;
            var kind = info.Accelerator.Kind;
            var hardware = kind.IsGpu() ? "GPUs" : info.Accelerator.Name + " accelerators";
            var suggestions = new List<string>();
            if (kind.IsGpu())
            {
                var gpu = SageMakerScalingMetrics.GpuMetrics.ToList();
                suggestions.Add(string.Join(" or ", gpu.Select(m => m.Metric)) + " (" + gpu[0].Namespace + ", a data point every " + Seconds(gpu[0]) + ")");
            }

            suggestions.AddRange(SageMakerScalingMetrics.PredefinedRequestMetrics.OrderBy(m => m.PublishSeconds)
                .Select(m => "the predefined " + m.Metric + " (every " + Seconds(m) + ")"));
            return new RuleFinding(RuleIds.AcceleratedEndpointScalesOnHostMetric, RuleSeverity.Warning,
                "Target tracking on " + metric.Metric + " (" + metric.Namespace + ") for '" + info.Name + "' (" + Describe.Hardware(info) + "): host " +
                (metric.Follows == MetricFollows.HostCpu ? "CPU" : "memory") + " does not follow the load on its " + hardware +
                ", so the variant does not scale out while they saturate and requests queue; track " + JoinOr(suggestions) +
                " (SageMaker developer guide, checked " + metric.Checked + ")");
        }

        private static string Seconds(ScalingMetric m) => m.PublishSeconds.ToString(CultureInfo.InvariantCulture) + " s";

        private static string JoinOr(IReadOnlyList<string> items) =>
            items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[items.Count - 1];
    }
}
