using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// PL4001/PL4002 judged per service on templates: EBS, RDS with the resource's Engine, OpenSearch. Messages are
/// written by hand from Data/storage-volume-types.csv (checked 2026-12-05).
/// </summary>
[TestFixture]
public sealed class VolumeChecksTests
{
    private const string Template = """
    {
      "Resources": {
        "Disk": { "Type": "AWS::EC2::Volume", "Properties": { "AvailabilityZone": "us-east-1a", "Size": 100, "VolumeType": "io1", "Iops": 3000 } },
        "Oracle": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "oracle-se2", "DBInstanceClass": "db.r7i.large", "AllocatedStorage": "100", "StorageType": "gp2" } },
        "SqlServer": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "sqlserver-se", "DBInstanceClass": "db.r7i.large", "AllocatedStorage": "100", "StorageType": "gp2" } },
        "Provisioned": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "mysql", "DBInstanceClass": "db.r7i.large", "AllocatedStorage": "100", "StorageType": "io1", "Iops": 3000 } },
        "Unset": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "mysql", "DBInstanceClass": "db.r7i.large", "AllocatedStorage": "100" } },
        "Search": { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EBSOptions": { "EBSEnabled": true, "VolumeSize": 10, "VolumeType": "gp2" } } },
        "SearchIops": { "Type": "AWS::OpenSearchService::Domain", "Properties": { "EBSOptions": { "EBSEnabled": true, "VolumeSize": 10, "VolumeType": "io1", "Iops": 3000 } } }
      }
    }
    """;

    private CheckRun.Result _result = null!;

    [OneTimeSetUp]
    public void Check() => _result = CheckRun.Json(TemplateAssembly.Write(("Storage", Template)), "--editorconfig", CheckRun.EditorConfig());

    /// <summary>
    /// A CfnDBInstance without StorageType is not reported: CloudFormation's default is not CDK's, and only CDK's
    /// DatabaseInstance (which writes gp2 itself) is known to be gp2. OpenSearch offers no io2.
    /// </summary>
    [Test]
    public void Each_resource_is_judged_for_its_service() =>
        Assert.That(_result.Summary.Split('\n'), Is.EquivalentTo(new[]
        {
            "PL4002 Storage/Disk", "PL4001 Storage/Oracle", "PL4001 Storage/SqlServer", "PL4002 Storage/Provisioned", "PL4001 Storage/Search",
        }));

    [TestCase("PL4002", "Storage/Disk", "warning",
        "io1 volume: io2 costs the same per GiB-month ($0.125, EBS us-east-1, checked 2026-12-05) and per provisioned IOPS up to 32,000 ($0.065), is more durable (99.999% vs 99.8%-99.9%) and goes up to 256,000 IOPS, 4,000 MiB/s, 64 TiB per volume (io1: 64,000 IOPS, 1,000 MiB/s, 16 TiB); use io2")]
    [TestCase("PL4001", "Storage/Oracle", "warning",
        "gp2 storage: on RDS for Oracle, gp3 gives a 3,000 IOPS and 125 MiB/s baseline below 200 GiB and 12,000 IOPS and 500 MiB/s from 200 GiB, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3")]
    [TestCase("PL4001", "Storage/SqlServer", "info",
        "gp2 storage: on RDS for SQL Server, gp3 gives a 3,000 IOPS and 125 MiB/s baseline at any size, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3")]
    [TestCase("PL4002", "Storage/Provisioned", "warning",
        "io1 storage: RDS recommends io2 Block Express storage for I/O-intensive and latency-sensitive workloads (RDS user guide, checked 2026-12-05); use io2")]
    [TestCase("PL4001", "Storage/Search", "info",
        "gp2 volume: OpenSearch Service data nodes also take gp3 EBS volumes (OpenSearch EBSOptions API, checked 2026-12-05); consider gp3")]
    public void Message_and_severity(string rule, string path, string severity, string message)
    {
        var finding = _result.Single(rule, path);
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(message));
        Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo(severity));
    }
}
