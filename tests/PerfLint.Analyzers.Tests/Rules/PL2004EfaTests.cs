using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Knowledge.Rules;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.AppRulesAnalyzer>;

namespace PerfLint.Analyzers.Tests.Rules;

/// <summary>PL2004: a multi-node fleet of EFA-capable accelerated instances whose launch template has no EFA interface.</summary>
public class PL2004EfaTests
{
    private const string Usings = PerfLint.Analyzers.Tests.Infrastructure.TestReferences.CdkUsings + "using Amazon.CDK.AWS.AutoScaling;\n";

    // Expected messages quote instance-types.csv (hardware) and efa-instance-types.csv (Karpenter, checked 2026-12-05):
    // p5.48xlarge 192 vCPU, 2048 GiB, 8x H100 of 80 GiB, 32 EFA interfaces, 3,200 Gbps; p4d.24xlarge 96 vCPU, 1152 GiB,
    // 8x A100 of 40 GiB, 4 EFA interfaces, 400 Gbps; trn1.32xlarge 128 vCPU, 512 GiB, 16x Trainium of 32 GiB, 8, 800 Gbps.
    private const string P5Fleet = "Up to 4 'p5.48xlarge' instances (192 vCPU, 2048 GiB, 8x H100 (640 GiB)) have no EFA network interface: collective operations between them run over the TCP stack; 'p5.48xlarge' supports up to 32 EFA interfaces and has 3,200 Gbps of network bandwidth (Karpenter instance-type reference, checked 2026-12-05); give the launch template a network interface with InterfaceType 'efa'";

    /// <summary>PL2004 (an info) at <paramref name="location"/> with exactly <paramref name="message"/>.</summary>
    private static DiagnosticResult Expected(int location, string message) =>
        Verify.Diagnostic(RuleIds.AcceleratedFleetWithoutEfa).WithLocation(location).WithSeverity(DiagnosticSeverity.Info).WithMessage(message);

    /// <summary>
    /// A cluster placement group (so PL2002 stays silent), an L1 launch template of <paramref name="instanceType"/> placed
    /// in it with <paramref name="extra"/> launch-template data, and an L1 group of <paramref name="size"/> launching from it.
    /// </summary>
    private static string PlacedGroup(string instanceType, string extra = "", string size = "MinSize = \"2\", MaxSize = \"4\"") => $$"""
                var cluster = new CfnPlacementGroup(this, "Cluster", new CfnPlacementGroupProps { Strategy = "cluster" });
                var template = new CfnLaunchTemplate(this, "Template", new CfnLaunchTemplateProps {
                    LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty {
                        InstanceType = {{instanceType}},
                        Placement = new CfnLaunchTemplate.PlacementProperty { GroupName = cluster.Ref },{{extra}}
                    },
                });
                new CfnAutoScalingGroup(this, "Trainers", new CfnAutoScalingGroupProps {
                    {{size}},
                    LaunchTemplate = new CfnAutoScalingGroup.LaunchTemplateSpecificationProperty { LaunchTemplateId = template.Ref, Version = template.AttrLatestVersionNumber },
                });
        """;

    private static string Interfaces(string interfaceType) => $$"""

                        NetworkInterfaces = new[] { new CfnLaunchTemplate.NetworkInterfaceProperty { DeviceIndex = 0, InterfaceType = {{interfaceType}} } },
        """;

