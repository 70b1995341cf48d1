using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>Values CloudFormation supplies when the template leaves them out.</summary>
[TestFixture]
public sealed class TemplateDefaultsTests
{
    [Test]
    public void VolumeWithoutTypeIsGp2()
    {
        const string template = """
        {
          "Resources": {
            "Untyped": { "Type": "AWS::EC2::Volume", "Properties": { "AvailabilityZone": "us-east-1a", "Size": 100 } },
            "Typed": { "Type": "AWS::EC2::Volume", "Properties": { "AvailabilityZone": "us-east-1a", "Size": 100, "VolumeType": "gp3" } }
          }
        }
        """;
        var result = CheckRun.Json(TemplateAssembly.Write(("Disks", template)), "--editorconfig", CheckRun.EditorConfig());
        Assert.That(result.Summary, Is.EqualTo("PL4001 Disks/Untyped"));
        var finding = result.FindingsOf("PL4001")[0];
        Assert.That(finding.GetProperty("property").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(finding.GetProperty("template").GetProperty("line").GetInt32(), Is.EqualTo(3), "the resource's Type");
    }
}
