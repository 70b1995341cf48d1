using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// Where an instance-type sink puts its type to use, for the knowledge base's per-service facts: the service (from
    /// the CDK type's namespace; DocumentDB and Neptune apart from RDS), the RDS engine (<see cref="RdsEngines.Near"/>), the SageMaker use (endpoint variants are hosting), and the stack's region.
    /// </summary>
    public static class InstanceUses
    {
        /// <summary>The use of a value handed to the hit's sink, or null where PerfLint has no facts for the service (MemoryDB).</summary>
        public static InstanceUse? Of(SinkHit hit, InstanceTypeName name, string? region)
        {
            var type = hit.Sink.ContainingType;
            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.MemoryDB"))
            {
                return null;
            }

            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.DocDB")) return new InstanceUse(OfferingService.DocumentDb, null, region);
            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.Neptune")) return new InstanceUse(OfferingService.Neptune, null, region);
            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.RDS")) return Rds(hit, region);
            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.Sagemaker"))
            {
                // Endpoint-config variants are what endpoints run on (real-time, async, serverless): hosting types only.
                var use = type?.Name == "ProductionVariantProperty" ? new[] { InstanceUse.Hosting }
                    : type?.Name == "ClusterInstanceGroupProperty" ? new[] { "hyperpod_cluster" }
                    : null;
                return new InstanceUse(OfferingService.SageMaker, use, region);
            }

            return InstanceUse.For(name, region);
        }

        private static InstanceUse Rds(SinkHit hit, string? region)
        {
            var sink = hit.Sink;
            var multiAzCluster = sink.Name == "DbClusterInstanceClass";
            var engine = InstanceUse.NormalizeEngine(RdsEngines.Near(hit));
            var engines = engine != null ? new[] { engine }
                : IsAuroraClusterInstance(sink) ? InstanceUse.AuroraEngines
                : null;
            return new InstanceUse(multiAzCluster ? OfferingService.RdsMultiAzCluster : OfferingService.Rds, engines, region);
        }

        /// <summary>Aurora's cluster instances: <c>ProvisionedClusterInstanceProps</c> and the older <c>InstanceProps</c> of <c>DatabaseCluster</c>.</summary>
        private static bool IsAuroraClusterInstance(CdkSink sink) =>
            sink.ContainingType?.Name == "ProvisionedClusterInstanceProps" || sink.ContainingType?.Name == "InstanceProps";
    }
}
