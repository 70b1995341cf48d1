using PerfLint.Check.Intrinsics;
using PerfLint.Check.Templates;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>The intrinsic functions that carry instance types, images and connections between resources.</summary>
[TestFixture]
public sealed class IntrinsicResolutionTests
{
    private const string Template = """
    {
      "Parameters": { "Size": { "Type": "String", "Default": "xlarge" }, "Zones": { "Type": "CommaDelimitedList", "Default": "eu-west-1a, eu-west-1b" } },
      "Mappings": { "Types": { "Web": { "Family": "m4" } } },
      "Resources": {
        "Db": { "Type": "AWS::RDS::DBInstance", "Properties": { "DBInstanceClass": "db.r7g.large" } },
        "Joined": { "Type": "AWS::EC2::Instance", "Properties": { "InstanceType": { "Fn::Join": [".", [ { "Fn::FindInMap": ["Types", "Web", "Family"] }, { "Ref": "Size" } ]] } } },
        "Subbed": { "Type": "AWS::EC2::Instance", "Properties": { "InstanceType": { "Fn::Sub": ["${Family}.${Size}", { "Family": "c4" }] }, "UserData": { "Fn::Sub": "host=${Db.Endpoint.Address} region=${AWS::Region} literal=${!Keep}" } } },
        "Picked": { "Type": "AWS::EC2::Volume", "Properties": { "AvailabilityZone": { "Fn::Select": [1, { "Fn::GetAZs": "" }] }, "VolumeType": { "Fn::Select": [0, { "Fn::Split": [",", "gp2,gp3"] }] } } },
        "FromParameter": { "Type": "AWS::EC2::Volume", "Properties": { "AvailabilityZone": { "Fn::Select": [1, { "Ref": "Zones" }] }, "VolumeType": "gp3" } }
      },
      "Outputs": { "DbAddress": { "Value": { "Fn::GetAtt": ["Db", "Endpoint.Address"] }, "Export": { "Name": { "Fn::Join": ["-", ["Data", "DbAddress"]] } } } }
    }
    """;

    private const string Importer = """
    {
      "Resources": {
        "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Environment": { "Variables": { "DB": { "Fn::ImportValue": "Data-DbAddress" } } } } }
      }
    }
    """;

    private CloudAssemblyModel _model = null!;
    private IntrinsicResolver _resolver = null!;

    [OneTimeSetUp]
    public void Read()
    {
        _model = CloudAssemblyReader.Read(TemplateAssembly.Write(("Data", Template), ("Api", Importer)));
        _resolver = new IntrinsicResolver(_model);
    }

    private TemplateResource R(string stack, string id) => _model.Stacks.Single(s => s.Name == stack).ByLogicalId[id];

    private string? Resolve(string stack, string id, string property) => _resolver.ResolveString(R(stack, id).Property(property)!.Value, R(stack, id).Stack);

    [Test]
    public void JoinOfFindInMapAndParameterDefault() => Assert.That(Resolve("Data", "Joined", "InstanceType"), Is.EqualTo("m4.xlarge"));

    [Test]
    public void SubWithVariableMapAndParameter() => Assert.That(Resolve("Data", "Subbed", "InstanceType"), Is.EqualTo("c4.xlarge"));

    [Test]
    public void SubWithAttributePseudoParameterAndEscape() =>
        Assert.That(Resolve("Data", "Subbed", "UserData"), Is.EqualTo("host={{att:Data|Db.Endpoint.Address}} region={{AWS::Region}} literal=${Keep}"));

    [Test]
    public void SelectOverGetAzsKeepsTheIndex() => Assert.That(Resolve("Data", "Picked", "AvailabilityZone"), Is.EqualTo(Tokens.AvailabilityZone("{{AWS::Region}}", 1)));

    [Test]
    public void SelectOverSplitAndCommaDelimitedParameter()
    {
        Assert.That(Resolve("Data", "Picked", "VolumeType"), Is.EqualTo("gp2"));
        Assert.That(Resolve("Data", "FromParameter", "AvailabilityZone"), Is.EqualTo("eu-west-1b"));
    }

    [Test]
    public void SubReferencesTheResourceOfAnAttributeVariable()
    {
        var references = _resolver.References(R("Data", "Subbed").Property("UserData")!.Value, R("Data", "Subbed").Stack);
        Assert.That(references.Select(r => (r.Target.LogicalId, r.Attribute)), Is.EqualTo(new[] { ("Db", (string?)"Endpoint.Address") }));
    }

    [Test]
    public void ImportValueFollowsTheExportIntoTheOtherStack()
    {
        var node = R("Api", "Fn").Property("Environment.Variables.DB")!.Value;
        var references = _resolver.References(node, R("Api", "Fn").Stack);
        Assert.That(references.Select(r => r.Target), Is.EqualTo(new[] { R("Data", "Db") }));
        Assert.That(_resolver.ResolveString(node, R("Api", "Fn").Stack), Is.EqualTo("{{att:Data|Db.Endpoint.Address}}"));
    }

    [Test]
    public void ResolvedValuesReachTheRules()
    {
        var result = CheckRun.Json(TemplateAssembly.Write(("Data", Template), ("Api", Importer)), "--editorconfig", CheckRun.EditorConfig());
        Assert.That(result.FindingsOf("PL1001").Select(f => f.GetProperty("message").GetString()),
            Has.Some.Contains("'m4.xlarge'").And.Some.Contains("'c4.xlarge'"));
        Assert.That(result.FindingsOf("PL4001").Select(f => f.GetProperty("logicalId").GetString()), Is.EqualTo(new[] { "Picked" }));
    }

    [TestCase("us-east-1a", "us-east-1b", true)]
    [TestCase("us-east-1a", "us-east-1a", false)]
    [TestCase("{{az:{{AWS::Region}}#0}}", "{{az:{{AWS::Region}}#1}}", true)]
    [TestCase("{{az:{{AWS::Region}}#0}}", "us-east-1b", false)]
    [TestCase("{{?}}", "us-east-1b", false)]
    [TestCase("us-east-1a", "US-EAST-1A", false)]
    [TestCase("{{az:us-east-1#0}}", "{{az:eu-west-1#1}}", false)]
    public void ZonesDifferOnlyWhenCertain(string a, string b, bool different) =>
        Assert.That(PerfLint.Knowledge.App.Rules.AvailabilityZones.Differ(new PerfLint.Knowledge.App.AppModel(Array.Empty<PerfLint.Knowledge.App.AppResource>(), true) { Display = Tokens.Display }, a, b), Is.EqualTo(different));
}
