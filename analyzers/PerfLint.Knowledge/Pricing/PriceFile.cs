using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace PerfLint.Knowledge.Pricing
{
    /// <summary>
    /// The user price file (<c>perflint.prices.json</c>, written by <c>perflint prices import</c> or <c>perflint prices refresh</c>; schema
    /// docs/schemas/prices.schema.json): the import date and one row per service, use/engine/deployment, instance type
    /// and region with its USD per hour. Read with the framework's DataContractJsonSerializer (ContractJson), which every compiler host
    /// has: analyzers cannot carry System.Text.Json into Visual Studio's .NET Framework compiler.
    /// </summary>
    [DataContract]
    public sealed class PriceFile
    {
        /// <summary>The file both front ends look for beside the project.</summary>
        public const string DefaultFileName = "perflint.prices.json";

        /// <summary>The <c>.editorconfig</c> key naming another price file.</summary>
        public const string EditorConfigKey = "perflint_prices_file";

        public const int CurrentFormatVersion = 1;

        [DataMember(Name = "formatVersion", Order = 0)]
        public int FormatVersion { get; set; } = CurrentFormatVersion;

        /// <summary>The day the prices were imported (yyyy-MM-dd): the date quotes from this file carry.</summary>
        [DataMember(Name = "imported", Order = 1)]
        public string Imported { get; set; } = string.Empty;

        [DataMember(Name = "prices", Order = 2)]
        public List<PriceEntry> Prices { get; set; } = new List<PriceEntry>();

        /// <summary>The file, or null when it is not a price file of a known format (never throws).</summary>
        public static PriceFile? TryParse(string? json) =>
            ContractJson.TryRead<PriceFile>(json) is { } file && file.FormatVersion == CurrentFormatVersion && IsDate(file.Imported) && file.Prices != null ? file : null;

        internal static bool IsDate(string? text) =>
            text != null && DateTime.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
    }

    /// <summary>One On-Demand hourly price from AWS's Price List.</summary>
    [DataContract]
    public sealed class PriceEntry
    {
        /// <summary>AWS service code: <c>AmazonEC2</c>, <c>AmazonSageMaker</c>, <c>AmazonRDS</c>, <c>AmazonElastiCache</c>, <c>AmazonES</c>.</summary>
        [DataMember(Name = "service", Order = 0)]
        public string Service { get; set; } = string.Empty;

        /// <summary>SageMaker's <c>component</c> (<c>Hosting</c>); null for other services.</summary>
        [DataMember(Name = "use", Order = 1, EmitDefaultValue = false)]
        public string? Use { get; set; }

        /// <summary>RDS <c>databaseEngine</c> or ElastiCache <c>cacheEngine</c>.</summary>
        [DataMember(Name = "engine", Order = 2, EmitDefaultValue = false)]
        public string? Engine { get; set; }

        /// <summary>RDS <c>deploymentOption</c> (<c>Single-AZ</c>, <c>Multi-AZ</c>).</summary>
        [DataMember(Name = "deployment", Order = 3, EmitDefaultValue = false)]
        public string? Deployment { get; set; }

        [DataMember(Name = "instanceType", Order = 4)]
        public string InstanceType { get; set; } = string.Empty;

        [DataMember(Name = "region", Order = 5)]
        public string Region { get; set; } = string.Empty;

        [DataMember(Name = "usdPerHour", Order = 6)]
        public double UsdPerHour { get; set; }

        /// <summary>The price's <c>effectiveDate</c> in the Price List (yyyy-MM-dd).</summary>
        [DataMember(Name = "effectiveDate", Order = 7, EmitDefaultValue = false)]
        public string? EffectiveDate { get; set; }

        /// <summary>The GetProducts file the price was imported from.</summary>
        [DataMember(Name = "source", Order = 8, EmitDefaultValue = false)]
        public string? Source { get; set; }
    }
}