    [Test]
    public Task L1_group_whose_launch_template_has_no_network_interfaces_is_reported_on_the_type() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{PlacedGroup("{|#0:\"p5.48xlarge\"|}")}}
        } }
        """, Expected(0, P5Fleet));

    [Test]
    public Task Launch_template_with_an_efa_interface_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{PlacedGroup("\"p5.48xlarge\"", Interfaces("\"efa\""))}}
        } }
        """);

    [Test]
    public Task Efa_interface_type_through_a_constant_and_efa_only_are_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        static class Net { public const string Fabric = "efa-only"; }
        class S : Stack { S(Construct s) : base(s, "s") {
        {{PlacedGroup("\"p5.48xlarge\"", Interfaces("Net.Fabric"))}}
        } }
        """);

    [Test]
    public Task Ordinary_interface_type_is_reported() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{PlacedGroup("{|#0:\"p5.48xlarge\"|}", Interfaces("\"interface\""))}}
        } }
        """, Expected(0, P5Fleet));

    // A value only deployment knows might be "efa": PerfLint does not guess.
    [Test]
    public Task Interface_type_from_a_parameter_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
                var nic = new CfnParameter(this, "Nic");
        {{PlacedGroup("\"p5.48xlarge\"", Interfaces("nic.ValueAsString"))}}
        } }
        """);

    [Test]
    public Task Single_instance_group_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{PlacedGroup("\"p5.48xlarge\"", size: "MinSize = \"1\", MaxSize = \"1\"")}}
        } }
        """);

    [Test]
    public Task Type_without_efa_facts_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{PlacedGroup("\"g5.2xlarge\"")}}
        } }
        """);

    // g5.48xlarge (instance-types.csv: 192 vCPU, 768 GiB, 8x A10G of 178.81 GiB in all, written whole from 100 GiB up;
    // efa-instance-types.csv: 1 EFA interface, 100 Gbps), in a group of exactly 2.
    [Test]
    public Task Efa_capable_g_type_group_is_reported() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{PlacedGroup("{|#0:\"g5.48xlarge\"|}", size: "MinSize = \"2\", MaxSize = \"2\"")}}
        } }
        """, Expected(0, "Up to 2 'g5.48xlarge' instances (192 vCPU, 768 GiB, 8x A10G (179 GiB)) have no EFA network interface: collective operations between them run over the TCP stack; 'g5.48xlarge' supports up to 1 EFA interface and has 100 Gbps of network bandwidth (Karpenter instance-type reference, checked 2026-12-05); give the launch template a network interface with InterfaceType 'efa'"));

    // The source lists g5.xlarge with no EFA resource: no row, so nothing to say.
    [Test]
    public Task G_type_the_source_shows_without_efa_is_silent() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{PlacedGroup("\"g5.xlarge\"")}}
        } }
        """);

    [Test]
    public Task Minimum_fleet_size_option_raises_the_bar() => Verify.VerifyAnalyzerAsync(Usings + $$"""
        class S : Stack { S(Construct s) : base(s, "s") {
        {{PlacedGroup("\"p5.48xlarge\"")}}
        } }
        """, "PL2004.min_instances = 8");

    // The L2 group has its own launch configuration: no EFA interface. The escape hatch places it, so PL2002 is silent.
    [Test]
    public Task L2_group_with_its_type_on_the_group_is_reported() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var vpc = new Vpc(this, "Vpc");
            var asg = new AutoScalingGroup(this, "Trainers", new AutoScalingGroupProps {
                Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = new InstanceType({|#0:"trn1.32xlarge"|}), MaxCapacity = 2,
            });
            var group = new PlacementGroup(this, "Spine", new PlacementGroupProps { Strategy = PlacementGroupStrategy.CLUSTER });
            ((CfnAutoScalingGroup)asg.Node.DefaultChild!).PlacementGroup = group.PlacementGroupName;
        } }
        """, Expected(0, "Up to 2 'trn1.32xlarge' instances (128 vCPU, 512 GiB, 16x AWS Trainium (512 GiB)) have no EFA network interface: collective operations between them run over the TCP stack; 'trn1.32xlarge' supports up to 8 EFA interfaces and has 800 Gbps of network bandwidth (Karpenter instance-type reference, checked 2026-12-05); give the launch template a network interface with InterfaceType 'efa'"));

    [Test]
    public Task Ec2_fleet_override_without_efa_is_reported_and_one_with_efa_is_not() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            var spine = new CfnPlacementGroup(this, "Spine", new CfnPlacementGroupProps { Strategy = "cluster" });
            var plain = new CfnLaunchTemplate(this, "Plain", new CfnLaunchTemplateProps { LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty { ImageId = "ami-0123456789abcdef0" } });
            var fabric = new CfnLaunchTemplate(this, "Fabric", new CfnLaunchTemplateProps { LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty {
                ImageId = "ami-0123456789abcdef0",
                NetworkInterfaces = new[] { new CfnLaunchTemplate.NetworkInterfaceProperty { DeviceIndex = 0, InterfaceType = "efa" } },
            } });
            new CfnEC2Fleet(this, "Plain", new CfnEC2FleetProps {
                TargetCapacitySpecification = new CfnEC2Fleet.TargetCapacitySpecificationRequestProperty { TotalTargetCapacity = 8, DefaultTargetCapacityType = "on-demand" },
                LaunchTemplateConfigs = new[] { new CfnEC2Fleet.FleetLaunchTemplateConfigRequestProperty {
                    LaunchTemplateSpecification = new CfnEC2Fleet.FleetLaunchTemplateSpecificationRequestProperty { LaunchTemplateId = plain.Ref, Version = "1" },
                    Overrides = new[] { new CfnEC2Fleet.FleetLaunchTemplateOverridesRequestProperty { InstanceType = {|#0:"p4d.24xlarge"|}, WeightedCapacity = 2, Placement = new CfnEC2Fleet.PlacementProperty { GroupName = spine.Ref } } },
                } },
            });
            new CfnEC2Fleet(this, "Fabric", new CfnEC2FleetProps {
                TargetCapacitySpecification = new CfnEC2Fleet.TargetCapacitySpecificationRequestProperty { TotalTargetCapacity = 8, DefaultTargetCapacityType = "on-demand" },
                LaunchTemplateConfigs = new[] { new CfnEC2Fleet.FleetLaunchTemplateConfigRequestProperty {
                    LaunchTemplateSpecification = new CfnEC2Fleet.FleetLaunchTemplateSpecificationRequestProperty { LaunchTemplateId = fabric.Ref, Version = "1" },
                    Overrides = new[] { new CfnEC2Fleet.FleetLaunchTemplateOverridesRequestProperty { InstanceType = "p4d.24xlarge", WeightedCapacity = 2, Placement = new CfnEC2Fleet.PlacementProperty { GroupName = spine.Ref } } },
                } },
            });
        } }
        """, Expected(0, "Up to 4 'p4d.24xlarge' instances (96 vCPU, 1152 GiB, 8x A100 (320 GiB)) have no EFA network interface: collective operations between them run over the TCP stack; 'p4d.24xlarge' supports up to 4 EFA interfaces and has 400 Gbps of network bandwidth (Karpenter instance-type reference, checked 2026-12-05); give the launch template a network interface with InterfaceType 'efa'"));

    // Code still being written: a group with no launch template or type yet, and one whose size is not known.
    [Test]
    public Task Incomplete_group_is_silent() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s, string max) : base(s, "s") {
            new CfnAutoScalingGroup(this, "Empty", new CfnAutoScalingGroupProps { MinSize = "2", MaxSize = "4" });
            var template = new CfnLaunchTemplate(this, "Template", new CfnLaunchTemplateProps {
                LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty { InstanceType = "p5.48xlarge" },
            });
            new CfnAutoScalingGroup(this, "Unsized", new CfnAutoScalingGroupProps {
                MinSize = "0", MaxSize = max,
                LaunchTemplate = new CfnAutoScalingGroup.LaunchTemplateSpecificationProperty { LaunchTemplateId = template.Ref, Version = "1" },
            });
        } }
        """);
}
