using PerfLint.Check.Json;
using PerfLint.Check.Templates;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Checks;

/// <summary>
/// PL1001 (previous generation), PL1002 (database or cache on the wrong family) and PL1005 (Graviton) on every
/// instance-type property CloudFormation has, plus PL1005 on Lambda architectures (the user's functions on runtimes
/// that have arm64; not the CDK's own custom-resource handlers). Each instance type is judged in the use its resource
/// puts it to (service, RDS engine, SageMaker hosting) and the stack's region.
/// </summary>
public sealed class InstanceTypeChecks : ITemplateCheck
{
    private enum Workload
    {
        Compute,
        Database,
        Search,
        SageMaker,
    }

    /// <summary>Resource type, property path, and what runs there.</summary>
    private static readonly (string Type, string Path, Workload Kind)[] InstanceTypeProperties =
    {
        ("AWS::EC2::Instance", "InstanceType", Workload.Compute),
        ("AWS::EC2::LaunchTemplate", "LaunchTemplateData.InstanceType", Workload.Compute),
        ("AWS::AutoScaling::LaunchConfiguration", "InstanceType", Workload.Compute),
        ("AWS::AutoScaling::AutoScalingGroup", "MixedInstancesPolicy.LaunchTemplate.Overrides[].InstanceType", Workload.Compute),
        ("AWS::EC2::EC2Fleet", "LaunchTemplateConfigs[].Overrides[].InstanceType", Workload.Compute),
        ("AWS::EC2::SpotFleet", "SpotFleetRequestConfigData.LaunchSpecifications[].InstanceType", Workload.Compute),
        ("AWS::EKS::Nodegroup", "InstanceTypes[]", Workload.Compute),
        ("AWS::Batch::ComputeEnvironment", "ComputeResources.InstanceTypes[]", Workload.Compute),
        ("AWS::EMR::Cluster", "Instances.MasterInstanceGroup.InstanceType", Workload.Compute),
        ("AWS::EMR::Cluster", "Instances.CoreInstanceGroup.InstanceType", Workload.Compute),
        ("AWS::RDS::DBInstance", "DBInstanceClass", Workload.Database),
        ("AWS::RDS::DBCluster", "DBClusterInstanceClass", Workload.Database),
        ("AWS::DocDB::DBInstance", "DBInstanceClass", Workload.Database),
        ("AWS::Neptune::DBInstance", "DBInstanceClass", Workload.Database),
        ("AWS::ElastiCache::CacheCluster", "CacheNodeType", Workload.Database),
        ("AWS::ElastiCache::ReplicationGroup", "CacheNodeType", Workload.Database),
        ("AWS::OpenSearchService::Domain", "ClusterConfig.InstanceType", Workload.Search),
        ("AWS::OpenSearchService::Domain", "ClusterConfig.DedicatedMasterType", Workload.Search),
        ("AWS::Elasticsearch::Domain", "ElasticsearchClusterConfig.InstanceType", Workload.Search),
        ("AWS::Elasticsearch::Domain", "ElasticsearchClusterConfig.DedicatedMasterType", Workload.Search),
        ("AWS::SageMaker::EndpointConfig", "ProductionVariants[].InstanceType", Workload.SageMaker),
        ("AWS::SageMaker::NotebookInstance", "InstanceType", Workload.SageMaker),
    };

    public void Run(CheckContext context)
    {
        var previousGeneration = context.IsOn(RuleIds.PreviousGenerationInstance);
        var databaseFamily = context.IsOn(RuleIds.DatabaseOnWrongFamily);
        var graviton = context.IsOn(RuleIds.GravitonOpportunity);
        foreach (var (type, path, kind) in InstanceTypeProperties)
        {
            foreach (var resource in context.OfType(type))
            {
                foreach (var (propertyPath, node) in PropertyPaths.Find(resource.Properties, path))
                {
                    var instanceType = Normalize(context.String(resource, node));
                    if (instanceType == null || !InstanceTypeName.TryParse(instanceType, out var name))
                    {
                        continue;
                    }

                    var use = UseOf(context, resource, name);
                    if (previousGeneration)
                    {
                        context.Report(PreviousGenerationRule.Evaluate(instanceType, use, context.Options), resource, node, propertyPath);
                    }

                    if (databaseFamily && kind == Workload.Database)
                    {
                        context.Report(DatabaseFamilyRule.Evaluate(instanceType, use, context.Options), resource, node, propertyPath);
                    }

                    if (graviton && kind != Workload.SageMaker)
                    {
                        context.Report(GravitonRule.EvaluateInstance(instanceType, use, context.Options), resource, node, propertyPath);
                    }
                }
            }
        }

        if (graviton)
        {
            foreach (var function in context.OfType("AWS::Lambda::Function"))
            {
                // Custom-resource handlers the CDK adds (auto-delete, log retention, provider framework) are not the user's to change.
                if (function.IsCdkOwned)
                {
                    continue;
                }

                var architectures = function.Properties?["Architectures"];
                var first = context.Resolver.ResolveList(architectures, function.Stack)?.FirstOrDefault();
                var runtime = context.String(function, function.Properties?["Runtime"]);
                context.Report(GravitonRule.EvaluateLambdaArchitecture(first, runtime), function, architectures, architectures == null ? null : "Architectures");
            }
        }
    }

    /// <summary>The service, engine or use, and region a resource's instance type is judged in.</summary>
    private static InstanceUse UseOf(CheckContext context, TemplateResource resource, InstanceTypeName name)
    {
        var region = resource.Stack.Region;
        switch (resource.Type)
        {
            case "AWS::RDS::DBInstance":
            case "AWS::RDS::DBCluster":
                var engine = InstanceUse.NormalizeEngine(context.String(resource, resource.Properties?["Engine"]));
                return new InstanceUse(
                    resource.Type == "AWS::RDS::DBCluster" ? OfferingService.RdsMultiAzCluster : OfferingService.Rds,
                    engine == null ? null : new[] { engine }, region);
            case "AWS::DocDB::DBInstance":
                return new InstanceUse(OfferingService.DocumentDb, null, region);
            case "AWS::Neptune::DBInstance":
                return new InstanceUse(OfferingService.Neptune, null, region);
            case "AWS::SageMaker::EndpointConfig":
                return new InstanceUse(OfferingService.SageMaker, new[] { InstanceUse.Hosting }, region);
            default:
                return InstanceUse.For(name, region);
        }
    }

    /// <summary>Template spellings the catalog does not use: Elasticsearch's <c>r5.large.elasticsearch</c>.</summary>
    private static string? Normalize(string? instanceType)
    {
        if (instanceType == null || Intrinsics.Tokens.HasToken(instanceType))
        {
            return null;
        }

        const string legacySuffix = ".elasticsearch";
        return instanceType.EndsWith(legacySuffix, StringComparison.Ordinal) ? instanceType[..^legacySuffix.Length] + ".search" : instanceType;
    }
}
