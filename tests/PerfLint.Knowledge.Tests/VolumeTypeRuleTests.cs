using PerfLint.Knowledge.Rules;
using PerfLint.Knowledge.Storage;

namespace PerfLint.Knowledge.Tests;

/// <summary>
/// PL4001/PL4002 decisions per service. Expected messages are written by hand from
/// Data/storage-volume-types.csv (checked 2026-12-05): EBS gp2 $0.10 and gp3 $0.08 per GiB-month, so 20% less;
/// gp2 3 IOPS per GiB, so 300 IOPS at 100 GiB; RDS gp3 per engine from the RDS user guide.
/// </summary>
public class VolumeTypeRuleTests
{
    private const string EbsGp2 =
        "gp2 volume: gp3 costs 20% less per GiB-month ($0.08 vs $0.10, EBS us-east-1, checked 2026-12-05) and gives 3,000 IOPS and 125 MiB/s at any size, where gp2 gives 3 IOPS per GiB (a 100 GiB gp2 volume: 300 IOPS baseline); use gp3";

    private const string EbsIo1 =
        "io1 volume: io2 costs the same per GiB-month ($0.125, EBS us-east-1, checked 2026-12-05) and per provisioned IOPS up to 32,000 ($0.065), is more durable (99.999% vs 99.8%-99.9%) and goes up to 256,000 IOPS, 4,000 MiB/s, 64 TiB per volume (io1: 64,000 IOPS, 1,000 MiB/s, 16 TiB); use io2";

    private const string RdsMySql =
        "gp2 storage: on RDS for MySQL, gp3 gives a 3,000 IOPS and 125 MiB/s baseline below 400 GiB and 12,000 IOPS and 500 MiB/s from 400 GiB, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private const string RdsOracle =
        "gp2 storage: on RDS for Oracle, gp3 gives a 3,000 IOPS and 125 MiB/s baseline below 200 GiB and 12,000 IOPS and 500 MiB/s from 200 GiB, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private const string RdsSqlServer =
        "gp2 storage: on RDS for SQL Server, gp3 gives a 3,000 IOPS and 125 MiB/s baseline at any size, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private const string RdsUnknownEngine =
        "gp2 storage: on RDS, gp3 gives a 3,000 IOPS and 125 MiB/s baseline at any size, and 12,000 IOPS and 500 MiB/s from 400 GiB (MariaDB, MySQL, PostgreSQL) or 200 GiB (Oracle), where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private const string RdsIo1 =
        "io1 storage: RDS recommends io2 Block Express storage for I/O-intensive and latency-sensitive workloads (RDS user guide, checked 2026-12-05); use io2";

    private const string OpenSearchGp2 =
        "gp2 volume: OpenSearch Service data nodes also take gp3 EBS volumes (OpenSearch EBSOptions API, checked 2026-12-05); consider gp3";

    private const string UnsetPostgres =
        "StorageType is unset and defaults to gp2 for a CDK DatabaseInstance: on RDS for PostgreSQL, gp3 gives a 3,000 IOPS and 125 MiB/s baseline below 400 GiB and 12,000 IOPS and 500 MiB/s from 400 GiB, where gp2 gives 3 IOPS per GiB (100 GiB: 300 IOPS baseline) (RDS user guide, checked 2026-12-05); use gp3";

    private static void AssertFinding(RuleFinding? finding, string id, RuleSeverity severity, string message, string replacement)
    {
        Assert.That(finding, Is.Not.Null);
        Assert.That((finding!.RuleId, finding.Severity, finding.Replacement), Is.EqualTo((id, severity, replacement)));
        Assert.That(finding.Message, Is.EqualTo(message));
    }

    [Test]
    public void Ebs_gp2_quotes_price_and_baseline() =>
        AssertFinding(VolumeTypeRule.Evaluate("gp2", StorageService.Ebs), RuleIds.Gp2Volume, RuleSeverity.Warning, EbsGp2, "gp3");

    [Test]
    public void Ebs_is_the_default_service() =>
        AssertFinding(VolumeTypeRule.Evaluate(" GP2 "), RuleIds.Gp2Volume, RuleSeverity.Warning, EbsGp2, "gp3");

    [Test]
    public void Ebs_io1_quotes_same_price_durability_and_limits() =>
        AssertFinding(VolumeTypeRule.Evaluate("io1", StorageService.Ebs), RuleIds.Io1Volume, RuleSeverity.Warning, EbsIo1, "io2");

