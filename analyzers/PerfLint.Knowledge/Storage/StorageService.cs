namespace PerfLint.Knowledge.Storage
{
    /// <summary>
    /// Which service's storage a volume type is written for. The same name (gp2, io1) means different prices and
    /// baselines per service: RDS gp3 has its own per-engine baseline, OpenSearch offers no io2.
    /// </summary>
    public enum StorageService
    {
        /// <summary>Amazon EBS volumes: EC2 volumes, instance and launch-template block devices (also EKS node groups, Batch, EMR).</summary>
        Ebs,

        /// <summary>Amazon RDS DB instance storage (and Multi-AZ DB clusters).</summary>
        Rds,

        /// <summary>Amazon OpenSearch Service data-node EBS volumes (EBSOptions).</summary>
        OpenSearch,
    }
}
