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
        private static readonly (string MetadataName, ConstructClass Class)[] Roots =
        {
            ("Amazon.CDK.AWS.Sagemaker.CfnModel", ConstructClass.L1(ConstructKind.SageMakerModel)),
            ("Amazon.CDK.AWS.Sagemaker.CfnEndpointConfig", ConstructClass.L1(ConstructKind.SageMakerEndpointConfig)),
            ("Amazon.CDK.AWS.Sagemaker.CfnEndpoint", ConstructClass.L1(ConstructKind.SageMakerEndpoint)),
            ("Amazon.CDK.AWS.ApplicationAutoScaling.ScalableTarget", ConstructClass.L2(ConstructKind.ScalableTarget)),
            ("Amazon.CDK.AWS.ApplicationAutoScaling.CfnScalableTarget", ConstructClass.L1(ConstructKind.ScalableTarget)),
            ("Amazon.CDK.AWS.EC2.Instance_", ConstructClass.L2(ConstructKind.Ec2Instance)),
            ("Amazon.CDK.AWS.EC2.CfnInstance", ConstructClass.L1(ConstructKind.Ec2Instance)),
            ("Amazon.CDK.AWS.EC2.Subnet", ConstructClass.L2(ConstructKind.Subnet)),
            ("Amazon.CDK.AWS.EC2.CfnSubnet", ConstructClass.L1(ConstructKind.Subnet)),
            ("Amazon.CDK.AWS.EC2.SecurityGroup", ConstructClass.L2(ConstructKind.SecurityGroup)),
            ("Amazon.CDK.AWS.EC2.CfnSecurityGroup", ConstructClass.L1(ConstructKind.SecurityGroup)),
            ("Amazon.CDK.AWS.EC2.CfnSecurityGroupIngress", ConstructClass.L1(ConstructKind.SecurityGroupIngress)),
            ("Amazon.CDK.AWS.RDS.DatabaseInstanceBase", ConstructClass.L2(ConstructKind.Database)),
            ("Amazon.CDK.AWS.RDS.DatabaseClusterBase", ConstructClass.L2(ConstructKind.Database)),
            ("Amazon.CDK.AWS.RDS.ServerlessCluster", ConstructClass.L2(ConstructKind.Database)),
            ("Amazon.CDK.AWS.RDS.CfnDBInstance", ConstructClass.L1(ConstructKind.Database)),
            ("Amazon.CDK.AWS.RDS.CfnDBCluster", ConstructClass.L1(ConstructKind.Database)),
            ("Amazon.CDK.AWS.RDS.DatabaseProxy", ConstructClass.L2(ConstructKind.DatabaseProxy)),
            ("Amazon.CDK.AWS.RDS.CfnDBProxy", ConstructClass.L1(ConstructKind.DatabaseProxy)),
            ("Amazon.CDK.AWS.RDS.CfnDBProxyTargetGroup", ConstructClass.L1(ConstructKind.DatabaseProxy)),
            ("Amazon.CDK.AWS.Lambda.Function", ConstructClass.L2(ConstructKind.LambdaFunction)),
            ("Amazon.CDK.AWS.SecretsManager.Secret", ConstructClass.L2(ConstructKind.Secret)),
            ("Amazon.CDK.AWS.AutoScaling.AutoScalingGroup", ConstructClass.L2(ConstructKind.AutoScalingGroup)),
            ("Amazon.CDK.AWS.AutoScaling.CfnAutoScalingGroup", ConstructClass.L1(ConstructKind.AutoScalingGroup)),
            ("Amazon.CDK.AWS.EC2.LaunchTemplate", ConstructClass.L2(ConstructKind.LaunchTemplate)),
            ("Amazon.CDK.AWS.EC2.CfnLaunchTemplate", ConstructClass.L1(ConstructKind.LaunchTemplate)),
            ("Amazon.CDK.AWS.EC2.PlacementGroup", ConstructClass.L2(ConstructKind.PlacementGroup)),
            ("Amazon.CDK.AWS.EC2.CfnPlacementGroup", ConstructClass.L1(ConstructKind.PlacementGroup)),
            ("Amazon.CDK.AWS.S3.Bucket", ConstructClass.L2(ConstructKind.Bucket)),
            ("Amazon.CDK.AWS.S3.CfnBucket", ConstructClass.L1(ConstructKind.Bucket)),
            ("Amazon.CDK.AWS.CloudFront.Distribution", ConstructClass.L2(ConstructKind.Distribution)),
            ("Amazon.CDK.AWS.CloudFront.CloudFrontWebDistribution", ConstructClass.L2(ConstructKind.Distribution)),
            ("Amazon.CDK.AWS.CloudFront.CfnDistribution", ConstructClass.L1(ConstructKind.Distribution)),
        };

        private readonly List<(INamedTypeSymbol Type, ConstructClass Class)> _roots = new List<(INamedTypeSymbol, ConstructClass)>();
        private readonly INamedTypeSymbol? _cfnResource;
        private readonly ConcurrentDictionary<ITypeSymbol, ConstructClass?> _cache =
            new ConcurrentDictionary<ITypeSymbol, ConstructClass?>(SymbolEqualityComparer.Default);

        public ConstructTypes(CdkTypes cdk)
        {
            Cdk = cdk;
            foreach (var (name, construct) in Roots)
            {
                var type = cdk.Get(name);
                if (type != null)
                {
                    _roots.Add((type, construct));
                }
            }

            _cfnResource = cdk.Get("Amazon.CDK.CfnResource");
            Connections = cdk.Get("Amazon.CDK.AWS.EC2.Connections_");
            ProxyTarget = cdk.Get("Amazon.CDK.AWS.RDS.ProxyTarget");
        }

        public CdkTypes Cdk { get; }

        /// <summary><c>Amazon.CDK.AWS.EC2.Connections_</c> (jsii renames <c>Connections</c> because of the property of the same name).</summary>
        public INamedTypeSymbol? Connections { get; }

        /// <summary><c>Amazon.CDK.AWS.RDS.ProxyTarget</c>.</summary>
        public INamedTypeSymbol? ProxyTarget { get; }

        /// <summary>The kind of a construct type (or of its nearest tracked base type), and whether it is an L1 (Cfn*) resource.</summary>
        public ConstructClass? Classify(ITypeSymbol? type)
        {
            if (type == null || type.TypeKind != TypeKind.Class)
            {
                return null;
            }

            return _cache.GetOrAdd(type.OriginalDefinition, ClassifyUncached);
        }

        private ConstructClass? ClassifyUncached(ITypeSymbol type)
        {
            var isCfnResource = false;
            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                foreach (var (root, construct) in _roots)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, root))
                    {
                        return construct;
                    }
                }

                isCfnResource |= SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, _cfnResource);
            }

            return isCfnResource ? ConstructClass.L1(ConstructKind.OtherCfnResource) : null;
        }
    }
}