    [TestCase("mysql")]
    [TestCase("MYSQL")]
    [TestCase("Mysql")]
    public void Rds_gp2_with_mysql_quotes_its_threshold_and_no_price(string engine) =>
        AssertFinding(VolumeTypeRule.Evaluate("gp2", StorageService.Rds, engine), RuleIds.Gp2Volume, RuleSeverity.Warning, RdsMySql, "gp3");

    [TestCase("oracle-ee")]
    [TestCase("ORACLE_SE2")]
    public void Rds_gp2_with_oracle_uses_200_gib(string engine) =>
        AssertFinding(VolumeTypeRule.Evaluate("gp2", StorageService.Rds, engine), RuleIds.Gp2Volume, RuleSeverity.Warning, RdsOracle, "gp3");

    /// <summary>SQL Server's gp3 stays at 3,000 IOPS at any size, which gp2 passes from 1,000 GiB: info, not a warning.</summary>
    [Test]
    public void Rds_gp2_with_sql_server_is_info() =>
        AssertFinding(VolumeTypeRule.Evaluate("gp2", StorageService.Rds, "sqlserver-se"), RuleIds.Gp2Volume, RuleSeverity.Info, RdsSqlServer, "gp3");

    [TestCase(null)]
    [TestCase("custom-engine")]
    public void Rds_gp2_with_unknown_engine_lists_every_engine_and_is_info(string? engine) =>
        AssertFinding(VolumeTypeRule.Evaluate("gp2", StorageService.Rds, engine), RuleIds.Gp2Volume, RuleSeverity.Info, RdsUnknownEngine, "gp3");

    [Test]
    public void Rds_messages_state_no_price()
    {
        foreach (var engine in new[] { null, "mysql", "oracle-ee", "sqlserver-ex", "postgres", "mariadb" })
        {
            Assert.That(VolumeTypeRule.Evaluate("gp2", StorageService.Rds, engine)!.Message, Does.Not.Contain("$").And.Not.Contain("less"));
        }

        Assert.That(VolumeTypeRule.Evaluate("io1", StorageService.Rds)!.Message, Does.Not.Contain("$"));
    }

    [TestCase("aurora-postgresql")]
    [TestCase("db2-se")]
    public void Rds_engines_without_gp2_get_nothing(string engine) =>
        Assert.That(VolumeTypeRule.Evaluate("gp2", StorageService.Rds, engine), Is.Null);

    [Test]
    public void Rds_io1_says_only_what_holds_for_rds_io2() =>
        AssertFinding(VolumeTypeRule.Evaluate("io1", StorageService.Rds, "postgres"), RuleIds.Io1Volume, RuleSeverity.Warning, RdsIo1, "io2");

    [Test]
    public void OpenSearch_gp2_says_nothing_specific_and_is_info() =>
        AssertFinding(VolumeTypeRule.Evaluate("gp2", StorageService.OpenSearch), RuleIds.Gp2Volume, RuleSeverity.Info, OpenSearchGp2, "gp3");

    /// <summary>OpenSearch's EBSOptions take standard, gp2, io1 and gp3: no io2 to move to.</summary>
    [Test]
    public void OpenSearch_io1_is_not_reported() =>
        Assert.That(VolumeTypeRule.Evaluate("io1", StorageService.OpenSearch), Is.Null);

    [Test]
    public void Unset_rds_storage_type_is_gp2() =>
        AssertFinding(VolumeTypeRule.EvaluateUnsetRdsStorageType("postgres"), RuleIds.Gp2Volume, RuleSeverity.Warning, UnsetPostgres, "gp3");

    [Test]
    public void Unset_storage_type_of_aurora_is_not_gp2() =>
        Assert.That(VolumeTypeRule.EvaluateUnsetRdsStorageType("aurora-mysql"), Is.Null);

    [TestCase("gp3")]
    [TestCase("io2")]
    [TestCase("st1")]
    [TestCase(null)]
    public void Current_types_are_not_reported(string? volume)
    {
        foreach (var service in new[] { StorageService.Ebs, StorageService.Rds, StorageService.OpenSearch })
        {
            Assert.That(VolumeTypeRule.Evaluate(volume, service, "mysql"), Is.Null);
        }
    }
}
