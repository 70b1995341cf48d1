namespace PerfLint.Knowledge.Catalog
{
    /// <summary>What PerfLint knows about one instance type (one row of the embedded catalog).</summary>
    public sealed class InstanceTypeInfo
    {
        internal InstanceTypeInfo(
            InstanceTypeName name, InstanceCategory category, string subcategory, int generation,
            PreviousGenerationStatus previousGeneration, string architecture, string cpuManufacturer,
            int? vcpus, double? memoryGiB, AcceleratorInfo accelerator, double? onDemandUsdPerHour, bool priceIsEc2Floor,
            int regions)
        {
            Name = name;
            Category = category;
            Subcategory = subcategory;
            Generation = generation;
            PreviousGeneration = previousGeneration;
            Architecture = architecture;
            CpuManufacturer = cpuManufacturer;
            VCpus = vcpus;
            MemoryGiB = memoryGiB;
            Accelerator = accelerator;
            OnDemandUsdPerHour = onDemandUsdPerHour;
            PriceIsEc2Floor = priceIsEc2Floor;
            Regions = regions;
        }

        public InstanceTypeName Name { get; }

        public InstanceService Service => Name.Service;

        public string Family => Name.Family;

        public string Size => Name.Size;

        public InstanceCategory Category { get; }

        /// <summary><c>hpc</c> for HPC-optimized families, <c>mac</c> for Mac, else empty.</summary>
        public string Subcategory { get; }

        public int Generation { get; }

        public PreviousGenerationStatus PreviousGeneration { get; }

        /// <summary><c>x86_64</c> or <c>arm64</c>.</summary>
        public string Architecture { get; }

        /// <summary><c>intel</c>, <c>amd</c>, <c>aws</c> (Graviton) or <c>apple</c>.</summary>
        public string CpuManufacturer { get; }

        public int? VCpus { get; }

        public double? MemoryGiB { get; }

        public AcceleratorInfo Accelerator { get; }

        /// <summary>On-Demand Linux price in us-east-1, USD per hour; null when the data has none.</summary>
        public double? OnDemandUsdPerHour { get; }

        /// <summary>True for <c>ml.*</c>: no public SageMaker price table exists, so this is the EC2 price (a floor).</summary>
        public bool PriceIsEc2Floor { get; }

        /// <summary>Number of AWS regions that offer the type (cfn-lint's pricing-derived lists).</summary>
        public int Regions { get; }

        public override string ToString() => Name.ToString();
    }

    /// <summary>The accelerators of an instance type: kind, model name, count and total memory.</summary>
    public sealed class AcceleratorInfo
    {
        public static readonly AcceleratorInfo None = new AcceleratorInfo(AcceleratorKind.None, string.Empty, 0, 0);

        public AcceleratorInfo(AcceleratorKind kind, string name, int count, double totalMemoryGiB)
        {
            Kind = kind;
            Name = name;
            Count = count;
            TotalMemoryGiB = totalMemoryGiB;
        }

        public AcceleratorKind Kind { get; }

        /// <summary>Model name, e.g. <c>A10G</c>, <c>H100</c>, <c>AWS Inferentia2</c>.</summary>
        public string Name { get; }

        public int Count { get; }

        /// <summary>Usable accelerator memory of all devices together (API figure: A10G = 22.35 GiB).</summary>
        public double TotalMemoryGiB { get; }

        public double MemoryPerDeviceGiB => Count == 0 ? 0 : TotalMemoryGiB / Count;
    }
}
