using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// The RDS engine an <c>Engine</c> value names, as CloudFormation spells it: <c>DatabaseInstanceEngine.Postgres(..)</c>
    /// and <c>DatabaseInstanceEngine.MYSQL</c>, <c>DatabaseClusterEngine.AuroraPostgres(..)</c>, a string (L1 props), or a
    /// local declared with one of these. Shared by the instance-type rules and PL4001/PL4002.
    /// </summary>
    public static class RdsEngines
    {
        /// <summary>
        /// The engine of the RDS props a sink is in: the <c>Engine</c> assigned in the sink's initializer, else in an
        /// enclosing one (a cluster's writer and readers); read as <see cref="Of"/> reads it, else as a string the value
        /// flow resolves (a constant); null when not visible.
        /// </summary>
        public static string? Near(SinkHit hit)
        {
            var engine = EngineAssignedNear(hit.Sink);
            if (engine == null)
            {
                return null;
            }

            if (Of(engine) is string name)
            {
                return name;
            }

            var values = hit.Resolve(engine);
            return values.Length == 1 && values[0].Kind == ResolvedValueKind.String ? values[0].Text : null;
        }

        private static IOperation? EngineAssignedNear(CdkSink sink)
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
                            return assignment.Value;
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

        /// <summary><c>postgres</c>, <c>sqlserver-web</c>, <c>aurora-postgresql</c>, a string as written; null when not visible.</summary>
        public static string? Of(IOperation? value)
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
                    return text;
                case ILocalReferenceOperation local:
                    return Of(LocalInitializer(local));
                default:
                    return null;
            }
        }

        private static IOperation? Unwrap(IOperation? value)
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
        private static string FromMember(string member)
        {
            var key = member.Replace("_", string.Empty).ToLowerInvariant();
            return Members.TryGetValue(key, out var engine) ? engine : key;
        }

        private static readonly Dictionary<string, string> Members = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mariadb"] = "mariadb",
            ["mysql"] = "mysql",
            ["postgres"] = "postgres",
            ["oracleee"] = "oracle-ee",
            ["oraclese2"] = "oracle-se2",
            ["oracleeecdb"] = "oracle-ee-cdb",
            ["oraclese2cdb"] = "oracle-se2-cdb",
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
