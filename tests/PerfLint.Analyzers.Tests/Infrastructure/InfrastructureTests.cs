using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>Descriptors, FindingReporter, CdkTypes and options.</summary>
public class InfrastructureTests
{
    [Test]
    public void Every_catalog_rule_has_a_descriptor_with_its_metadata_and_help_link()
    {
        Assert.That(Descriptors.All.Select(d => d.Id), Is.EqualTo(RuleCatalog.All.Select(r => r.Id)));
        foreach (var rule in RuleCatalog.All)
        {
            var d = Descriptors.For(rule.Id);
            Assert.Multiple(() =>
            {
                Assert.That(d.Title.ToString(), Is.EqualTo(rule.Title));
                Assert.That(d.Category, Is.EqualTo(rule.Category));
                Assert.That(d.IsEnabledByDefault, Is.EqualTo(rule.EnabledByDefault));
                Assert.That(d.DefaultSeverity, Is.EqualTo(Descriptors.ToRoslyn(rule.DefaultSeverity)));
                Assert.That(d.HelpLinkUri, Is.EqualTo(RuleCatalog.GetHelpUri(rule.Id)).And.EndsWith("docs/rules/" + rule.Id + ".md"));
                Assert.That(d.MessageFormat.ToString(), Is.EqualTo("{0}"));
            });
        }

        Assert.That(Descriptors.For(RuleIds.GravitonOpportunity).IsEnabledByDefault, Is.False);
        Assert.Throws<KeyNotFoundException>(() => Descriptors.For("PL9999"));
    }

    [Test]
    public void FindingReporter_uses_the_findings_severity_message_and_replacement()
    {
        var location = Location.Create("/a.cs", new Microsoft.CodeAnalysis.Text.TextSpan(0, 3), new Microsoft.CodeAnalysis.Text.LinePositionSpan());
        var info = FindingReporter.Create(new RuleFinding("PL1001", RuleSeverity.Info, "m5 is superseded", "m7i.large"), location);
        Assert.That(info.Severity, Is.EqualTo(DiagnosticSeverity.Info));
        Assert.That(info.Descriptor.DefaultSeverity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(info.GetMessage(), Is.EqualTo("m5 is superseded"));
        Assert.That(info.Properties[FindingReporter.ReplacementProperty], Is.EqualTo("m7i.large"));

        var warning = FindingReporter.Create(new RuleFinding("PL4001", RuleSeverity.Warning, "gp2"), location,
            ImmutableDictionary<string, string?>.Empty.Add("Extra", "x"));
        Assert.That(warning.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(warning.Properties.ContainsKey(FindingReporter.ReplacementProperty), Is.False);
        Assert.That(warning.Properties["Extra"], Is.EqualTo("x"));
    }

    [Test]
    public void FindingReporter_names_the_construct_whose_creation_holds_the_location()
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            "class C { void M(object s) {\n var v = new V(s, \"DataVolume\",\n  new P { T = \"gp2\" });\n var t = \"io1\"; } }");
        Location At(string text) => tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>()
            .Single(l => l.Token.ValueText == text).GetLocation();

        var inCreation = FindingReporter.Create(new RuleFinding("PL4001", RuleSeverity.Warning, "gp2"), At("gp2"));
        Assert.That(inCreation.Properties[FindingKey.ConstructProperty], Is.EqualTo("\"DataVolume\""));
        Assert.That(inCreation.Properties[FindingKey.ConstructLineProperty], Is.EqualTo("2"));
        var outside = FindingReporter.Create(new RuleFinding("PL4002", RuleSeverity.Warning, "io1"), At("io1"));
        Assert.That(outside.Properties.ContainsKey(FindingKey.ConstructProperty), Is.False, "a local's value is in no construct's creation");
    }

