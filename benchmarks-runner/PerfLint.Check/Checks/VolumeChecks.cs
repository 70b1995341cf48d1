using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Checks;

/// <summary>PL4001 (gp2) and PL4002 (io1) on EBS volumes, block device mappings and RDS storage types.</summary>
public sealed class VolumeChecks : ITemplateCheck
{
    private static readonly (string Type, string Path)[] VolumeTypeProperties =
    {
        ("AWS::EC2::Volume", "VolumeType"),
        ("AWS::EC2::Instance", "BlockDeviceMappings[].Ebs.VolumeType"),
        ("AWS::EC2::LaunchTemplate", "LaunchTemplateData.BlockDeviceMappings[].Ebs.VolumeType"),
        ("AWS::AutoScaling::LaunchConfiguration", "BlockDeviceMappings[].Ebs.VolumeType"),
        ("AWS::RDS::DBInstance", "StorageType"),
        ("AWS::RDS::DBCluster", "StorageType"),
        ("AWS::OpenSearchService::Domain", "EBSOptions.VolumeType"),
        ("AWS::Elasticsearch::Domain", "EBSOptions.VolumeType"),
        ("AWS::EMR::Cluster", "Instances.CoreInstanceGroup.EbsConfiguration.EbsBlockDeviceConfigs[].VolumeSpecification.VolumeType"),
    };

    public void Run(CheckContext context)
    {
        if (!context.IsOn(RuleIds.Gp2Volume) && !context.IsOn(RuleIds.Io1Volume))
        {
            return;
        }

        foreach (var (type, path) in VolumeTypeProperties)
        {
            foreach (var resource in context.OfType(type))
            {
                foreach (var (propertyPath, node) in PropertyPaths.Find(resource.Properties, path))
                {
                    context.Report(VolumeTypeRule.Evaluate(context.String(resource, node)), resource, node, propertyPath);
                }
            }
        }

        // CloudFormation creates an AWS::EC2::Volume without VolumeType as gp2 (its documented default); an L1
        // CfnVolume that leaves the type out gets one. Reported at the resource, since no property holds it.
        foreach (var volume in context.OfType("AWS::EC2::Volume").Where(v => v.Properties?["VolumeType"] == null))
        {
            context.Report(VolumeTypeRule.Evaluate(CloudFormationDefaultVolumeType), volume, volume.Node["Type"], null);
        }
    }

    /// <summary>AWS::EC2::Volume VolumeType default (CloudFormation resource reference).</summary>
    public const string CloudFormationDefaultVolumeType = "gp2";
}
