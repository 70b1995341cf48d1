namespace PerfLint.Analyzers.Facts
{
    /// <summary>The kinds of CDK constructs whose creation the app-level rules (PL1003, PL1004, PL2001-PL2003, PL3001, PL5001) and the whole-app model track.</summary>
    public enum ConstructKind
    {
        /// <summary>SageMaker <c>CfnModel</c>: container image and environment.</summary>
        SageMakerModel,
        /// <summary>SageMaker <c>CfnEndpointConfig</c>: production variants (model name, instance type).</summary>
        SageMakerEndpointConfig,
        /// <summary>SageMaker <c>CfnEndpoint</c>: the endpoint config it serves.</summary>
        SageMakerEndpoint,
        /// <summary>Application Auto Scaling <c>ScalableTarget</c> / <c>CfnScalableTarget</c>.</summary>
        ScalableTarget,
        /// <summary>EC2 <c>Instance</c> (C# <c>Instance_</c>) or <c>CfnInstance</c>.</summary>
        Ec2Instance,
        /// <summary>EC2 <c>Subnet</c> (and subclasses) or <c>CfnSubnet</c>: an explicit Availability Zone.</summary>
        Subnet,
        /// <summary>EC2 <c>SecurityGroup</c> or <c>CfnSecurityGroup</c>.</summary>
        SecurityGroup,
        /// <summary>EC2 <c>CfnSecurityGroupIngress</c>: a rule between two security groups outside either group.</summary>
        SecurityGroupIngress,
        /// <summary>RDS/Aurora database: <c>DatabaseInstance*</c>, <c>DatabaseCluster*</c>, <c>ServerlessCluster</c>, <c>CfnDBInstance</c>, <c>CfnDBCluster</c>.</summary>
        Database,
        /// <summary>RDS Proxy: <c>DatabaseProxy</c> (also from <c>AddProxy</c>), <c>CfnDBProxy</c>, <c>CfnDBProxyTargetGroup</c>.</summary>
        DatabaseProxy,
        /// <summary>Lambda <c>Function</c> and every subclass (NodejsFunction, DockerImageFunction, ...).</summary>
        LambdaFunction,
        /// <summary>Secrets Manager <c>Secret</c> (a database's credentials).</summary>
        Secret,
        /// <summary>EC2 Auto Scaling <c>AutoScalingGroup</c> (also from <c>AddCapacity</c>-style methods) or <c>CfnAutoScalingGroup</c>.</summary>
        AutoScalingGroup,
        /// <summary>EC2 <c>LaunchTemplate</c> or <c>CfnLaunchTemplate</c>.</summary>
        LaunchTemplate,
        /// <summary>EC2 <c>PlacementGroup</c> or <c>CfnPlacementGroup</c>.</summary>
        PlacementGroup,
        /// <summary>S3 <c>Bucket</c> or <c>CfnBucket</c>.</summary>
        Bucket,
        /// <summary>CloudFront <c>Distribution</c>, <c>CloudFrontWebDistribution</c> or <c>CfnDistribution</c>.</summary>
        Distribution,
        /// <summary>Any other L1 (<c>Cfn*</c>) resource: enters the whole-app model generically, by its CloudFormation type.</summary>
        OtherCfnResource,
    }
}
