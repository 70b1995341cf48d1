using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PerfLint.Knowledge.Catalog
{
    /// <summary>
    /// The embedded instance catalog: every EC2 type and SageMaker <c>ml.*</c> type AWS offers, with family,
    /// category, generation, EC2's previous-generation flag, vCPU, memory, accelerators and price.
    /// RDS (<c>db.*</c>) and OpenSearch (<c>*.search</c>) names resolve to the EC2 hardware of the same family and size;
    /// ElastiCache (<c>cache.*</c>) names too, with the memory ElastiCache makes usable where the data has it. Which
    /// service offers what, and each service's own previous-generation list, are in <c>Offerings</c>.
    /// Loaded once, on first use; thread-safe.
    /// </summary>
    public static class InstanceCatalog
    {
        /// <summary>Where the data came from; see Data/SOURCES.md for commits.</summary>
        public const string DataSource =
            "aws/karpenter-provider-aws instance-type docs and price table, aws-cloudformation/cfn-lint instance-type enums, aws/aws-cdk InstanceClass/InstanceSize enums";

        /// <summary>The day the data was gathered.</summary>
        public const string DataDate = "2026-12-05";

        /// <summary>The day of the price snapshot (AWS Pricing API, us-east-1, On-Demand Linux).</summary>
        public const string PriceDate = "2026-07-20";

        /// <summary>A type offered in at least this many regions counts as widely available (a fair successor).</summary>
        public const int WidelyAvailableRegions = 10;

        private static readonly Lazy<Tables> Data = new Lazy<Tables>(Tables.Load);

        public static InstanceTypeInfo? Find(string? instanceType)
        {
            if (!InstanceTypeName.TryParse(instanceType, out var name))
            {
                return null;
            }

            return Find(name);
        }

        public static InstanceTypeInfo? Find(InstanceTypeName name)
        {
            var data = Data.Value;
            if (name.Service == InstanceService.SageMaker && data.SageMaker.TryGetValue(name.Ec2Name, out var ml))
            {
                return ml;
            }

            if (!data.Ec2.TryGetValue(name.Ec2Name, out var ec2))
            {
                return null;
            }

            // RDS, ElastiCache and OpenSearch run EC2 hardware. An ml.* type missing from the SageMaker lists (ml.p3,
            // ml.p2: no longer offered for new hosting) still has its EC2 twin's facts, so rules can judge it.
            return name.Service == InstanceService.Ec2 ? ec2 : Rebrand(ec2, name);
        }

        /// <summary>True when SageMaker lists this exact <c>ml.*</c> type (hosting, processing, transform or HyperPod).</summary>
        public static bool IsListedSageMakerType(InstanceTypeName name) =>
            name.Service == InstanceService.SageMaker && Data.Value.SageMaker.ContainsKey(name.Ec2Name);

        /// <summary>Family-level facts (category, generation, processor, accelerator kind) from any size of it.</summary>
        public static InstanceTypeInfo? FindFamily(string family)
        {
            var data = Data.Value;
            return data.FamilyRepresentative.TryGetValue(family.ToLowerInvariant(), out var info) ? info : null;
        }

        /// <summary>The length of the longest EC2 family name (<c>mac-m3ultra</c>): a longer text is no family.</summary>
        public static int LongestFamilyName => Data.Value.LongestFamilyName;

        /// <summary>All EC2 families, with one representative type each.</summary>
        public static IEnumerable<InstanceTypeInfo> Families => Data.Value.FamilyRepresentative.Values;

        /// <summary>Widest regional availability of any size of the EC2 family.</summary>
        public static int RegionsOfFamily(string family) =>
            Data.Value.FamilyRegions.TryGetValue(family, out var n) ? n : 0;

        /// <summary>True when the catalog knows the hardware of this name.</summary>
        public static bool Exists(InstanceTypeName name) => Find(name) != null;

        /// <summary>Where EC2's previous-generation flag of the family comes from (<c>EC2 DescribeInstanceTypes: CurrentGeneration=false</c>).</summary>
        public static string PreviousGenerationSource(string family) =>
            Data.Value.PreviousGenerationSources.TryGetValue(family, out var source) ? source : string.Empty;

        public static IEnumerable<InstanceTypeInfo> SageMakerTypes => Data.Value.SageMaker.Values;

        public static IEnumerable<InstanceTypeInfo> Ec2Types => Data.Value.Ec2.Values;

        // ElastiCache reserves part of a node's memory: its own figure (cache.r6g.large 13.07 GiB, not 16), and none
        // where the data has no row rather than the EC2 figure.
        private static InstanceTypeInfo Rebrand(InstanceTypeInfo ec2, InstanceTypeName name)
        {
            var vcpus = ec2.VCpus;
            var memory = ec2.MemoryGiB;
            if (name.Service == InstanceService.ElastiCache)
            {
                var node = Data.Value.CacheNodes.TryGetValue(name.Ec2Name, out var row) ? row : null;
                vcpus = node != null ? node.VCpus : ec2.VCpus;
                memory = node?.MemoryGiB;
            }

            return new InstanceTypeInfo(name, ec2.Category, ec2.Subcategory, ec2.Generation, ec2.PreviousGeneration,
                ec2.Architecture, ec2.CpuManufacturer, vcpus, memory, ec2.Accelerator, ec2.OnDemandUsdPerHour,
                priceIsEc2Floor: true, ec2.Regions);
        }

        /// <summary>An ElastiCache node type's vCPUs and usable memory (a class, not a tuple of framework types: see CdkConstructTypes).</summary>
        private sealed class CacheNode
        {
            public CacheNode(int? vcpus, double? memoryGiB)
            {
                VCpus = vcpus;
                MemoryGiB = memoryGiB;
            }

            public int? VCpus { get; }

            public double? MemoryGiB { get; }
        }

        private sealed class Tables
        {
            public Dictionary<string, InstanceTypeInfo> Ec2 { get; } = new Dictionary<string, InstanceTypeInfo>(StringComparer.Ordinal);

            public Dictionary<string, InstanceTypeInfo> SageMaker { get; } = new Dictionary<string, InstanceTypeInfo>(StringComparer.Ordinal);

            public Dictionary<string, InstanceTypeInfo> FamilyRepresentative { get; } = new Dictionary<string, InstanceTypeInfo>(StringComparer.Ordinal);

            public Dictionary<string, int> FamilyRegions { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

            public int LongestFamilyName { get; private set; }

            public Dictionary<string, string> PreviousGenerationSources { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

            /// <summary>ElastiCache node types (EC2 spelling) with vCPUs and the memory ElastiCache makes usable.</summary>
            public Dictionary<string, CacheNode> CacheNodes { get; } = new Dictionary<string, CacheNode>(StringComparer.Ordinal);

            public static Tables Load()
            {
                var t = new Tables();
                var ec2 = CsvTable.LoadEmbedded("instance-types.csv");
                foreach (var row in ec2.Rows)
                {
                    var type = ec2.Get(row, "type");
                    if (!InstanceTypeName.TryParse(type, out var name))
                    {
                        continue;
                    }

                    var info = Read(ec2, row, name, ec2.Get(row, "subcategory"), "usd_per_hour", priceIsFloor: false);
                    t.Ec2[name.Ec2Name] = info;
                    if (!t.FamilyRepresentative.ContainsKey(name.Family) || info.VCpus.HasValue && !t.FamilyRepresentative[name.Family].VCpus.HasValue)
                    {
                        t.FamilyRepresentative[name.Family] = info;
                    }

                    var evidence = ec2.Get(row, "previous_generation_source");
                    if (evidence.Length > 0 && !t.PreviousGenerationSources.ContainsKey(name.Family))
                    {
                        t.PreviousGenerationSources[name.Family] = evidence;
                    }

                    t.FamilyRegions[name.Family] = Math.Max(info.Regions, t.FamilyRegions.TryGetValue(name.Family, out var r) ? r : 0);
                    t.LongestFamilyName = Math.Max(t.LongestFamilyName, name.Family.Length);
                }

                var sm = CsvTable.LoadEmbedded("sagemaker-types.csv");
                foreach (var row in sm.Rows)
                {
                    if (InstanceTypeName.TryParse(sm.Get(row, "type"), out var name))
                    {
                        var twin = t.Ec2.TryGetValue(name.Ec2Name, out var e) ? e : null;
                        t.SageMaker[name.Ec2Name] = Read(sm, row, name, twin?.Subcategory ?? string.Empty, "ec2_usd_per_hour", priceIsFloor: true, twin?.CpuManufacturer);
                    }
                }

                var nodes = CsvTable.LoadEmbedded("elasticache-node-types.csv");
                foreach (var row in nodes.Rows)
                {
                    if (InstanceTypeName.TryParse(nodes.Get(row, "type"), out var name))
                    {
                        t.CacheNodes[name.Ec2Name] = new CacheNode(ParseInt(nodes.Get(row, "vcpus")), ParseDouble(nodes.Get(row, "memory_gib")));
                    }
                }

                return t;
            }

            private static InstanceTypeInfo Read(CsvTable table, string[] row, InstanceTypeName name, string subcategory, string priceColumn, bool priceIsFloor, string? cpu = null)
            {
                var kind = ParseAccelerator(table.Get(row, "accelerator_kind"));
                var acceleratorName = table.Get(row, "accelerator_name");
                var count = ParseInt(table.Get(row, "accelerator_count")) ?? 0;
                var memory = ParseDouble(table.Get(row, "accelerator_memory_gib")) ?? 0;
                // Most types have none: one shared instance keeps an object per type out of every heap the catalog lives in.
                var accelerator = kind == AcceleratorKind.None && acceleratorName.Length == 0 && count == 0 && memory == 0
                    ? AcceleratorInfo.None
                    : new AcceleratorInfo(kind, acceleratorName, count, memory);
                return new InstanceTypeInfo(
                    name,
                    ParseCategory(table.Get(row, "category")),
                    subcategory,
                    ParseInt(table.Get(row, "generation")) ?? FamilyName.Parse(name.Family)?.Generation ?? 0,
                    ParsePrevious(table.Get(row, "previous_generation")),
                    table.Get(row, "architecture"),
                    cpu ?? table.Get(row, "cpu"),
                    ParseInt(table.Get(row, "vcpus")),
                    ParseDouble(table.Get(row, "memory_gib")),
                    accelerator,
                    ParseDouble(table.Get(row, priceColumn)),
                    priceIsFloor,
                    ParseInt(table.Get(row, "regions")) ?? 0);
            }
        }

        internal static int? ParseInt(string s) =>
            int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;

        internal static double? ParseDouble(string s) =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null;

        private static InstanceCategory ParseCategory(string s)
        {
            switch (s)
            {
                case "general_purpose": return InstanceCategory.GeneralPurpose;
                case "compute_optimized": return InstanceCategory.ComputeOptimized;
                case "memory_optimized": return InstanceCategory.MemoryOptimized;
                case "storage_optimized": return InstanceCategory.StorageOptimized;
                case "accelerated_computing": return InstanceCategory.AcceleratedComputing;
                case "burstable": return InstanceCategory.Burstable;
                default: return InstanceCategory.Unknown;
            }
        }

        private static PreviousGenerationStatus ParsePrevious(string s)
        {
            switch (s)
            {
                case "yes": return PreviousGenerationStatus.Previous;
                case "unverified": return PreviousGenerationStatus.Unverified;
                case "no": return PreviousGenerationStatus.CurrentVerified;
                case "inferred": return PreviousGenerationStatus.Current;
                default: return PreviousGenerationStatus.Current;
            }
        }

        private static AcceleratorKind ParseAccelerator(string s)
        {
            switch (s)
            {
                case "NVIDIA GPU": return AcceleratorKind.NvidiaGpu;
                case "AMD GPU": return AcceleratorKind.AmdGpu;
                case "Habana Gaudi": return AcceleratorKind.HabanaGaudi;
                case "AWS Inferentia": return AcceleratorKind.Inferentia;
                case "AWS Inferentia2": return AcceleratorKind.Inferentia2;
                case "AWS Trainium": return AcceleratorKind.Trainium;
                case "AWS Trainium2": return AcceleratorKind.Trainium2;
                case "Qualcomm AI100": return AcceleratorKind.QualcommAi100;
                case "FPGA (Xilinx/AMD)": return AcceleratorKind.Fpga;
                case "Xilinx U30 media accelerator": return AcceleratorKind.MediaAccelerator;
                default: return s.StartsWith("FPGA", StringComparison.Ordinal) ? AcceleratorKind.Fpga : AcceleratorKind.None;
            }
        }
    }
}
