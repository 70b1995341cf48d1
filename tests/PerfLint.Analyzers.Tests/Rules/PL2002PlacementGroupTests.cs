using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using AppVerifier = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL2002: an accelerated or HPC fleet without a cluster placement group.</summary>
public class PL2002PlacementGroupTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.AutoScaling;\n";

    /// <summary>
    /// The app-rules verifier with PL2004 off: most fleets here are also EFA-capable fleets without EFA, which
    /// PL2004EfaTests covers.
    /// </summary>
    private static class Verify
    {
        private const string EfaOff = "dotnet_diagnostic.PL2004.severity = none";

        public static DiagnosticResult Diagnostic(string ruleId) => AppVerifier.Diagnostic(ruleId);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
            AppVerifier.VerifyAnalyzerAsync(source, EfaOff, expected);

        public static Task VerifyAnalyzerAsync(string[] sources, string editorConfig, params DiagnosticResult[] expected) =>
            AppVerifier.VerifyAnalyzerAsync(sources, EfaOff + "\n" + editorConfig, expected);
    }

    private static string Asg(string instanceType, string capacity = "MinCapacity = 2, MaxCapacity = 4") => $$"""
                var asg = new AutoScalingGroup(this, "Trainers", new AutoScalingGroupProps {
                    Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = {{instanceType}}, {{capacity}}
                });
        """;

    private static DiagnosticResult Fleet(int location, string type, int count) =>
        Expected(location, PlacementRule.Evaluate(type, count, hasClusterPlacementGroup: false)!.Message);

    /// <summary>PL2002 (an info) at <paramref name="location"/> with exactly <paramref name="message"/>.</summary>
    private static DiagnosticResult Expected(int location, string message) =>
        Verify.Diagnostic(RuleIds.FleetWithoutClusterPlacementGroup).WithLocation(location).WithSeverity(DiagnosticSeverity.Info).WithMessage(message);

    // Expected messages quote the hardware as instance-types.csv gives it (Karpenter / DescribeInstanceTypes):
    // p4d.24xlarge 96 vCPU, 1152 GiB, 8x A100 of 40 GiB; p5.48xlarge 192 vCPU, 2048 GiB, 8x H100 of 80 GiB;
    // hpc7g.16xlarge 64 vCPU, 128 GiB, no accelerator.

    [Test]
    public Task Gpu_auto_scaling_group_without_placement_group_is_reported_on_the_instance_class() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Asg("InstanceType.Of({|#0:InstanceClass.P4D|}, InstanceSize.XLARGE24)")}}
        } }
        """, Expected(0, "Up to 4 'p4d.24xlarge' instances (96 vCPU, 1152 GiB, 8x A100 (320 GiB)) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'"));

    [Test]
    public Task Enum_alias_through_a_field_and_a_constant_capacity() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Fleet { public const int Size = 8; }
        class S : Stack {
            private static readonly InstanceClass Training = {|#0:InstanceClass.PARALLEL4|};
            S(Construct s) : base(s, "s") {
                var vpc = new Vpc(this, "Vpc");
                var type = InstanceType.Of(Training, InstanceSize.XLARGE24);
                new AutoScalingGroup(this, "Trainers", new AutoScalingGroupProps {
                    Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = type, MinCapacity = 0, MaxCapacity = Fleet.Size,
                });
            }
        }
        """, Fleet(0, "p4d.24xlarge", 8));

    [Test]
    public Task Cluster_placement_group_through_the_escape_hatch_places_only_that_group() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Asg("InstanceType.Of(InstanceClass.PARALLEL4, InstanceSize.XLARGE24)")}}
            var group = new PlacementGroup(this, "Spine", new PlacementGroupProps { Strategy = PlacementGroupStrategy.CLUSTER });
            ((CfnAutoScalingGroup)asg.Node.DefaultChild!).PlacementGroup = group.PlacementGroupName;
            new AutoScalingGroup(this, "Other", new AutoScalingGroupProps {
                Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = new InstanceType({|#0:"p4d.24xlarge"|}), MaxCapacity = 2 });
        } }
        """, Fleet(0, "p4d.24xlarge", 2));

    [Test]
    public Task Escape_hatch_to_a_spread_group_is_reported() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Asg("new InstanceType({|#0:\"trn1.32xlarge\"|})")}}
            var group = new CfnPlacementGroup(this, "Spread", new CfnPlacementGroupProps { Strategy = "spread" });
            ((CfnAutoScalingGroup)asg.Node.DefaultChild!).PlacementGroup = group.Ref;
        } }
        """, Fleet(0, "trn1.32xlarge", 4));

    [Test]
    public Task Spread_placement_group_is_not_a_cluster_one() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Asg("new InstanceType({|#0:\"p5.48xlarge\"|})", "DesiredCapacity = 8")}}
            var group = new PlacementGroup(this, "Spread", new PlacementGroupProps { Strategy = PlacementGroupStrategy.SPREAD });
            ((CfnAutoScalingGroup)asg.Node.DefaultChild!).AddPropertyOverride("PlacementGroup", group.PlacementGroupName);
        } }
        """, Expected(0, "Up to 8 'p5.48xlarge' instances (192 vCPU, 2048 GiB, 8x H100 (640 GiB)) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'"));

    [Test]
    public Task Single_instance_and_general_purpose_fleets_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            new AutoScalingGroup(this, "One", new AutoScalingGroupProps { Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = new InstanceType("p4d.24xlarge") });
            new AutoScalingGroup(this, "Web", new AutoScalingGroupProps { Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = new InstanceType("m7i.xlarge"), MaxCapacity = 20 });
            new AutoScalingGroup(this, "Inference", new AutoScalingGroupProps { Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = new InstanceType("g5.xlarge"), MaxCapacity = 20 });
        } }
        """);

    [Test]
    public Task Option_min_instances_raises_the_fleet_size() => Verify.VerifyAnalyzerAsync(new[] { Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
        {{Asg("new InstanceType(\"p4d.24xlarge\")")}}
            new AutoScalingGroup(this, "Big", new AutoScalingGroupProps { Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = new InstanceType({|#0:"p4d.24xlarge"|}), MaxCapacity = 16 });
        } }
        """ }, "PL2002.min_instances = 8",
        Expected(0, "Up to 16 'p4d.24xlarge' instances (96 vCPU, 1152 GiB, 8x A100 (320 GiB)) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'"));

    [Test]
    public Task L1_group_with_a_launch_template_and_its_placement() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            const string Type = {|#0:"trn1.32xlarge"|};
            var template = new CfnLaunchTemplate(this, "Template", new CfnLaunchTemplateProps {
                LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty { InstanceType = Type },
            });
            new CfnAutoScalingGroup(this, "Trainers", new CfnAutoScalingGroupProps {
                MinSize = "0", MaxSize = "16",
                LaunchTemplate = new CfnAutoScalingGroup.LaunchTemplateSpecificationProperty { LaunchTemplateId = template.Ref, Version = template.AttrLatestVersionNumber },
            });
            var cluster = new CfnPlacementGroup(this, "Cluster", new CfnPlacementGroupProps { Strategy = "cluster" });
            var placed = new CfnLaunchTemplate(this, "Placed", new CfnLaunchTemplateProps {
                LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty {
                    InstanceType = "trn1.32xlarge",
                    Placement = new CfnLaunchTemplate.PlacementProperty { GroupName = cluster.Ref },
                },
            });
            new CfnAutoScalingGroup(this, "PlacedTrainers", new CfnAutoScalingGroupProps {
                MinSize = "0", MaxSize = "16", PlacementGroup = cluster.Ref,
                LaunchTemplate = new CfnAutoScalingGroup.LaunchTemplateSpecificationProperty { LaunchTemplateId = placed.Ref, Version = placed.AttrLatestVersionNumber },
            });
        } }
        """, Verify.Diagnostic(RuleIds.FleetWithoutClusterPlacementGroup).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
            .WithMessage(PlacementRule.Evaluate("trn1.32xlarge", 16, false)!.Message));

    [Test]
    public Task Standalone_hpc_instances_made_by_a_helper_count_together() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack {
            S(Construct s) : base(s, "s") {
                Node("A", {|#0:"hpc7g.16xlarge"|});
                Node("B", {|#1:"hpc7g.16xlarge"|});
                Node("Head", "c7g.xlarge");
            }

            void Node(string id, string type) => new CfnInstance(this, id, new CfnInstanceProps { InstanceType = type, ImageId = "ami-0123456789abcdef0" });
        }
        """,
        Expected(0, "Up to 2 'hpc7g.16xlarge' instances (64 vCPU, 128 GiB) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'"),
        Expected(1, "Up to 2 'hpc7g.16xlarge' instances (64 vCPU, 128 GiB) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'"));

    [Test]
    public Task Instance_created_in_a_loop_is_a_fleet_unless_placed_in_a_cluster_group() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            for (var i = 0; i < 4; i++)
            {
                new Instance_(this, "Worker" + i, new InstanceProps { Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = new InstanceType({|#0:"p4d.24xlarge"|}) });
            }

            var cluster = new PlacementGroup(this, "Cluster", new PlacementGroupProps { Strategy = PlacementGroupStrategy.CLUSTER });
            foreach (var id in new[] { "P0", "P1" })
            {
                new Instance_(this, id, new InstanceProps { Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = new InstanceType("p5.48xlarge"), PlacementGroup = cluster });
            }
        } }
        """, Fleet(0, "p4d.24xlarge", 2));

    [Test]
    public Task Eks_capacity_factory_is_a_fleet() => Verify.VerifyAnalyzerAsync(Usings + "using Amazon.CDK.AWS.EKS;\n" + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var cluster = new Cluster(this, "Eks", new ClusterProps { Version = KubernetesVersion.V1_29 });
            cluster.AddAutoScalingGroupCapacity("Gpu", new AutoScalingGroupCapacityOptions { InstanceType = new InstanceType({|#0:"p5.48xlarge"|}), MinCapacity = 2, MaxCapacity = 2 });
        } }
        """, Fleet(0, "p5.48xlarge", 2));

    // EC2 Fleets are a shape written only in Knowledge's whole-app rules (App/Rules/Ec2Fleets.cs): no analyzer code.
    private static string Ec2Fleet(string id, string instanceType, string placement = "") => $$"""
                new CfnEC2Fleet(this, "{{id}}", new CfnEC2FleetProps {
                    TargetCapacitySpecification = new CfnEC2Fleet.TargetCapacitySpecificationRequestProperty { TotalTargetCapacity = 8, DefaultTargetCapacityType = "on-demand" },
                    LaunchTemplateConfigs = new[] { new CfnEC2Fleet.FleetLaunchTemplateConfigRequestProperty {
                        LaunchTemplateSpecification = new CfnEC2Fleet.FleetLaunchTemplateSpecificationRequestProperty { LaunchTemplateId = template.Ref, Version = "1" },
                        Overrides = new[] { new CfnEC2Fleet.FleetLaunchTemplateOverridesRequestProperty { InstanceType = {{instanceType}}, WeightedCapacity = 2{{placement}} } },
                    } },
                });
        """;

    [Test]
    public Task Ec2_fleet_without_cluster_placement_is_reported_on_its_override_and_a_general_purpose_one_is_not() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var template = new CfnLaunchTemplate(this, "Template", new CfnLaunchTemplateProps { LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty { ImageId = "ami-0123456789abcdef0" } });
        {{Ec2Fleet("Trainers", "{|#0:\"p5.48xlarge\"|}")}}
        {{Ec2Fleet("General", "\"m7i.xlarge\"")}}
        } }
        """, Expected(0, "Up to 4 'p5.48xlarge' instances (192 vCPU, 2048 GiB, 8x H100 (640 GiB)) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'"));

    // The placed fleet links the cluster group, so the rule still speaks about the unplaced one.
    [Test]
    public Task Ec2_fleet_in_a_cluster_placement_group_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
            var template = new CfnLaunchTemplate(this, "Template", new CfnLaunchTemplateProps { LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty { ImageId = "ami-0123456789abcdef0" } });
            var spine = new CfnPlacementGroup(this, "Spine", new CfnPlacementGroupProps { Strategy = "cluster" });
        {{Ec2Fleet("Placed", "\"p5.48xlarge\"", ", Placement = new CfnEC2Fleet.PlacementProperty { GroupName = spine.Ref }")}}
        {{Ec2Fleet("Unplaced", "{|#0:\"p4d.24xlarge\"|}")}}
        } }
        """, Expected(0, "Up to 4 'p4d.24xlarge' instances (96 vCPU, 1152 GiB, 8x A100 (320 GiB)) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'"));

    [Test]
    public Task Unlinked_cluster_group_or_unknown_size_keeps_the_rule_silent() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s, int size) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            new AutoScalingGroup(this, "Unknown", new AutoScalingGroupProps { Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = new InstanceType("p4d.24xlarge"), MaxCapacity = size });
            new AutoScalingGroup(this, "Trainers", new AutoScalingGroupProps { Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = new InstanceType("p4d.24xlarge"), MaxCapacity = 4 });
            new CfnPlacementGroup(this, "Cluster", new CfnPlacementGroupProps { Strategy = "cluster" });
        } }
        """);

    [Test]
    public async Task Incomplete_code_as_typed_does_not_throw()
    {
        var source = Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            var asg = new AutoScalingGroup(this, "A", new AutoScalingGroupProps { Vpc = vpc, InstanceType = InstanceType.Of(InstanceClass.P4D, ), MaxCapacity = 
            ((CfnAutoScalingGroup)asg.Node.DefaultChild).PlacementGroup = 
            ((CfnAutoScalingGroup)asg.Node.DefaultChild).AddPropertyOverride(
            for (;;) new Instance_(this, "I", new InstanceProps { InstanceType = new InstanceType(
        """;
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source }),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PerfLint.Analyzers.Rules.AppRulesAnalyzer()));
        Assert.That(run.CompilerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), Is.True, "the source is incomplete");
        Assert.That(run.Exceptions, Is.Empty);
    }

    [Test]
    public void Descriptor_is_reported_at_compilation_end_and_links_its_rule_page()
    {
        var descriptor = new PerfLint.Analyzers.Rules.AppRulesAnalyzer().SupportedDiagnostics.Single(d => d.Id == "PL2002");
        Assert.That(descriptor.Id, Is.EqualTo("PL2002"));
        Assert.That(descriptor.CustomTags, Does.Contain(WellKnownDiagnosticTags.CompilationEnd));
        Assert.That(descriptor.HelpLinkUri, Does.EndWith("docs/rules/PL2002.md"));
        var page = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "docs", "rules", "PL2002.md");
        Assert.That(File.Exists(page), Is.True, page);
    }

    [Test]
    public Task No_cdk_referenced_gives_nothing() => NoCdkAssert.NoDiagnosticsWithoutCdkAsync("""
        namespace Amazon.CDK.AWS.AutoScaling { public class AutoScalingGroupProps { public string InstanceType { get; set; } = ""; public int MaxCapacity { get; set; } } }
        class S { object M() => new Amazon.CDK.AWS.AutoScaling.AutoScalingGroupProps { InstanceType = "p4d.24xlarge", MaxCapacity = 8 }; }
        """);
}
