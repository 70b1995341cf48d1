using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using PerfLint.Analyzers.Rules;
using PerfLint.Analyzers.Tests.Infrastructure;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>
/// Values read from the CDK context (<c>Node.TryGetContext("key")</c>) with cdk.json and cdk.context.json as additional
/// files: the rule's own message plus the file and key, at the C# that reads the value, with the JSON value as the
/// additional location. Expected messages are written by hand from the embedded data (instance-types.csv: m4.xlarge
/// $0.2/h, m8i.xlarge $0.21168/h in 24 regions; m4.large $0.1/h, m8i.large $0.10584/h) and the PL4001 tests.
/// </summary>
public class CdkContextTests
{
    // Positions below are 1-based (line, column) of each value in these texts.
    private const string CdkJson = """
        {
          "app": "dotnet run --project src/App.csproj",
          "context": {
            "workerType": "m4.xlarge",
            "currentType": "m7i.large",
            "volumeType": "gp2",
            "workerTypes": ["m4.large"],
            "sizing": { "worker": "m4.large" },
            "useGraviton": true,
            "nothing": null,
            "cachedType": "m7i.large",
            "targetInvocations": 70,
            "@aws-cdk/core:newStyleStackSynthesis": true
          }
        }
        """;

    private const string CdkContextJson = """
        {
          "cachedType": "m4.large",
          "onlyCached": "m4.large"
        }
        """;

    private const string M4XlargeFinding =
        "'m4.xlarge' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.xlarge' " +
        "(4 vCPU, 16 GiB vs 4 vCPU, 16 GiB; $0.21168/h vs $0.2/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
        "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region unknown: set perflint_region to check yours]";

    private const string M4LargeFinding = ExpectedMessages.M4LargeEc2;

    private const string EbsGp2Finding =
        "gp2 volume: gp3 costs 20% less per GiB-month ($0.08 vs $0.10, EBS us-east-1, checked 2026-12-05) and gives 3,000 IOPS and 125 MiB/s at any size, where gp2 gives 3 IOPS per GiB (a 100 GiB gp2 volume: 300 IOPS baseline); use gp3";

    private static readonly (string, string)[] BothFiles = { ("/0/cdk.json", CdkJson), ("/0/cdk.context.json", CdkContextJson) };

    private static DiagnosticResult WorkerType(int location) =>
        new DiagnosticResult("PL1001", DiagnosticSeverity.Warning).WithLocation(location).WithLocation("/0/cdk.json", 4, 19)
            .WithMessage(M4XlargeFinding + " (cdk.json context \"workerType\")");

    [Test]
    public Task Instance_type_from_cdk_json_is_reported_at_the_call_on_every_node() => Verify<PreviousGenerationInstanceAnalyzer>(Stack("""
        new CfnInstanceProps { InstanceType = (string){|#0:this.Node.TryGetContext("workerType")|} };
        new CfnInstanceProps { InstanceType = (string){|#1:scope.Node.TryGetContext("workerType")|} };
        new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { InstanceType = new InstanceType((string){|#2:Node.Of(this).TryGetContext("workerType")|}) };
        """, """
        static void OnApp(App app) { new CfnInstanceProps { InstanceType = {|#3:app.Node.TryGetContext("workerType")|} as string }; }
        """),
        BothFiles, WorkerType(0), WorkerType(1), WorkerType(2), WorkerType(3));

    [Test]
    public Task Volume_type_from_cdk_json_is_reported_by_PL4001() => Verify<VolumeTypeAnalyzer>(Stack("""
        new CfnVolumeProps { AvailabilityZone = "us-east-1a", VolumeType = (string){|#0:Node.TryGetContext("volumeType")|} };
        """), BothFiles,
        new DiagnosticResult("PL4001", DiagnosticSeverity.Warning).WithLocation(0).WithLocation("/0/cdk.json", 6, 19)
            .WithMessage(EbsGp2Finding + " (cdk.json context \"volumeType\")"));

