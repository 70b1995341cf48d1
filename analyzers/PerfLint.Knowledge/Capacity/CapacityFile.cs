using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;

namespace PerfLint.Knowledge.Capacity
{
    /// <summary>
    /// The measured capacity file (<c>perflint.capacity.json</c>, written by <c>perflint recommend --write</c>; schema
    /// docs/schemas/capacity.schema.json): per SageMaker endpoint, the invocations per instance per minute the model
    /// sustained within a latency budget in a load test, and the target value recommended from it. PL5002 judges an
    /// endpoint's target-tracking value against it. Read with DataContractJsonSerializer for the same reason as the
    /// price file: analyzers cannot carry System.Text.Json into Visual Studio's .NET Framework compiler.
    /// </summary>
    [DataContract]
    public sealed class CapacityFile
    {
        /// <summary>The file both front ends look for beside the project.</summary>
        public const string DefaultFileName = "perflint.capacity.json";

        public const int CurrentFormatVersion = 1;

        [DataMember(Name = "formatVersion", Order = 0)]
        public int FormatVersion { get; set; } = CurrentFormatVersion;

        [DataMember(Name = "generator", Order = 1, EmitDefaultValue = false)]
        public string? Generator { get; set; }

        [DataMember(Name = "endpoints", Order = 2)]
        public List<CapacityEntry> Endpoints { get; set; } = new List<CapacityEntry>();

        /// <summary>The file, or null when it is not a capacity file of a known format (never throws).</summary>
        public static CapacityFile? TryParse(string? json) =>
            ContractJson.TryRead<CapacityFile>(json) is { } file && file.FormatVersion == CurrentFormatVersion && file.Endpoints != null ? file : null;

        /// <summary>The entry measured for <paramref name="endpoint"/> (exact name), or null; an entry missing a number or date is ignored.</summary>
        public CapacityEntry? Find(string? endpoint)
        {
            if (string.IsNullOrEmpty(endpoint))
            {
                return null;
            }

            foreach (var entry in Endpoints)
            {
                if (entry != null && string.Equals(entry.Endpoint, endpoint, StringComparison.Ordinal) && entry.IsUsable)
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>The file's text (what `perflint recommend --write` writes).</summary>
        public string ToJson()
        {
            var serializer = new DataContractJsonSerializer(typeof(CapacityFile));
            using var stream = new MemoryStream();
            using (var writer = JsonReaderWriterFactory.CreateJsonWriter(stream, Encoding.UTF8, ownsStream: false, indent: true))
            {
                serializer.WriteObject(writer, this);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }

    /// <summary>One endpoint's measurement: what it sustained, under which budget, on which instance type, and when.</summary>
    [DataContract]
    public sealed class CapacityEntry
    {
        /// <summary>The benchmark's <c>endpoint</c> key: the SageMaker endpoint name (or the CDK construct id of the endpoint) it stands for.</summary>
        [DataMember(Name = "endpoint", Order = 0)]
        public string Endpoint { get; set; } = string.Empty;

        [DataMember(Name = "instanceType", Order = 1)]
        public string InstanceType { get; set; } = string.Empty;

        /// <summary>Invocations per instance per minute at the latency budget (the knee of the measured latency curve).</summary>
        [DataMember(Name = "sustainablePerMinute", Order = 2)]
        public double SustainablePerMinute { get; set; }

        /// <summary>The target-tracking value recommended from it: sustainable rate × headroom, rounded down.</summary>
        [DataMember(Name = "targetValue", Order = 3)]
        public double TargetValue { get; set; }

        [DataMember(Name = "headroom", Order = 4)]
        public double Headroom { get; set; }

        /// <summary>The budget's percentile: <c>p99</c> or <c>p50</c>.</summary>
        [DataMember(Name = "percentile", Order = 5)]
        public string Percentile { get; set; } = string.Empty;

        [DataMember(Name = "budgetMs", Order = 6)]
        public double BudgetMs { get; set; }

        /// <summary>The day the load test ran (yyyy-MM-dd).</summary>
        [DataMember(Name = "measured", Order = 7)]
        public string Measured { get; set; } = string.Empty;

        /// <summary>True when the sustainable rate lies between two measured steps (linear interpolation).</summary>
        [DataMember(Name = "interpolated", Order = 8)]
        public bool Interpolated { get; set; }

        internal bool IsUsable =>
            !string.IsNullOrEmpty(InstanceType) && SustainablePerMinute > 0 && !double.IsInfinity(SustainablePerMinute) && TargetValue > 0 &&
            BudgetMs > 0 && !string.IsNullOrEmpty(Percentile) && Pricing.PriceFile.IsDate(Measured);
    }
}
