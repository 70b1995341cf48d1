namespace PerfLint.Knowledge.Catalog
{
    /// <summary>The AWS service an instance type name belongs to, told apart by its prefix or suffix.</summary>
    public enum InstanceService
    {
        Ec2,
        /// <summary>RDS, Aurora, DocumentDB and Neptune: <c>db.r6g.large</c>.</summary>
        Rds,
        /// <summary>ElastiCache: <c>cache.r6g.large</c>.</summary>
        ElastiCache,
        /// <summary>OpenSearch Service: <c>r6g.large.search</c>.</summary>
        OpenSearch,
        /// <summary>SageMaker: <c>ml.g5.xlarge</c>.</summary>
        SageMaker,
    }

    /// <summary>AWS's instance categories (from the family prefix, AWS naming).</summary>
    public enum InstanceCategory
    {
        Unknown,
        GeneralPurpose,
        ComputeOptimized,
        MemoryOptimized,
        StorageOptimized,
        AcceleratedComputing,
        Burstable,
    }

    /// <summary>Whether AWS lists the family as previous generation, and how sure the data is.</summary>
    public enum PreviousGenerationStatus
    {
        /// <summary>Newer Nitro family that appears in no previous-generation evidence.</summary>
        Current,
        /// <summary>Seen as current generation in DescribeInstanceTypes.</summary>
        CurrentVerified,
        /// <summary>Listed by AWS (previous-generation page, cfn-lint I3100 or CurrentGeneration=false).</summary>
        Previous,
        /// <summary>Old Xen/early-Nitro family whose flag was not checked; treated as superseded.</summary>
        Unverified,
    }

    public enum AcceleratorKind
    {
        None,
        NvidiaGpu,
        AmdGpu,
        HabanaGaudi,
        Inferentia,
        Inferentia2,
        Trainium,
        Trainium2,
        QualcommAi100,
        Fpga,
        MediaAccelerator,
    }

    public static class AcceleratorKindExtensions
    {
        public static bool IsGpu(this AcceleratorKind kind) =>
            kind == AcceleratorKind.NvidiaGpu || kind == AcceleratorKind.AmdGpu;

        /// <summary>AWS Neuron devices (Inferentia and Trainium) run Neuron-compiled models only.</summary>
        public static bool IsNeuron(this AcceleratorKind kind) =>
            kind == AcceleratorKind.Inferentia || kind == AcceleratorKind.Inferentia2 ||
            kind == AcceleratorKind.Trainium || kind == AcceleratorKind.Trainium2;
    }
}
