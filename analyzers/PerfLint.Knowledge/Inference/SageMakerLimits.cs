using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Inference
{
    /// <summary>
    /// The embedded SageMaker inference facts (<c>Data/sagemaker-limits.csv</c>, source and date per row): the real-time,
    /// asynchronous and serverless limits, the model-server environment variables that set a timeout or a payload
    /// size, and the ECR repository of the SageMaker Triton images. Loaded once, on first use; thread-safe.
    /// </summary>
    public static class SageMakerLimits
    {
        public const string FileName = "sagemaker-limits.csv";

        private static readonly Lazy<Table> Data = new Lazy<Table>(Load);

        /// <summary>A real-time endpoint's container answers within this many seconds (60).</summary>
        public static double RealTimeInvocationSeconds => Data.Value.Limit("realtime_invocation_seconds");

        /// <summary>The largest real-time request, in MB (6).</summary>
        public static double RealTimePayloadMb => Data.Value.Limit("realtime_payload_mb");

        /// <summary>The largest asynchronous request, in GB (1).</summary>
        public static double AsyncPayloadGb => Data.Value.Limit("async_payload_gb");

        /// <summary>The longest asynchronous processing time, in seconds (3600).</summary>
        public static double AsyncProcessingSeconds => Data.Value.Limit("async_processing_seconds");

        /// <summary>The smallest and largest serverless memory sizes, in MB (1024, 6144).</summary>
        public static double ServerlessMemoryMinMb => Data.Value.Limit("serverless_memory_min_mb");

        public static double ServerlessMemoryMaxMb => Data.Value.Limit("serverless_memory_max_mb");

        /// <summary>The largest serverless <c>MaxConcurrency</c> (200).</summary>
        public static double ServerlessMaxConcurrency => Data.Value.Limit("serverless_max_concurrency");

        /// <summary>The ECR repositories of the SageMaker Triton Inference Server images (<c>sagemaker-tritonserver</c>).</summary>
        public static IReadOnlyList<string> TritonRepositories => Data.Value.TritonRepositories;

        /// <summary>Every model-server environment variable that sets a timeout or a payload size.</summary>
        public static IReadOnlyList<ServerSetting> Settings => Data.Value.Settings;

        /// <summary>
        /// True when the image's ECR repository (the path after the registry, before the tag or digest) is a Triton
        /// repository; false for any other name, known or not (the caller decides what an unknown name means).
        /// </summary>
        public static bool IsTritonImage(string? image)
        {
            var repository = Repository(image);
            return repository != null && TritonRepositories.Any(t => string.Equals(t, repository, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The repository of an image URI: <c>acct.dkr.ecr.region.amazonaws.com/name:tag</c> gives <c>name</c>.</summary>
        public static string? Repository(string? image)
        {
            if (string.IsNullOrWhiteSpace(image))
            {
                return null;
            }

            var text = image!.Trim();
            var slash = text.IndexOf('/');
            var path = slash >= 0 ? text.Substring(slash + 1) : text;
            var end = path.IndexOfAny(new[] { ':', '@' });
            return end >= 0 ? path.Substring(0, end) : path;
        }

        private static Table Load()
        {
            var csv = CsvTable.LoadEmbedded(FileName);
            var table = new Table();
            foreach (var row in csv.Rows)
            {
                var kind = csv.Get(row, "kind").Trim();
                var name = csv.Get(row, "name").Trim();
                var value = csv.Get(row, "value").Trim();
                var unit = csv.Get(row, "unit").Trim();
                switch (kind)
                {
                    case "limit":
                        table.Limits[name] = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
                        break;
                    case "setting":
                        table.Settings.Add(new ServerSetting(name, value == "timeout" ? SettingKind.Timeout : SettingKind.Payload, unit));
                        break;
                    case "default":
                        table.Defaults[name] = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
                        break;
                    case "image" when value == "triton":
                        table.TritonRepositories.Add(name);
                        break;
                }
            }

            foreach (var setting in table.Settings)
            {
                setting.ServerDefault = table.Defaults.TryGetValue(setting.Name, out var d) ? d : (double?)null;
            }

            return table;
        }

        private sealed class Table
        {
            public Dictionary<string, double> Limits { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

            public Dictionary<string, double> Defaults { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

            public List<ServerSetting> Settings { get; } = new List<ServerSetting>();

            public List<string> TritonRepositories { get; } = new List<string>();

            public double Limit(string name) =>
                Limits.TryGetValue(name, out var v) ? v : throw new InvalidOperationException("sagemaker-limits.csv has no limit " + name);
        }
    }

    /// <summary>What a model-server setting sets.</summary>
    public enum SettingKind
    {
        Timeout,
        Payload,
    }

    /// <summary>A model-server environment variable (<c>TS_DEFAULT_RESPONSE_TIMEOUT</c>) and what it sets, in which unit.</summary>
    public sealed class ServerSetting
    {
        public ServerSetting(string name, SettingKind kind, string unit)
        {
            Name = name;
            Kind = kind;
            Unit = unit;
        }

        public string Name { get; }

        public SettingKind Kind { get; }

        /// <summary><c>s</c> for timeouts, <c>bytes</c> for payload sizes.</summary>
        public string Unit { get; }

        /// <summary>The server's own default, when the data gives one: writing it is no choice of the author's.</summary>
        public double? ServerDefault { get; internal set; }
    }
}