    /// <summary>The whole-app rules read the same values (PL2002's expected message as in PL2002PlacementGroupTests).</summary>
    [Test]
    public Task Instance_type_from_context_reaches_the_whole_app_rules() => Verify<AppRulesAnalyzer>(TestReferences.CdkUsings + "using Amazon.CDK.AWS.AutoScaling;\n" + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            new AutoScalingGroup(this, "Trainers", new AutoScalingGroupProps {
                Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), MinCapacity = 2, MaxCapacity = 4,
                InstanceType = new InstanceType((string){|#0:Node.TryGetContext("trainerType")|}),
            });
        } }
        """, new[] { ("/0/cdk.json", """{"context": {"trainerType": "p4d.24xlarge"}}""") },
        new DiagnosticResult("PL2002", DiagnosticSeverity.Info).WithLocation(0).WithLocation("/0/cdk.json", 1, 29)
            .WithMessage("Up to 4 'p4d.24xlarge' instances (96 vCPU, 1152 GiB, 8x A100 (320 GiB)) run without a cluster placement group: collective operations " +
                "between them cross the wider AZ network; add a placement group with strategy 'cluster' (cdk.json context \"trainerType\")"),
        new DiagnosticResult("PL2004", DiagnosticSeverity.Info).WithLocation(0).WithLocation("/0/cdk.json", 1, 29)
            .WithMessage("Up to 4 'p4d.24xlarge' instances (96 vCPU, 1152 GiB, 8x A100 (320 GiB)) have no EFA network interface: collective operations between them run over the TCP stack; " +
                "'p4d.24xlarge' supports up to 4 EFA interfaces and has 400 Gbps of network bandwidth (Karpenter instance-type reference, checked 2026-12-05); give the launch template a network interface with InterfaceType 'efa' (cdk.json context \"trainerType\")"));

    /// <summary>Numbers flow too: 70 is PL5002's default example value (options.md).</summary>
    [Test]
    public Task Number_from_cdk_json_is_reported_by_PL5002() => Verify<ScalingConfigurationAnalyzer>(Stack("""
        new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty
        {
            TargetValue = (double){|#0:Node.TryGetContext("targetInvocations")|},
            PredefinedMetricSpecification = new CfnScalingPolicy.PredefinedMetricSpecificationProperty { PredefinedMetricType = "SageMakerVariantInvocationsPerInstance" },
        };
        new CfnScalingPolicy.TargetTrackingScalingPolicyConfigurationProperty
        {
            TargetValue = (double)Node.TryGetContext("workerType"),
            PredefinedMetricSpecification = new CfnScalingPolicy.PredefinedMetricSpecificationProperty { PredefinedMetricType = "SageMakerVariantInvocationsPerInstance" },
        };
        """), BothFiles,
        new DiagnosticResult("PL5002", DiagnosticSeverity.Warning).WithLocation(0).WithLocation("/0/cdk.json", 12, 26)
            .WithMessage("Scaling target value 70 for SageMakerVariantInvocationsPerInstance is the AWS documentation's example, not a load-tested figure; " +
                "measure the maximum invocations per instance at your latency budget (perflint bench) and set the target to about half of it (cdk.json context \"targetInvocations\")"));

    [Test]
    public Task Current_type_unknown_key_and_non_strings_are_silent() => Verify<PreviousGenerationInstanceAnalyzer>(Stack("""
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("currentType") };
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("missing") };
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("workerTypes") };
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("sizing") };
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("useGraviton") };
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("nothing") };
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("worker") };
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext(System.Environment.GetEnvironmentVariable("KEY")) };
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext(id) };
        """), BothFiles);

    [Test]
    public Task Without_context_files_the_call_is_unknown() => Verify<PreviousGenerationInstanceAnalyzer>(Stack("""
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("workerType") };
        """), System.Array.Empty<(string, string)>());

    [Test]
    public Task A_malformed_cdk_json_is_ignored() => Verify<PreviousGenerationInstanceAnalyzer>(Stack("""
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("workerType") };
        """), new[] { ("/0/cdk.json", CdkJson.Substring(0, CdkJson.Length - 3)) });

    [Test]
    public Task A_key_set_in_code_is_not_read_from_the_files() => Verify<PreviousGenerationInstanceAnalyzer>(Stack("""
        Node.SetContext("workerType", "m7i.xlarge");
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("workerType") };
        """), BothFiles);

    /// <summary>A helper that takes the key reports at the argument naming it: the same helper serves several keys.</summary>
    [Test]
    public Task Key_through_a_helper_is_reported_where_the_key_is_written() => Verify<PreviousGenerationInstanceAnalyzer>(Stack("""
        new CfnInstanceProps { InstanceType = Ctx({|#0:"workerType"|}) };
        new CfnInstanceProps { InstanceType = Ctx("currentType") };
        Worker({|#1:"workerType"|});
        """, """
        private string Ctx(string key) => (string)Node.TryGetContext(key);
        private void Worker(string key) { new CfnInstanceProps { InstanceType = (string)Node.TryGetContext(key) }; }
        """), BothFiles, WorkerType(0), WorkerType(1));

    /// <summary>A context value that is part of an interpolation or concatenation names its file and key like a direct read.</summary>
    [Test]
    public Task Context_value_inside_an_interpolation_or_concatenation_names_the_file_and_key() => Verify<PreviousGenerationInstanceAnalyzer>(Stack("""
        new CfnInstanceProps { InstanceType = {|#0:$"{Node.TryGetContext("family")}.large"|} };
        new CfnInstanceProps { InstanceType = {|#1:(string)Node.TryGetContext("family") + ".large"|} };
        new CfnInstanceProps { InstanceType = $"{Node.TryGetContext("current")}.large" };
        new CfnInstanceProps { InstanceType = $"{Node.TryGetContext("missing")}.large" };
        """), new[] { ("/0/cdk.json", """{"context": {"family": "m4", "current": "m7i"}}""") },
        new DiagnosticResult("PL1001", DiagnosticSeverity.Warning).WithLocation(0).WithLocation("/0/cdk.json", 1, 24)
            .WithMessage(M4LargeFinding + " (cdk.json context \"family\")"),
        new DiagnosticResult("PL1001", DiagnosticSeverity.Warning).WithLocation(1).WithLocation("/0/cdk.json", 1, 24)
            .WithMessage(M4LargeFinding + " (cdk.json context \"family\")"));

    /// <summary>The CDK CLI takes a key from cdk.json before cdk.context.json (see CdkContext); cdk.context.json alone still counts.</summary>
    [Test]
    public Task Cdk_json_wins_over_cdk_context_json() => Verify<PreviousGenerationInstanceAnalyzer>(Stack("""
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("cachedType") };
        new CfnInstanceProps { InstanceType = (string){|#0:Node.TryGetContext("onlyCached")|} };
        """), BothFiles,
        new DiagnosticResult("PL1001", DiagnosticSeverity.Warning).WithLocation(0).WithLocation("/0/cdk.context.json", 3, 17)
            .WithMessage(M4LargeFinding + " (cdk.context.json context \"onlyCached\")"));

    [Test]
    public Task A_cdk_context_json_of_another_folder_is_not_this_apps() => Verify<PreviousGenerationInstanceAnalyzer>(Stack("""
        new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("onlyCached") };
        """), new[] { ("/0/cdk.json", CdkJson), ("/0/other/cdk.context.json", CdkContextJson) });

    /// <summary>Half-typed context reads, and every truncation of the context files, with every analyzer: no AD0001.</summary>
    [TestCase("Node.TryGetContext(")]
    [TestCase("Node.TryGetContext(\"workerType\"")]
    [TestCase("new CfnInstanceProps { InstanceType = (string)Node.TryGetContext( };")]
    [TestCase("new CfnInstanceProps { InstanceType = (string)Node.TryGetContext(\"workerType\", 1) };")]
    [TestCase("new CfnInstanceProps { InstanceType = (string)Node.TryGetContext(42) };")]
    [TestCase("new CfnInstanceProps { InstanceType = (string)Node.TryGetContext(null) };")]
    [TestCase("new CfnInstanceProps { InstanceType = (string)TryGetContext(\"workerType\") };")]
    [TestCase("new CfnInstanceProps { InstanceType = Ctx() };")]
    [TestCase("new CfnInstanceProps { InstanceType = $\"{Node.TryGetContext(\"workerType\")}.\" + };")]
    [TestCase("new CfnInstanceProps { InstanceType = $\"{Node.TryGetContext(}.large\" };")]
    [TestCase("new CfnInstanceProps { InstanceType = Ctx(Ctx(Ctx(\"workerType\"))) };")]
    public async Task Incomplete_code_does_not_make_any_analyzer_throw(string body)
    {
        var compilation = AnalyzerRunner.Compile(new[] { Stack(body, "private string Ctx(string key) => (string)Node.TryGetContext(key);") });
        foreach (var files in new[] { BothFiles, new[] { ("/0/cdk.json", "{\"context\": {\"workerType\": 1e400, \"x\": \"\\u12\"}}") } })
        {
            Assert.That(await ExceptionsAsync(compilation, files), Is.Empty);
        }
    }

    [Test]
    public async Task Truncated_and_mutated_context_files_do_not_make_any_analyzer_throw()
    {
        var compilation = AnalyzerRunner.Compile(new[] { Stack("""
            new CfnInstanceProps { InstanceType = (string)Node.TryGetContext("workerType") };
            new CfnInstanceProps { InstanceType = Ctx("onlyCached") };
            """, "private string Ctx(string key) => (string)Node.TryGetContext(key);") });
        var random = new Random(20261205);
        for (var i = 0; i < 24; i++)
        {
            var cut = CdkJson.Substring(0, random.Next(CdkJson.Length));
            var chars = CdkContextJson.ToCharArray();
            const string Noise = "{}[]\":,\\ 0e-";
            chars[random.Next(chars.Length)] = Noise[random.Next(Noise.Length)];
            var exceptions = await ExceptionsAsync(compilation, new[] { ("/0/cdk.json", cut), ("/0/cdk.context.json", new string(chars)) });
            Assert.That(exceptions, Is.Empty, cut + "\n-----\n" + new string(chars));
        }
    }

    private static Task Verify<TAnalyzer>(string source, (string Path, string Text)[] files, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        TestSetup.GatedThenAdmittingAll(admitAll =>
        {
            var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test();
            test.TestState.Sources.Add(source);
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            if (admitAll)
            {
                TestSetup.AdmitAllBodies(test.TestState);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        });

    private static async Task<List<string>> ExceptionsAsync(Compilation compilation, (string Path, string Text)[] files)
    {
        var exceptions = new List<string>();
        var additional = files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), (ex, analyzer, _) => exceptions.Add(analyzer.GetType().Name + ": " + ex),
            concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerRunner.AllAnalyzers(), options).GetAnalyzerDiagnosticsAsync();
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));
        return exceptions;
    }

    private sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
