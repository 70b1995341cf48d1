using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// Every PerfLint rule with its default severity. Severity policy (docs/severity-policy.md): Warning only where
    /// false positives are near zero; Info for suggestions that depend on context PerfLint cannot see.
    /// </summary>
    public static class RuleCatalog
    {
        public const string HelpUriBase = "https://github.com/perflint/perflint/blob/main/docs/rules/";

        public const string CategoryCompute = "Performance.Compute";
        public const string CategoryAccelerators = "Performance.Accelerators";
        public const string CategoryNetwork = "Performance.Network";
        public const string CategoryDatabase = "Performance.Database";
        public const string CategoryStorage = "Performance.Storage";
        public const string CategoryScaling = "Performance.Scaling";

        public static IReadOnlyList<RuleInfo> All { get; } = new[]
        {
            new RuleInfo(RuleIds.PreviousGenerationInstance, "Use a current-generation instance type", "{0}", CategoryCompute, RuleSeverity.Warning, true,
                "Previous-generation and superseded instance families cost more per unit of work than their successors. Warning for families AWS lists as previous generation (or three or more generations behind the successor); Info for older current families that have a newer successor."),
            new RuleInfo(RuleIds.DatabaseOnWrongFamily, "Run databases and caches on memory-optimized instances", "{0}", CategoryDatabase, RuleSeverity.Warning, true,
                "Database engines and caches are memory-bound: compute-optimized, accelerated and storage-optimized families give them less memory per dollar than the memory-optimized family of the same size."),
            new RuleInfo(RuleIds.ImageAcceleratorMismatch, "Container image and instance accelerator disagree", "{0}", CategoryAccelerators, RuleSeverity.Warning, true,
                "A CPU image on a GPU instance leaves the GPU idle; a CUDA image on a CPU or Neuron instance cannot use its accelerator; a Neuron image needs Inferentia or Trainium."),
            new RuleInfo(RuleIds.ModelDoesNotFitAccelerator, "Model does not fit (or grossly over-provisions) the accelerator memory", "{0}", CategoryAccelerators, RuleSeverity.Warning, true,
                "Weights x bytes per parameter plus KV-cache/runtime headroom must fit the memory of the accelerators the server uses. Warning when it cannot fit; Info when a much smaller instance would do."),
            new RuleInfo(RuleIds.GravitonOpportunity, "Consider Graviton (arm64)", "{0}", CategoryCompute, RuleSeverity.Info, false,
                "Graviton instances and arm64 Lambda functions give better price-performance for most general-purpose workloads. Off by default: the software must support arm64."),
            new RuleInfo(RuleIds.AcceleratorRoleMismatch, "Accelerator used against its role (training on inference chips, serving on training instances)", "{0}", CategoryAccelerators, RuleSeverity.Warning, true,
                "Inferentia supports inference only, so a training job there cannot train (Warning); training on Inferentia2, or serving a model on a training instance many times larger than it needs, is Info with the accelerators to benchmark instead."),
            new RuleInfo(RuleIds.CrossAzChattyResources, "Connected resources pinned to different Availability Zones", "{0}", CategoryNetwork, RuleSeverity.Info, true,
                "Traffic between Availability Zones adds latency (typically sub-millisecond to a few milliseconds per round trip) and is billed per GB in each direction."),
            new RuleInfo(RuleIds.FleetWithoutClusterPlacementGroup, "Accelerated or HPC fleet without a cluster placement group", "{0}", CategoryNetwork, RuleSeverity.Info, true,
                "Distributed training and HPC need the low-latency, high-bandwidth network that a cluster placement group gives instances in one rack spine."),
            new RuleInfo(RuleIds.WebsiteBucketWithoutCloudFront, "S3 website served without CloudFront", "{0}", CategoryNetwork, RuleSeverity.Info, true,
                "An S3 website endpoint serves every user from one region over HTTP; CloudFront caches at the edge, close to users."),
            new RuleInfo(RuleIds.AcceleratedFleetWithoutEfa, "Multi-node accelerated fleet without EFA", "{0}", CategoryNetwork, RuleSeverity.Info, true,
                "Multi-node training exchanges gradients every step; without an Elastic Fabric Adapter interface the collectives run over the TCP stack. Info: PerfLint cannot see whether the fleet trains across nodes."),
            new RuleInfo(RuleIds.LambdaToRdsWithoutProxy, "Lambda connects to RDS without RDS Proxy", "{0}", CategoryDatabase, RuleSeverity.Warning, true,
                "Each concurrent Lambda execution opens its own database connection; bursts exhaust max_connections. RDS Proxy pools and reuses connections."),
            new RuleInfo(RuleIds.Gp2Volume, "Use gp3 instead of gp2", "{0}", CategoryStorage, RuleSeverity.Warning, true,
                "gp3 gives a baseline that does not depend on size, where gp2's grows with size; on EBS it also costs less per GiB. Each message quotes the figures for its service (EBS, RDS per engine, OpenSearch) with their source and date."),
            new RuleInfo(RuleIds.Io1Volume, "Use io2 instead of io1", "{0}", CategoryStorage, RuleSeverity.Warning, true,
                "io2 replaces io1: on EBS it costs the same per GiB and is more durable, and RDS recommends io2 Block Express storage. Each message quotes the figures for its service with their source and date."),
            new RuleInfo(RuleIds.TrainingDataOnThrottledEfs, "Accelerated compute reads EFS in Bursting throughput or Max I/O mode", "{0}", CategoryStorage, RuleSeverity.Info, true,
                "Bursting throughput falls to its per-GiB baseline when burst credits run out, and Max I/O adds per-operation latency: accelerators wait for data. EFS Elastic throughput or FSx for Lustre PERSISTENT_2 keep them fed."),
            new RuleInfo(RuleIds.EndpointWithoutAutoScaling, "SageMaker endpoint without auto-scaling", "{0}", CategoryScaling, RuleSeverity.Info, true,
                "Without a scalable target the endpoint runs a fixed instance count: over-provisioned at night, throttled at peak."),
            new RuleInfo(RuleIds.ScalingTargetIsDocumentationExample, "Scaling target copied from documentation, not from a load test", "{0}", CategoryScaling, RuleSeverity.Warning, true,
                "A target value such as 70 invocations per instance is the AWS documentation's example. The right value is the load-tested maximum invocations per instance at the latency budget, times a safety factor."),
            new RuleInfo(RuleIds.ScalingCannotScale, "Scaling configuration cannot scale", "{0}", CategoryScaling, RuleSeverity.Warning, true,
                "MinCapacity equal to MaxCapacity pins the capacity: the scaling policy can never act."),
            new RuleInfo(RuleIds.RealTimeEndpointCalledOnlyOnSchedule, "Real-time endpoint called only on a schedule", "{0}", CategoryScaling, RuleSeverity.Info, true,
                "A real-time endpoint runs its instances around the clock. When everything that calls it runs on a schedule, the hours between runs are paid for and unused: Batch Transform starts instances for the job only, and asynchronous inference can scale to zero between requests."),
            new RuleInfo(RuleIds.RealTimeEndpointBeyondLimits, "Real-time endpoint configured beyond real-time limits", "{0}", CategoryScaling, RuleSeverity.Warning, true,
                "A real-time invocation ends after 60 seconds and carries at most 6 MB: a model server set to wait longer or accept more is doing work real-time inference cannot deliver. Asynchronous inference takes requests up to 1 GB and processes them for up to one hour."),
            new RuleInfo(RuleIds.ServerlessInferenceCannotWork, "Serverless inference that cannot work as configured", "{0}", CategoryScaling, RuleSeverity.Warning, true,
                "Serverless endpoints have no GPUs, at most 6144 MB of memory, and need ProvisionedConcurrency <= MaxConcurrency: a GPU image, a model whose weights exceed the memory, or more provisioned than maximum concurrency fails."),
            new RuleInfo(RuleIds.MultiModelEndpointWithoutTriton, "GPU multi-model endpoint without the Triton image", "{0}", CategoryAccelerators, RuleSeverity.Warning, true,
                "SageMaker serves GPU multi-model endpoints only through its Triton Inference Server image; another known image on a GPU instance with Mode = MultiModel cannot load models as a multi-model endpoint."),
            new RuleInfo(RuleIds.InferenceComponentCannotBePlaced, "Inference component cannot be placed on its endpoint's instances", "{0}", CategoryAccelerators, RuleSeverity.Warning, true,
                "A copy of an inference component must fit one instance of its variant: its accelerators and minimum memory, and all copies' accelerators must fit the variant's instances. The model must fit the accelerator memory a copy is given."),
            new RuleInfo(RuleIds.AcceleratedEndpointScalesOnHostMetric, "Accelerated endpoint scales on a host metric", "{0}", CategoryScaling, RuleSeverity.Warning, true,
                "Host CPUUtilization and MemoryUtilization do not follow a GPU's or Neuron device's load: the endpoint does not scale out while the accelerator saturates. Track GPU utilization or requests per instance."),
        };

        private static readonly Dictionary<string, RuleInfo> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

        public static RuleInfo Get(string id) => ById[id];

        public static bool TryGet(string id, out RuleInfo? info)
        {
            var found = ById.TryGetValue(id, out var r);
            info = r;
            return found;
        }

        public static string GetHelpUri(string id) => HelpUriBase + id + ".md";
    }
}
