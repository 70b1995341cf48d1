using PerfLint.Knowledge.Rules;
using PerfLint.Knowledge.Storage;

namespace PerfLint.Check.Checks;

/// <summary>
/// PL4001 (gp2) and PL4002 (io1) on EBS volumes and block device mappings, RDS storage types and OpenSearch EBS
/// options, each judged for its service (RDS with the resource's <c>Engine</c> when it is a plain string).
/// </summary>
public sealed class VolumeChecks : ITemplateCheck
{
    private static readonly (string Type, string Path, StorageService Service)[] VolumeTypeProperties =
    {
        ("AWS::EC2::Volume", "VolumeType", StorageService.Ebs),
        ("AWS::EC2::Instance", "BlockDeviceMappings[].Ebs.VolumeType", StorageService.Ebs),
        ("AWS::EC2::LaunchTemplate", "LaunchTemplateData.BlockDeviceMappings[].Ebs.VolumeType", StorageService.Ebs),
        ("AWS::AutoScaling::LaunchConfiguration", "BlockDeviceMappings[].Ebs.VolumeType", StorageService.Ebs),
        ("AWS::RDS::DBInstance", "StorageType", StorageService.Rds),
        ("AWS::RDS::DBCluster", "StorageType", StorageService.Rds),
        ("AWS::OpenSearchService::Domain", "EBSOptions.VolumeType", StorageService.OpenSearch),
        ("AWS::Elasticsearch::Domain", "EBSOptions.VolumeType", StorageService.OpenSearch),
        ("AWS::EMR::Cluster", "Instances.CoreInstanceGroup.EbsConfiguration.EbsBlockDeviceConfigs[].VolumeSpecification.VolumeType", StorageService.Ebs),
    };

    public void Run(CheckContext context)
    {
        if (!context.IsOn(RuleIds.Gp2Volume) && !context.IsOn(RuleIds.Io1Volume))
        {
            return;
        }

        foreach (var (type, path, service) in VolumeTypeProperties)
        {
            foreach (var resource in context.OfType(type))
            {
                var engine = service == StorageService.Rds ? context.String(resource, resource.Properties?["Engine"]) : null;
                foreach (var (propertyPath, node) in PropertyPaths.Find(resource.Properties, path))
                {
                    context.Report(VolumeTypeRule.Evaluate(context.String(resource, node), service, engine), resource, node, propertyPath);
                }
            }
        }

        // CloudFormation creates an AWS::EC2::Volume without VolumeType as gp2 (its documented default); an L1
        // CfnVolume that leaves the type out gets one. Reported at the resource, since no property holds it.
        // (A CDK DatabaseInstance with StorageType unset needs no such case: CDK writes StorageType gp2 itself.)
        foreach (var volume in context.OfType("AWS::EC2::Volume").Where(v => v.Properties?["VolumeType"] == null))
        {
            context.Report(VolumeTypeRule.Evaluate(CloudFormationDefaultVolumeType, StorageService.Ebs), volume, volume.Node["Type"], null);
        }
    }

    /// <summary>AWS::EC2::Volume VolumeType default (CloudFormation resource reference).</summary>
    public const string CloudFormationDefaultVolumeType = "gp2";
}
