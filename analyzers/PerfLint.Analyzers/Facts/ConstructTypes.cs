using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// Classifies CDK types into <see cref="ConstructKind"/>s: the base types are looked up once per compilation (by
    /// metadata name, through <see cref="CdkTypes"/>), and each classified type is cached, so that the operation
    /// callbacks cost one dictionary look-up per object creation. Thread-safe.
    /// </summary>
    public sealed class ConstructTypes
    {
        private static readonly (string MetadataName, ConstructKind Kind, bool IsL1)[] Roots =
        {
            ("Amazon.CDK.AWS.Sagemaker.CfnModel", ConstructKind.SageMakerModel, true),
            ("Amazon.CDK.AWS.Sagemaker.CfnEndpointConfig", ConstructKind.SageMakerEndpointConfig, true),
            ("Amazon.CDK.AWS.Sagemaker.CfnEndpoint", ConstructKind.SageMakerEndpoint, true),
            ("Amazon.CDK.AWS.ApplicationAutoScaling.ScalableTarget", ConstructKind.ScalableTarget, false),
            ("Amazon.CDK.AWS.ApplicationAutoScaling.CfnScalableTarget", ConstructKind.ScalableTarget, true),
            ("Amazon.CDK.AWS.EC2.Instance_", ConstructKind.Ec2Instance, false),
            ("Amazon.CDK.AWS.EC2.CfnInstance", ConstructKind.Ec2Instance, true),
            ("Amazon.CDK.AWS.EC2.Subnet", ConstructKind.Subnet, false),
            ("Amazon.CDK.AWS.EC2.CfnSubnet", ConstructKind.Subnet, true),
            ("Amazon.CDK.AWS.EC2.SecurityGroup", ConstructKind.SecurityGroup, false),
            ("Amazon.CDK.AWS.EC2.CfnSecurityGroup", ConstructKind.SecurityGroup, true),
            ("Amazon.CDK.AWS.EC2.CfnSecurityGroupIngress", ConstructKind.SecurityGroupIngress, true),
            ("Amazon.CDK.AWS.RDS.DatabaseInstanceBase", ConstructKind.Database, false),
            ("Amazon.CDK.AWS.RDS.DatabaseClusterBase", ConstructKind.Database, false),
            ("Amazon.CDK.AWS.RDS.ServerlessCluster", ConstructKind.Database, false),
            ("Amazon.CDK.AWS.RDS.CfnDBInstance", ConstructKind.Database, true),
            ("Amazon.CDK.AWS.RDS.CfnDBCluster", ConstructKind.Database, true),
            ("Amazon.CDK.AWS.RDS.DatabaseProxy", ConstructKind.DatabaseProxy, false),
            ("Amazon.CDK.AWS.RDS.CfnDBProxy", ConstructKind.DatabaseProxy, true),
            ("Amazon.CDK.AWS.RDS.CfnDBProxyTargetGroup", ConstructKind.DatabaseProxy, true),
            ("Amazon.CDK.AWS.Lambda.Function", ConstructKind.LambdaFunction, false),
            ("Amazon.CDK.AWS.SecretsManager.Secret", ConstructKind.Secret, false),
            ("Amazon.CDK.AWS.AutoScaling.AutoScalingGroup", ConstructKind.AutoScalingGroup, false),
            ("Amazon.CDK.AWS.AutoScaling.CfnAutoScalingGroup", ConstructKind.AutoScalingGroup, true),
            ("Amazon.CDK.AWS.EC2.LaunchTemplate", ConstructKind.LaunchTemplate, false),
            ("Amazon.CDK.AWS.EC2.CfnLaunchTemplate", ConstructKind.LaunchTemplate, true),
            ("Amazon.CDK.AWS.EC2.PlacementGroup", ConstructKind.PlacementGroup, false),
            ("Amazon.CDK.AWS.EC2.CfnPlacementGroup", ConstructKind.PlacementGroup, true),
            ("Amazon.CDK.AWS.S3.Bucket", ConstructKind.Bucket, false),
            ("Amazon.CDK.AWS.S3.CfnBucket", ConstructKind.Bucket, true),
            ("Amazon.CDK.AWS.CloudFront.Distribution", ConstructKind.Distribution, false),
            ("Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution", ConstructKind.Distribution, false),
            ("Amazon.CDK.AWS.CloudFront.CfnDistribution", ConstructKind.Distribution, true),
        };

        private readonly List<(INamedTypeSymbol Type, ConstructKind Kind, bool IsL1)> _roots = new List<(INamedTypeSymbol, ConstructKind, bool)>();
        private readonly ConcurrentDictionary<ITypeSymbol, (ConstructKind Kind, bool IsL1)?> _cache =
            new ConcurrentDictionary<ITypeSymbol, (ConstructKind, bool)?>(SymbolEqualityComparer.Default);

        public ConstructTypes(CdkTypes cdk)
        {
            Cdk = cdk;
            foreach (var (name, kind, isL1) in Roots)
            {
                var type = cdk.Get(name);
                if (type != null)
                {
                    _roots.Add((type, kind, isL1));
                }
            }

            Connections = cdk.Get("Amazon.CDK.AWS.EC2.Connections_");
            ProxyTarget = cdk.Get("Amazon.CDK.AWS.RDS.ProxyTarget");
        }

        public CdkTypes Cdk { get; }

        /// <summary><c>Amazon.CDK.AWS.EC2.Connections_</c> (jsii renames <c>Connections</c> because of the property of the same name).</summary>
        public INamedTypeSymbol? Connections { get; }

        /// <summary><c>Amazon.CDK.AWS.RDS.ProxyTarget</c>.</summary>
        public INamedTypeSymbol? ProxyTarget { get; }

        /// <summary>The kind of a construct type (or of its nearest tracked base type), and whether it is an L1 (Cfn*) resource.</summary>
        public (ConstructKind Kind, bool IsL1)? Classify(ITypeSymbol? type)
        {
            if (type == null || type.TypeKind != TypeKind.Class)
            {
                return null;
            }

            return _cache.GetOrAdd(type.OriginalDefinition, ClassifyUncached);
        }

        private (ConstructKind, bool)? ClassifyUncached(ITypeSymbol type)
        {
            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                foreach (var (root, kind, isL1) in _roots)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, root))
                    {
                        return (kind, isL1);
                    }
                }
            }

            return null;
        }
    }
}
