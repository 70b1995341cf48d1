using System;
using System.Collections.Generic;
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
                            return EngineOf(assignment.Value);
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

        /// <summary>
        /// <c>DatabaseInstanceEngine.Postgres(..)</c>, <c>DatabaseInstanceEngine.MYSQL</c>, <c>DatabaseClusterEngine.AuroraPostgres(..)</c>,
        /// a <c>"postgres"</c> string (L1), or a local holding one of these; null when not visible.
        /// </summary>
        private static string? EngineOf(IOperation value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case IInvocationOperation invocation when IsEngineFactory(invocation.TargetMethod.ContainingType):
                    return FromMember(invocation.TargetMethod.Name);
                case IPropertyReferenceOperation property when IsEngineFactory(property.Property.ContainingType):
                    return FromMember(property.Property.Name);
                case IFieldReferenceOperation field when IsEngineFactory(field.Field.ContainingType):
                    return FromMember(field.Field.Name);
                case ILiteralOperation literal when literal.ConstantValue.HasValue && literal.ConstantValue.Value is string text:
                    return InstanceUse.NormalizeEngine(text);
                case ILocalReferenceOperation local:
                    return EngineOf(LocalInitializer(local));
                default:
                    return null;
            }
        }

        private static IOperation Unwrap(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }

        private static bool IsEngineFactory(INamedTypeSymbol? type) =>
            type != null && (type.Name == "DatabaseInstanceEngine" || type.Name == "DatabaseClusterEngine") &&
            CdkTypes.InNamespace(type, "Amazon.CDK.AWS.RDS");

        /// <summary>The value a local was declared with, in the same body; null when it is not there.</summary>
        private static IOperation? LocalInitializer(ILocalReferenceOperation local)
        {
            var root = local.Parent;
            while (root?.Parent != null)
            {
                root = root.Parent;
            }

            if (root == null)
            {
                return null;
            }

            foreach (var descendant in root.Descendants())
            {
                if (descendant is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                {
                    return declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                }
            }

            return null;
        }

        /// <summary>CDK's engine member names (<c>SqlServerWeb</c>, <c>SQL_SERVER_WEB</c>, <c>AuroraPostgres</c>) as RDS engine names.</summary>
        private static string? FromMember(string member)
        {
            var key = member.Replace("_", string.Empty).ToLowerInvariant();
            return Members.TryGetValue(key, out var engine) ? engine : null;
        }

        private static readonly Dictionary<string, string> Members = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mariadb"] = "mariadb",
            ["mysql"] = "mysql",
            ["postgres"] = "postgres",
            ["oracleee"] = "oracle-ee",
            ["oraclese2"] = "oracle-se2",
            ["sqlserveree"] = "sqlserver-ee",
            ["sqlserverse"] = "sqlserver-se",
            ["sqlserverweb"] = "sqlserver-web",
            ["sqlserverex"] = "sqlserver-ex",
            ["aurora"] = "aurora",
            ["auroramysql"] = "aurora-mysql",
            ["aurorapostgres"] = "aurora-postgresql",
            ["aurorapostgresql"] = "aurora-postgresql",
        };
    }
}
