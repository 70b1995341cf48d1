using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.App;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// Finds the CDK class that makes a type a construct, by the names Knowledge knows (<see cref="CdkConstructTypes"/>):
    /// each classified type is cached, so that the operation callbacks cost one dictionary look-up per object creation.
    /// Thread-safe.
    /// </summary>
    public sealed class ConstructTypes
    {
        private readonly INamedTypeSymbol? _cfnResource;
        // The value is the deciding class, a reference: a value-type result would be generic code of its own, which a fresh compiler JIT-compiles in every build.
        private readonly ConcurrentDictionary<ITypeSymbol, INamedTypeSymbol?> _cache =
            new ConcurrentDictionary<ITypeSymbol, INamedTypeSymbol?>(SymbolEqualityComparer.Default);

        public ConstructTypes(CdkTypes cdk)
        {
            Cdk = cdk;
            _cfnResource = cdk.Get("Amazon.CDK.CfnResource");
        }

        public CdkTypes Cdk { get; }

        /// <summary>
        /// The nearest CDK class of <paramref name="type"/> (itself or a base) that Knowledge gives a CloudFormation type
        /// (<see cref="CfnType"/>), or <c>CfnResource</c> for an L1 resource of no type CDK names; null for anything else.
        /// </summary>
        public INamedTypeSymbol? Classify(ITypeSymbol? type)
        {
            if (type == null || type.TypeKind != TypeKind.Class)
            {
                return null;
            }

            return _cache.GetOrAdd(type.OriginalDefinition, ClassifyUncached);
        }

        /// <summary>The CloudFormation type a class from <see cref="Classify"/> is or synthesizes (null for <c>CfnResource</c>), and whether it is an L1 (Cfn*) resource.</summary>
        public static string? CfnType(INamedTypeSymbol construct, out bool isL1)
        {
            var cfnType = Known(construct, out isL1);
            isL1 |= cfnType == null;
            return cfnType;
        }

        private static string? Known(INamedTypeSymbol type, out bool isL1)
        {
            isL1 = false;
            return CdkConstructTypes.MayName(type.MetadataName)
                ? CdkConstructTypes.CfnType(NamespaceName(type.ContainingNamespace), type.MetadataName, out isL1)
                : null;
        }

        /// <summary><c>Amazon.CDK.AWS.S3</c>: the names of the namespace and its parents (what ToDisplayString writes, without its formatting machinery).</summary>
        private static string NamespaceName(INamespaceSymbol? ns)
        {
            var name = string.Empty;
            for (; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                name = name.Length == 0 ? ns.Name : ns.Name + "." + name;
            }

            return name;
        }

        private INamedTypeSymbol? ClassifyUncached(ITypeSymbol type)
        {
            // A Cfn* class is a resource only below CfnResource (CfnBucketProps is not).
            INamedTypeSymbol? l1 = null;
            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, _cfnResource))
                {
                    return l1 ?? current;
                }

                if (l1 == null && Cdk.IsCdk(current) && Known(current, out var isL1) != null)
                {
                    if (!isL1)
                    {
                        return current.OriginalDefinition;
                    }

                    l1 = current.OriginalDefinition;
                }
            }

            return null;
        }
    }
}
