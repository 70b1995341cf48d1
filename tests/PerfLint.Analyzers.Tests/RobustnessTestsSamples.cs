using PerfLint.Analyzers.Tests.Infrastructure;

namespace PerfLint.Analyzers.Tests;

/// <summary>
/// Realistic CDK sources that exercise every rule's code paths (sinks, helpers, constructors, constants, Lambda,
/// scaling, SageMaker; value flow through switches, ternaries, collections and context): the seeds the robustness fuzzer mutates.
/// </summary>
internal static class RobustnessTestsSamples
{
    public static readonly string[] Seeds =
    {
        CdkSource.Stack("""
            var vpc = new Vpc(this, "Vpc");
            new Instance_(this, "Web", new InstanceProps { Vpc = vpc, InstanceType = InstanceType.Of(InstanceClass.STANDARD4, InstanceSize.LARGE), MachineImage = MachineImage.LatestAmazonLinux2(),
                BlockDevices = new[] { new BlockDevice { DeviceName = "/dev/xvda", Volume = BlockDeviceVolume.Ebs(100, new EbsDeviceOptions { VolumeType = EbsDeviceVolumeType.GP2 }) } } });
            new Rds.DatabaseInstance(this, "Db", new Rds.DatabaseInstanceProps { Engine = Rds.DatabaseInstanceEngine.POSTGRES, Vpc = vpc,
                InstanceType = InstanceType.Of(InstanceClass.C5, InstanceSize.LARGE), StorageType = Rds.StorageType.IO1, Iops = 3000 });
            AddCache(this, "cache." + Family + ".large");
            new Worker(this, InstanceClass.BURSTABLE2);
            """, """
            const string Family = "m4";
            static void AddCache(Construct scope, string nodeType) =>
                new CfnCacheCluster(scope, "Cache", new CfnCacheClusterProps { CacheNodeType = nodeType, Engine = "redis", NumCacheNodes = 1 });
            }
            class Worker : Construct
            {
                public Worker(Construct scope, InstanceClass cls) : base(scope, "Worker")
                {
                    new CfnInstance(this, "I", new CfnInstanceProps { InstanceType = InstanceType.Of(cls, InstanceSize.MICRO).ToString() });
                    new CfnVolume(this, "V", new CfnVolumeProps { AvailabilityZone = "us-east-1a", VolumeType = $"{"gp"}2", Size = 100 });
                }
            """),
        CdkSource.Stack("""
            var fn = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_20_X, Handler = "index.handler", Code = Code.FromInline("x") });
            new Function(this, "Fn2", new FunctionProps { Runtime = Runtime.PYTHON_3_12, Handler = "h", Code = Code.FromInline("x"), Architecture = Architecture.X86_64 });
            var model = new Sm.CfnModel(this, "Model", new Sm.CfnModelProps { ExecutionRoleArn = "arn",
                PrimaryContainer = new Sm.CfnModel.ContainerDefinitionProperty { Image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu20.04",
                    Environment = new System.Collections.Generic.Dictionary<string, object> { ["HF_MODEL_ID"] = "meta-llama/Llama-2-70b-hf", ["SM_NUM_GPUS"] = "1" } } });
            var config = new Sm.CfnEndpointConfig(this, "Config", new Sm.CfnEndpointConfigProps { ProductionVariants = new object[] {
                new Sm.CfnEndpointConfig.ProductionVariantProperty { VariantName = "AllTraffic", ModelName = model.AttrModelName, InstanceType = "ml.g5.xlarge", InitialInstanceCount = 1 } } });
            var endpoint = new Sm.CfnEndpoint(this, "Endpoint", new Sm.CfnEndpointProps { EndpointConfigName = config.AttrEndpointConfigName });
            var target = new ScalableTarget(this, "Target", new ScalableTargetProps { ServiceNamespace = ServiceNamespace.SAGEMAKER,
                ResourceId = "endpoint/" + endpoint.AttrEndpointName + "/variant/AllTraffic", ScalableDimension = "sagemaker:variant:DesiredInstanceCount", MinCapacity = 2, MaxCapacity = 2 });
            target.ScaleToTrackMetric("Invocations", new BasicTargetTrackingScalingPolicyProps { PredefinedMetric = PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE, TargetValue = Target(70) });
            new Os.Domain(this, "Search", new Os.DomainProps { Version = Os.EngineVersion.OPENSEARCH_2_11, Capacity = new Os.CapacityConfig { DataNodeInstanceType = "m4.large.search", DataNodes = 2 } });
            """, """
            static double Target(double value) => value > 0 ? value : Target(-value);
            """).Replace("AppStack", "InferenceStack"),
        CdkSource.Stack("""
            var stage = (string)Node.TryGetContext("stage");
            var sizing = stage switch { "prod" => Sizes.Prod, _ => Sizes.Prod with { Node = "cache.t3.small" } };
            new CfnCacheCluster(this, "C", new CfnCacheClusterProps { CacheNodeType = sizing.Node, Engine = "redis", NumCacheNodes = 1 });
            string volume;
            switch (stage) { case "prod": volume = "gp2"; break; default: volume = "gp3"; break; }
            new CfnVolume(this, "V", new CfnVolumeProps { AvailabilityZone = "us-east-1a", VolumeType = volume, Size = 100 });
            InstanceType Make(InstanceClass family) => InstanceType.Of(family, InstanceSize.LARGE);
            Func<string, string> cache = family => $"cache.{family}.large";
            new CfnInstance(this, "I", new CfnInstanceProps { InstanceType = Make(Families[stage]).ToString() });
            if (Families.TryGetValue("dev", out var dev)) new CfnCacheClusterProps { CacheNodeType = cache(dev == InstanceClass.M4 ? "m4" : "r4") };
            new ConfigWorker(this, Sizes.Prod, new[] { "cache.m4.large", "cache.r4.large" });
            """, """
            static readonly System.Collections.Generic.Dictionary<string, InstanceClass> Families = new() { ["prod"] = InstanceClass.M4, ["dev"] = InstanceClass.T2 };
            }
            public record Sizing(string Node, InstanceClass Family) { public string Volume { get; init; } = "gp2"; }
            public static class Sizes { public static readonly Sizing Prod = new("cache.m4.large", InstanceClass.C4); }
            public class ConfigWorker(Construct scope, Sizing sizing, string[] nodes) : Construct(scope, "W")
            {
                public CfnInstance Server { get; } = new CfnInstance(scope, "S", new CfnInstanceProps { InstanceType = InstanceType.Of(sizing.Family, InstanceSize.XLARGE).ToString() });
                public CfnCacheClusterProps Cache => new() { CacheNodeType = nodes[1] };
            """).Replace("AppStack", "ConfigStack"),
        CdkSource.Stack("""
            var prod = Node.TryGetContext("prod") != null;
            var configured = (string)Node.TryGetContext("instanceType");
            string[] nodes = ["cache.m4.large", "cache.r4.large"];
            System.Collections.Generic.List<InstanceClass> classes = [InstanceClass.M4, InstanceClass.M7G];
            System.Collections.Generic.Dictionary<string, string> volumes = new() { ["prod"] = "gp2", ["dev"] = "gp3" };
            new CfnCacheCluster(this, "C", new CfnCacheClusterProps { CacheNodeType = prod ? nodes[0] : nodes[1], Engine = "redis", NumCacheNodes = 1 });
            new CfnInstance(this, "I", new CfnInstanceProps { InstanceType = configured ?? InstanceType.Of(classes[prod ? 0 : 1], InstanceSize.LARGE).ToString() });
            new CfnVolume(this, "V", new CfnVolumeProps { AvailabilityZone = "us-east-1a", VolumeType = volumes[prod ? "prod" : "dev"], Size = 100 });
            new CfnInstance(this, "J", new CfnInstanceProps { InstanceType = $"{Node.TryGetContext("family")}.large" });
            var model = new Sm.CfnModel(this, "Model", new Sm.CfnModelProps { ExecutionRoleArn = "arn",
                PrimaryContainer = new Sm.CfnModel.ContainerDefinitionProperty { Image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi1.4.0-gpu-py310-cu121-ubuntu20.04",
                    Environment = new System.Collections.Generic.Dictionary<string, object> { ["HF_MODEL_ID"] = "meta-llama/Llama-2-70b-hf" } } });
            new Sm.CfnEndpointConfig(this, "Config", new Sm.CfnEndpointConfigProps { ProductionVariants = new object[] {
                new Sm.CfnEndpointConfig.ProductionVariantProperty { VariantName = "AllTraffic", ModelName = model.AttrModelName, InstanceType = prod ? "ml.g5.xlarge" : "ml.m5.xlarge", InitialInstanceCount = 1 } } });
            """).Replace("AppStack", "ChoiceStack"),
    };
}