    [Test]
    public void CdkTypes_resolves_the_cdk_symbols_once_per_compilation()
    {
        var compilation = AnalyzerRunner.Compile(new[] { "class C { }" });
        Assert.That(CdkTypes.TryCreate(compilation, out var cdk), Is.True);
        Assert.That(CdkTypes.TryCreate(compilation, out var again), Is.True);
        Assert.That(again, Is.SameAs(cdk));
        Assert.That(cdk.Assembly.Name, Is.EqualTo("Amazon.CDK.Lib"));
        foreach (var symbol in new[] { cdk.InstanceClass, cdk.InstanceSize, cdk.InstanceType, cdk.EbsDeviceVolumeType, cdk.Volume,
                     cdk.BlockDeviceVolume, cdk.RdsStorageType, cdk.RdsDatabaseInstance, cdk.RdsClusterInstance, cdk.ElastiCacheCfnCacheCluster,
                     cdk.ElastiCacheCfnReplicationGroup, cdk.SagemakerCfnEndpointConfig, cdk.SagemakerCfnEndpoint, cdk.SagemakerCfnModel,
                     cdk.ScalableTarget, cdk.CfnScalableTarget, cdk.CfnScalingPolicy, cdk.LambdaFunction, cdk.LambdaArchitecture })
        {
            Assert.That(symbol, Is.Not.Null);
            Assert.That(cdk.IsCdk(symbol), Is.True, symbol!.Name);
        }

        var neptune = cdk.Get("Amazon.CDK.AWS.Neptune.CfnDBInstance");
        Assert.That(neptune, Is.Not.Null);
        Assert.That(cdk.Get("Amazon.CDK.AWS.Neptune.CfnDBInstance"), Is.SameAs(neptune));
        Assert.That(cdk.Get("Amazon.CDK.AWS.Nope.Missing"), Is.Null);
        Assert.That(CdkTypes.InNamespace(cdk.RdsStorageType, "Amazon.CDK.AWS.RDS"), Is.True);
        Assert.That(CdkTypes.InNamespace(cdk.RdsStorageType, "Amazon.CDK.AWS.RD"), Is.False);
        Assert.That(CdkTypes.InNamespace(cdk.RdsStorageType, "Amazon.CDK.AWS"), Is.True);
        Assert.That(CdkTypes.InNamespace(cdk.RdsStorageType, "Amazon"), Is.True);
        Assert.That(CdkTypes.InNamespace(cdk.RdsStorageType, "Amazon.CDK.AWS.RDSX"), Is.False);
        Assert.That(CdkTypes.InNamespace(cdk.RdsStorageType, "mazon.CDK.AWS.RDS"), Is.False);
        Assert.That(CdkTypes.InNamespace(cdk.RdsStorageType, "Amazon.CDK.AWS.RDS.Inner"), Is.False);
        Assert.That(CdkTypes.InNamespace(cdk.RdsStorageType, "Amazon.CDK.AWS.EC2"), Is.False);
        Assert.That(CdkTypes.InNamespace(cdk.RdsStorageType, ".CDK.AWS.RDS"), Is.False);
        Assert.That(CdkTypes.InNamespace(cdk.RdsStorageType, "Amazon..AWS.RDS"), Is.False);
        Assert.That(CdkTypes.InNamespace(null, "Amazon"), Is.False);
        Assert.That(CdkTypes.InNamespace(cdk.Compilation.GetSpecialType(SpecialType.System_Int32), "System"), Is.True);
        Assert.That(CdkTypes.InNamespace(cdk.Compilation.GetSpecialType(SpecialType.System_Int32), "Amazon"), Is.False);
    }

    [Test]
    public void CdkTypes_is_not_created_without_the_cdk_or_for_a_look_alike()
    {
        Assert.That(CdkTypes.TryCreate(AnalyzerRunner.Compile(new[] { "class C { }" }, withCdk: false), out _), Is.False);
        var lookAlike = AnalyzerRunner.Compile(new[] { "namespace Amazon.CDK { public class Stack { } }" }, withCdk: false);
        Assert.That(CdkTypes.TryCreate(lookAlike, out _), Is.False);
    }

    [Test]
    public void Rule_options_come_from_editorconfig_keys_case_insensitively_with_global_fallback()
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { }", path: "/a.cs");
        var provider = new TestConfigOptionsProvider(
            new Dictionary<string, string> { ["pl1001.allowed_families"] = "m4, c4" },
            new Dictionary<string, string> { ["PL5002.example_values"] = "70;50" });
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider).GetRuleOptions(tree);
        Assert.That(options.IsFamilyAllowed("PL1001", "m4"), Is.True);
        Assert.That(options.IsFamilyAllowed("PL1001", "C4"), Is.True);
        Assert.That(options.IsFamilyAllowed("PL1001", "t2"), Is.False);
        Assert.That(options.IsFamilyAllowed("PL1002", "m4"), Is.False);
        Assert.That(options.ExampleTargetValues, Is.EqualTo(new[] { 70.0, 50.0 }));
        Assert.That(options.MinGenerationGap, Is.EqualTo(2));
    }
}
