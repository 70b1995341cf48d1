using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// Template values are judged in their resource's service, RDS engine and stack region (the manifest's environment):
/// the same decisions as the analyzers. Facts from ../shared/data/aws_service_instance_offerings.csv.
/// </summary>
[TestFixture]
public sealed class ServiceContextTests
{
    private const string Template = """
    {
      "Resources": {
        "Docs": { "Type": "AWS::DocDB::DBInstance", "Properties": { "DBClusterIdentifier": "c", "DBInstanceClass": "db.r4.large" } },
        "Pg": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "postgres", "DBInstanceClass": "db.r4.large" } },
        "Web": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "sqlserver-web", "DBInstanceClass": "db.m5.large", "LicenseModel": "license-included" } },
        "PgM5": { "Type": "AWS::RDS::DBInstance", "Properties": { "Engine": "postgres", "DBInstanceClass": "db.m5.large" } },
        "Mem": { "Type": "AWS::MemoryDB::Cluster", "Properties": { "ClusterName": "m", "NodeType": "db.r4.large", "ACLName": "open-access" } }
      }
    }
    """;

    [Test]
    public void Each_resource_is_judged_in_its_service_engine_and_region()
    {
        var result = CheckRun.Json(TemplateAssembly.WriteIn("us-east-1", ("Data", Template)),
            "--editorconfig", CheckRun.EditorConfig("dotnet_diagnostic.PL1005.severity = suggestion"));

        Assert.That(result.Single("PL1001", "Data/Docs").GetProperty("message").GetString(), Does.Contain("use 'db.r8g.large'").And.EndWith("offered by DocumentDB in us-east-1]"));
        Assert.That(result.Single("PL1001", "Data/Pg").GetProperty("message").GetString(), Does.Contain("use 'db.r8g.large'").And.EndWith("offered by RDS (postgres) in us-east-1]"));
        Assert.That(result.Single("PL1005", "Data/PgM5").GetProperty("message").GetString(), Does.Contain("the Graviton twin 'db.m6g.large'"));
        Assert.That(result.FindingsOf("PL1005").Select(f => f.GetProperty("constructPath").GetString()), Has.No.Member("Data/Web"), "SQL Server has no Graviton classes");
        Assert.That(result.Findings.Select(f => f.GetProperty("constructPath").GetString()), Has.No.Member("Data/Mem"), "no MemoryDB facts");
    }

    [Test]
    public void Without_a_region_the_message_says_so()
    {
        var result = CheckRun.Json(TemplateAssembly.Write(("Data", Template)), "--editorconfig", CheckRun.EditorConfig());
        Assert.That(result.Single("PL1001", "Data/Docs").GetProperty("message").GetString(),
            Does.EndWith("offered by DocumentDB in 20 of 38 regions; region unknown: set perflint_region to check yours]"));
    }

    [Test]
    public void The_region_option_applies_to_region_agnostic_stacks()
    {
        var result = CheckRun.Json(TemplateAssembly.Write(("Data", Template)), "--editorconfig", CheckRun.EditorConfig("perflint_region = eu-west-1"));
        Assert.That(result.Single("PL1001", "Data/Docs").GetProperty("message").GetString(), Does.EndWith("offered by DocumentDB in eu-west-1]"));
    }
}
