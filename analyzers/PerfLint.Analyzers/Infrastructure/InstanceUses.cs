using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// Where an instance-type sink puts its type to use, for the knowledge base's per-service facts: the service (from
    /// the CDK type's namespace; DocumentDB and Neptune apart from RDS), the RDS engine (the <c>Engine</c> beside it, or
    /// the enclosing cluster's), the SageMaker use (endpoint variants are hosting), and the stack's region.
    /// </summary>
    public static class InstanceUses
    {
        /// <summary>The use of a value handed to <paramref name="sink"/>, or null where PerfLint has no facts for the service (MemoryDB).</summary>
        public static InstanceUse? Of(CdkSink sink, InstanceTypeName name, string? region)
        {
            var type = sink.ContainingType;
            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.MemoryDB"))
            {
                return null;
            }

            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.DocDB")) return new InstanceUse(OfferingService.DocumentDb, null, region);
            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.Neptune")) return new InstanceUse(OfferingService.Neptune, null, region);
            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.RDS")) return Rds(sink, region);
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

        private static InstanceUse Rds(CdkSink sink, string? region)
        {
            var multiAzCluster = sink.Name == "DbClusterInstanceClass";
            var engine = EngineNear(sink);
            var engines = engine != null ? new[] { engine }
                : IsAuroraClusterInstance(sink) ? InstanceUse.AuroraEngines
                : null;
            return new InstanceUse(multiAzCluster ? OfferingService.RdsMultiAzCluster : OfferingService.Rds, engines, region);
        }

        /// <summary>Aurora's cluster instances: <c>ProvisionedClusterInstanceProps</c> and the older <c>InstanceProps</c> of <c>DatabaseCluster</c>.</summary>
        private static bool IsAuroraClusterInstance(CdkSink sink) =>
            sink.ContainingType?.Name == "ProvisionedClusterInstanceProps" || sink.ContainingType?.Name == "InstanceProps";

        /// <summary>The <c>Engine</c> assigned in the sink's initializer or in an enclosing one (a cluster's writer and readers).</summary>
        private static string? EngineNear(CdkSink sink)
        {
            for (var operation = sink.Operation.Parent; operation != null; operation = operation.Parent)
            {
                if (operation is IObjectOrCollectionInitializerOperation initializer)
                {
                    foreach (var initialization in initializer.Initializers)
                    {
                        if (initialization is ISimpleAssignmentOperation assignment &&
                            assignment.Target is IPropertyReferenceOperation property && property.Property.Name == "Engine")
                        {
                            return InstanceUse.NormalizeEngine(RdsEngines.Of(assignment.Value));
                        }
                    }
                }

                if (operation is IMethodBodyBaseOperation || operation is ILocalFunctionOperation || operation is IAnonymousFunctionOperation)
                {
                    break;
                }
            }

            return null;
        }
    }
}
