using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PerfLint.Knowledge.Catalog
{
    /// <summary>
    /// What each CloudWatch metric a SageMaker endpoint publishes, and each predefined metric Application Auto Scaling
    /// offers for a variant, follows (<c>Data/sagemaker-scaling-metrics.csv</c>, source and date per row). PL5009 reads
    /// it; metrics with no row are unknown and never reported.
    /// </summary>
    public static class SageMakerScalingMetrics
    {
        public const string FileName = "sagemaker-scaling-metrics.csv";

        private static readonly Lazy<IReadOnlyList<ScalingMetric>> Data = new Lazy<IReadOnlyList<ScalingMetric>>(Load);

        public static IReadOnlyList<ScalingMetric> All => Data.Value;

        /// <summary>The CloudWatch metric <paramref name="metricName"/> in <paramref name="ns"/> (namespace compared case-insensitively), or null.</summary>
        public static ScalingMetric? CloudWatch(string? ns, string? metricName) =>
            ns == null || metricName == null
                ? null
                : Data.Value.FirstOrDefault(m => !m.IsPredefined && string.Equals(m.Namespace, ns.Trim(), StringComparison.OrdinalIgnoreCase) &&
                                                 string.Equals(m.Metric, metricName.Trim(), StringComparison.Ordinal));

        /// <summary>The predefined metric type (<c>SageMakerVariantInvocationsPerInstance</c>), or null.</summary>
        public static ScalingMetric? Predefined(string? type) =>
            type == null ? null : Data.Value.FirstOrDefault(m => m.IsPredefined && string.Equals(m.Metric, type.Trim(), StringComparison.Ordinal));

        /// <summary>The predefined metrics that follow requests, the ones to suggest for any accelerator.</summary>
        public static IEnumerable<ScalingMetric> PredefinedRequestMetrics => Data.Value.Where(m => m.IsPredefined && m.Follows == MetricFollows.Requests);

        /// <summary>The endpoint metrics that follow GPU load.</summary>
        public static IEnumerable<ScalingMetric> GpuMetrics =>
            Data.Value.Where(m => !m.IsPredefined && (m.Follows == MetricFollows.Gpu || m.Follows == MetricFollows.GpuMemory));

        private static IReadOnlyList<ScalingMetric> Load()
        {
            var table = CsvTable.LoadEmbedded(FileName);
            return table.Rows.Select(r => new ScalingMetric(
                table.Get(r, "kind") == "predefined",
                table.Get(r, "namespace"),
                table.Get(r, "metric"),
                ParseFollows(table.Get(r, "follows")),
                int.Parse(table.Get(r, "publish_seconds"), CultureInfo.InvariantCulture),
                table.Get(r, "source"),
                table.Get(r, "checked"))).ToList();
        }

        private static MetricFollows ParseFollows(string s)
        {
            switch (s)
            {
                case "host_cpu": return MetricFollows.HostCpu;
                case "host_memory": return MetricFollows.HostMemory;
                case "gpu": return MetricFollows.Gpu;
                case "gpu_memory": return MetricFollows.GpuMemory;
                case "requests": return MetricFollows.Requests;
                default: throw new FormatException("Unknown 'follows' value in " + FileName + ": " + s);
            }
        }
    }

    /// <summary>What a metric measures.</summary>
    public enum MetricFollows
    {
        HostCpu,
        HostMemory,
        Gpu,
        GpuMemory,
        Requests,
    }

    /// <summary>One row of <c>Data/sagemaker-scaling-metrics.csv</c>.</summary>
    public sealed class ScalingMetric
    {
        public ScalingMetric(bool isPredefined, string ns, string metric, MetricFollows follows, int publishSeconds, string source, string checkedOn)
        {
            IsPredefined = isPredefined;
            Namespace = ns;
            Metric = metric;
            Follows = follows;
            PublishSeconds = publishSeconds;
            Source = source;
            Checked = checkedOn;
        }

        /// <summary>An Application Auto Scaling predefined metric type rather than a CloudWatch metric name.</summary>
        public bool IsPredefined { get; }

        public string Namespace { get; }

        public string Metric { get; }

        public MetricFollows Follows { get; }

        /// <summary>How often the metric gets a data point, in seconds.</summary>
        public int PublishSeconds { get; }

        public string Source { get; }

        public string Checked { get; }

        /// <summary>True for host CPU and memory: they do not follow an accelerator's load.</summary>
        public bool IsHostMetric => Follows == MetricFollows.HostCpu || Follows == MetricFollows.HostMemory;
    }
}
