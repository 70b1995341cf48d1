using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PerfLint.Knowledge.Offerings;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// Typed `.editorconfig` options (<c>PL1001.allowed_families = m5, c5</c>). Both front ends build this from their
    /// own key lookup (Roslyn's AnalyzerConfigOptions, or the .editorconfig read by `perflint check`).
    /// Keys are case-insensitive. Invalid values fall back to the default (never throw).
    /// </summary>
    public sealed class RuleOptions
    {
        public const string AllowedFamiliesKey = "allowed_families";
        public const string MinGenerationGapKey = "PL1001.min_generation_gap";
        public const string HeadroomKey = "PL1004.headroom";
        public const string OverProvisionRatioKey = "PL1004.over_provision_ratio";
        public const string ModelParametersKey = "PL1004.model_parameters";
        public const string MinFleetInstancesKey = "PL2002.min_instances";
        public const string ExampleValuesKey = "PL5002.example_values";
        public const string MaxTimeoutSecondsKey = "PL5005.max_timeout_seconds";
        public const string MinEfaFleetInstancesKey = "PL2004.min_instances";
        public const string AcceptedScalingMetricsKey = "PL5009.accepted_metrics";
        public const string RegionKey = "perflint_region";
        public const string MuchSmallerRatioKey = "PL1006.much_smaller_ratio";


        public static readonly RuleOptions Default = new RuleOptions(_ => null);

        private readonly Func<string, string?> _lookup;

        public RuleOptions(Func<string, string?> lookup, PriceBook? prices = null)
            : this(lookup, prices, null)
        {
        }

        private RuleOptions(Func<string, string?> lookup, PriceBook? prices, InstanceUse? use)
        {
            _lookup = lookup;
            Prices = prices ?? PriceBook.Embedded;
            Use = use;
        }

        /// <summary>The prices rules quote: the user price file over the embedded snapshot, or the snapshot alone.</summary>
        public PriceBook Prices { get; }

        /// <summary>The use a rule judges a type in (set by <see cref="For"/>): prices are quoted for its service and region.</summary>
        public InstanceUse? Use { get; }

        /// <summary>The same options quoting <paramref name="prices"/>.</summary>
        public RuleOptions WithPrices(PriceBook prices) => new RuleOptions(_lookup, prices, Use);

        /// <summary>These options for a type used in <paramref name="use"/>: <see cref="Region"/> is the use's region when it has one.</summary>
        public RuleOptions For(InstanceUse use)
        {
            var region = use.Region;
            var lookup = region == null || region == Region ? _lookup : key => key == RegionKey ? region : _lookup(key);
            return new RuleOptions(lookup, Prices, use);
        }

        /// <summary>Families a rule never reports (<c>PL1001.allowed_families</c>, <c>PL1002.…</c>, <c>PL1005.…</c>).</summary>
        public bool IsFamilyAllowed(string ruleId, string family)
        {
            var value = _lookup(ruleId + "." + AllowedFamiliesKey);
            return value != null && SplitList(value).Any(f => string.Equals(f, family, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The AWS region the stack deploys to (<c>perflint_region</c>, or the stack's literal <c>Env.Region</c>), lower case; null when unknown.</summary>
        public string? Region => _lookup(RegionKey) is { } r && r.Trim().Length > 0 ? r.Trim().ToLowerInvariant() : null;

        /// <summary>PL1001: Info needs the successor to be at least this many generations newer (default 2).</summary>
        public int MinGenerationGap => ReadInt(MinGenerationGapKey, 2, 1, 20);

        /// <summary>PL1004: KV-cache and runtime memory on top of the weights, as a fraction (default 0.2 = 20%).</summary>
        public double Headroom => ReadDouble(HeadroomKey, 0.2, 0, 10);

        /// <summary>PL1004: report over-provisioning when the need is at most this fraction of the memory (default 0.25; 0 turns it off).</summary>
        public double OverProvisionRatio => ReadDouble(OverProvisionRatioKey, 0.25, 0, 1);

        /// <summary>PL1006: a training instance serves a model "much smaller" than it when its accelerator memory is at least this many times the model's need (default 4).</summary>
        public double MuchSmallerRatio => ReadDouble(MuchSmallerRatioKey, 4, 1, 1000);

        /// <summary>
        /// PL1004: parameter counts, in billions, the team states for models PerfLint cannot size
        /// (<c>acme/private-llm:13, other-model:0.5</c>). An id may hold colons (<c>s3://…</c>): the figure follows the
        /// last one. Items that are not <c>id:number</c> with a positive number are ignored.
        /// </summary>
        public IReadOnlyDictionary<string, double> ModelParameters
        {
            get
            {
                var stated = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
                var raw = _lookup(ModelParametersKey);
                if (raw == null)
                {
                    return stated;
                }

                foreach (var item in raw.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var colon = item.LastIndexOf(':');
                    var id = colon > 0 ? item.Substring(0, colon).Trim() : string.Empty;
                    if (id.Length > 0 && double.TryParse(item.Substring(colon + 1).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var billions) &&
                        billions > 0 && !double.IsInfinity(billions) && !stated.ContainsKey(id))
                    {
                        stated[id] = billions;
                    }
                }

                return stated;
            }
        }

        /// <summary>PL2002: how many accelerated/HPC instances make a fleet (default 2).</summary>
        public int MinFleetInstances => ReadInt(MinFleetInstancesKey, 2, 2, 100000);

        /// <summary>PL2004: how many EFA-capable instances make a multi-node fleet (default 2).</summary>
        public int MinEfaFleetInstances => ReadInt(MinEfaFleetInstancesKey, 2, 2, 100000);

        /// <summary>PL5009: metric names the team accepts for an accelerated endpoint (<c>CPUUtilization</c> for CPU-bound pre-processing).</summary>
        public bool IsAcceptedScalingMetric(string metricName)
        {
            var value = _lookup(AcceptedScalingMetricsKey);
            return value != null && SplitList(value).Any(m => string.Equals(m, metricName, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// PL5002: target values taken to be documentation examples (default 70). An array: generic framework code over
        /// doubles (List, interfaces of arrays) is JIT-compiled on first use in a fresh compiler.
        /// </summary>
        public double[] ExampleTargetValues
        {
            get
            {
                var raw = _lookup(ExampleValuesKey);
                if (raw == null)
                {
                    return new[] { 70.0 };
                }

                var items = SplitList(raw).ToArray();
                var values = new double[items.Length];
                var count = 0;
                foreach (var item in items)
                {
                    if (double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    {
                        values[count++] = v;
                    }
                }

                if (count == values.Length)
                {
                    return values;
                }

                var parsed = new double[count];
                System.Array.Copy(values, parsed, count);
                return parsed;
            }
        }

        /// <summary>
        /// PL5005: model-server timeouts above this many seconds are reported (default: the real-time invocation
        /// limit of <c>sagemaker-limits.csv</c>, 60; 1 to that limit: a real-time endpoint never waits longer).
        /// </summary>
        public double MaxTimeoutSeconds
        {
            get
            {
                var limit = Inference.SageMakerLimits.RealTimeInvocationSeconds;
                return ReadDouble(MaxTimeoutSecondsKey, limit, 1, limit);
            }
        }

        private int ReadInt(string key, int fallback, int min, int max)
        {
            var raw = _lookup(key);
            return raw != null && int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : fallback;
        }

        private double ReadDouble(string key, double fallback, double min, double max)
        {
            var raw = _lookup(key);
            return raw != null && double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : fallback;
        }

        private static IEnumerable<string> SplitList(string value) =>
            value.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim());
    }
}
