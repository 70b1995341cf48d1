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

    /// <summary>Whether EC2 lists the family as previous generation, and how sure the data is (EC2's flag only: other services keep their own lists).</summary>
    public enum PreviousGenerationStatus
    {
        /// <summary>Newer Nitro family that appears in no previous-generation evidence (current by inference).</summary>
        Current,
        /// <summary>Seen as current generation in DescribeInstanceTypes.</summary>
        CurrentVerified,
        /// <summary>Listed as previous generation (CurrentGeneration=false, the AWS previous-generation page, or cfn-lint I3100).</summary>
        Previous,
        /// <summary>Family whose flag the data could not settle (g3, g3s): no previous-generation claim is made.</summary>
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
