using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace WholeApp;

/// <summary>
/// EC2 Fleets for PL2002 (synthesized alone, see Program.cs): a rule shape written only in Knowledge, with no code in
/// `perflint check` or the analyzers.
/// </summary>
public sealed class Ec2FleetStack : Stack
{
    public Ec2FleetStack(Construct scope, string id) : base(scope, id)
    {
        var template = new CfnLaunchTemplate(this, "TrainerTemplate", new CfnLaunchTemplateProps
        {
            LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty { ImageId = "ami-0123456789abcdef0" },
        });
        var spec = new CfnEC2Fleet.FleetLaunchTemplateSpecificationRequestProperty { LaunchTemplateId = template.Ref, Version = template.AttrLatestVersionNumber };

        // PL2002: 8 capacity units of 2 per instance are up to 4 p5.48xlarge, with no cluster placement group.
        new CfnEC2Fleet(this, "Trainers", new CfnEC2FleetProps
        {
            TargetCapacitySpecification = new CfnEC2Fleet.TargetCapacitySpecificationRequestProperty { TotalTargetCapacity = 8, DefaultTargetCapacityType = "on-demand" },
            LaunchTemplateConfigs = new[]
            {
                new CfnEC2Fleet.FleetLaunchTemplateConfigRequestProperty
                {
                    LaunchTemplateSpecification = spec,
                    Overrides = new[] { new CfnEC2Fleet.FleetLaunchTemplateOverridesRequestProperty { InstanceType = "p5.48xlarge", WeightedCapacity = 2 } },
                },
            },
        });

        // No PL2002: the same fleet in a cluster placement group.
        var spine = new CfnPlacementGroup(this, "Spine", new CfnPlacementGroupProps { Strategy = "cluster" });
        new CfnEC2Fleet(this, "PlacedTrainers", new CfnEC2FleetProps
        {
            TargetCapacitySpecification = new CfnEC2Fleet.TargetCapacitySpecificationRequestProperty { TotalTargetCapacity = 8, DefaultTargetCapacityType = "on-demand" },
            LaunchTemplateConfigs = new[]
            {
                new CfnEC2Fleet.FleetLaunchTemplateConfigRequestProperty
                {
                    LaunchTemplateSpecification = spec,
                    Overrides = new[]
                    {
                        new CfnEC2Fleet.FleetLaunchTemplateOverridesRequestProperty
                        {
                            InstanceType = "p5.48xlarge", WeightedCapacity = 2, Placement = new CfnEC2Fleet.PlacementProperty { GroupName = spine.Ref },
                        },
                    },
                },
            },
        });
    }
}
