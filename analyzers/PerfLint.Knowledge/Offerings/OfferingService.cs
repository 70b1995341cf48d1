namespace PerfLint.Knowledge.Offerings
{
    /// <summary>
    /// The services whose instance-type offerings differ, as Data/service-offerings.csv tells them apart: RDS DB
    /// instances (per engine), RDS Multi-AZ DB clusters, DocumentDB and Neptune all take <c>db.*</c> names but offer
    /// different classes.
    /// </summary>
    public enum OfferingService
    {
        Ec2,
        Rds,
        RdsMultiAzCluster,
        DocumentDb,
        Neptune,
        ElastiCache,
        OpenSearch,
        SageMaker,
    }
}
