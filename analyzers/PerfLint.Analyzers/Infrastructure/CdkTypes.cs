using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// The CDK symbols the rules need, resolved once per compilation and shared by every PerfLint analyzer (one
    /// instance per <see cref="Compilation"/>, held weakly). Also owns the per-compilation caches of
    /// <see cref="SourceFlowCache"/> that value flow uses. Thread-safe.
    /// </summary>
    public sealed class CdkTypes
    {
        /// <summary>The simple name of the CDK assembly (Amazon.CDK.Lib.dll).</summary>
        public const string CdkAssemblyName = "Amazon.CDK.Lib";

        private static readonly ConditionalWeakTable<Compilation, CdkTypes> PerCompilation = new ConditionalWeakTable<Compilation, CdkTypes>();
        private static readonly ConditionalWeakTable<Compilation, object> NotCdk = new ConditionalWeakTable<Compilation, object>();

        private readonly object _syntaxLock = new object();
        private readonly ConcurrentDictionary<ISymbol, Gating.CallSiteDependence.MethodFacts> _methodFacts =
            new ConcurrentDictionary<ISymbol, Gating.CallSiteDependence.MethodFacts>(SymbolEqualityComparer.Default);
        private Gating.SyntaxIndex? _syntax;
        private GeneratedCode? _generatedCode;
        private Facts.StackRegions? _stackRegions;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _byName = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

        private CdkTypes(Compilation compilation, IAssemblySymbol assembly)
        {
            Compilation = compilation;
            Assembly = assembly;
            Flow = new SourceFlowCache(compilation);

            // EC2
            InstanceClass = Get("Amazon.CDK.AWS.EC2.InstanceClass");
            InstanceSize = Get("Amazon.CDK.AWS.EC2.InstanceSize");
            InstanceType = Get("Amazon.CDK.AWS.EC2.InstanceType");
            EbsDeviceVolumeType = Get("Amazon.CDK.AWS.EC2.EbsDeviceVolumeType");
            AutoScalingEbsDeviceVolumeType = Get("Amazon.CDK.AWS.AutoScaling.EbsDeviceVolumeType");
            Volume = Get("Amazon.CDK.AWS.EC2.Volume");
            BlockDeviceVolume = Get("Amazon.CDK.AWS.EC2.BlockDeviceVolume");

            // Databases and caches
            RdsStorageType = Get("Amazon.CDK.AWS.RDS.StorageType");
            RdsDatabaseInstance = Get("Amazon.CDK.AWS.RDS.DatabaseInstance");
            RdsClusterInstance = Get("Amazon.CDK.AWS.RDS.ClusterInstance");
            ElastiCacheCfnCacheCluster = Get("Amazon.CDK.AWS.ElastiCache.CfnCacheCluster");
            ElastiCacheCfnReplicationGroup = Get("Amazon.CDK.AWS.ElastiCache.CfnReplicationGroup");

            // SageMaker
            SagemakerCfnEndpointConfig = Get("Amazon.CDK.AWS.Sagemaker.CfnEndpointConfig");
            SagemakerCfnEndpoint = Get("Amazon.CDK.AWS.Sagemaker.CfnEndpoint");
            SagemakerCfnModel = Get("Amazon.CDK.AWS.Sagemaker.CfnModel");

            // Application Auto Scaling
            ScalableTarget = Get("Amazon.CDK.AWS.ApplicationAutoScaling.ScalableTarget");
            CfnScalableTarget = Get("Amazon.CDK.AWS.ApplicationAutoScaling.CfnScalableTarget");
            CfnScalingPolicy = Get("Amazon.CDK.AWS.ApplicationAutoScaling.CfnScalingPolicy");

            // Lambda
            LambdaFunction = Get("Amazon.CDK.AWS.Lambda.Function");
            LambdaArchitecture = Get("Amazon.CDK.AWS.Lambda.Architecture");
        }

        /// <summary>The compilation these symbols belong to.</summary>
        public Compilation Compilation { get; }

        /// <summary>The referenced Amazon.CDK.Lib assembly.</summary>
        public IAssemblySymbol Assembly { get; }

        /// <summary>Per-compilation caches of source operations (method bodies, field initializers, locals).</summary>
        public SourceFlowCache Flow { get; }

        /// <summary>
        /// The CDK context files of the compilation's options (<see cref="CdkContext"/>), set at each compilation start:
        /// the IDE may keep a compilation while cdk.json changes.
        /// </summary>
        public CdkContext Context { get; internal set; } = CdkContext.Empty;

        /// <summary><c>Amazon.CDK.AWS.EC2.InstanceClass</c> (a jsii enum; alias members such as STANDARD4 = M4).</summary>
        public INamedTypeSymbol? InstanceClass { get; }

        /// <summary><c>Amazon.CDK.AWS.EC2.InstanceSize</c>.</summary>
        public INamedTypeSymbol? InstanceSize { get; }

        /// <summary><c>Amazon.CDK.AWS.EC2.InstanceType</c> (<c>Of(cls, size)</c>, <c>new InstanceType("m5.large")</c>).</summary>
        public INamedTypeSymbol? InstanceType { get; }

        /// <summary><c>Amazon.CDK.AWS.EC2.EbsDeviceVolumeType</c>.</summary>
        public INamedTypeSymbol? EbsDeviceVolumeType { get; }

        /// <summary><c>Amazon.CDK.AWS.AutoScaling.EbsDeviceVolumeType</c>: Auto Scaling block devices have their own copy of the enum.</summary>
        public INamedTypeSymbol? AutoScalingEbsDeviceVolumeType { get; }

        /// <summary><c>Amazon.CDK.AWS.EC2.Volume</c>.</summary>
        public INamedTypeSymbol? Volume { get; }

        /// <summary><c>Amazon.CDK.AWS.EC2.BlockDeviceVolume</c>.</summary>
        public INamedTypeSymbol? BlockDeviceVolume { get; }

        /// <summary><c>Amazon.CDK.AWS.RDS.StorageType</c>.</summary>
        public INamedTypeSymbol? RdsStorageType { get; }

        /// <summary><c>Amazon.CDK.AWS.RDS.DatabaseInstance</c>.</summary>
        public INamedTypeSymbol? RdsDatabaseInstance { get; }

        /// <summary><c>Amazon.CDK.AWS.RDS.ClusterInstance</c>.</summary>
        public INamedTypeSymbol? RdsClusterInstance { get; }

        /// <summary><c>Amazon.CDK.AWS.ElastiCache.CfnCacheCluster</c>.</summary>
        public INamedTypeSymbol? ElastiCacheCfnCacheCluster { get; }

        /// <summary><c>Amazon.CDK.AWS.ElastiCache.CfnReplicationGroup</c>.</summary>
        public INamedTypeSymbol? ElastiCacheCfnReplicationGroup { get; }

        /// <summary><c>Amazon.CDK.AWS.Sagemaker.CfnEndpointConfig</c>.</summary>
        public INamedTypeSymbol? SagemakerCfnEndpointConfig { get; }

        /// <summary><c>Amazon.CDK.AWS.Sagemaker.CfnEndpoint</c>.</summary>
        public INamedTypeSymbol? SagemakerCfnEndpoint { get; }

        /// <summary><c>Amazon.CDK.AWS.Sagemaker.CfnModel</c>.</summary>
        public INamedTypeSymbol? SagemakerCfnModel { get; }

        /// <summary><c>Amazon.CDK.AWS.ApplicationAutoScaling.ScalableTarget</c>.</summary>
        public INamedTypeSymbol? ScalableTarget { get; }

        /// <summary><c>Amazon.CDK.AWS.ApplicationAutoScaling.CfnScalableTarget</c>.</summary>
        public INamedTypeSymbol? CfnScalableTarget { get; }

        /// <summary><c>Amazon.CDK.AWS.ApplicationAutoScaling.CfnScalingPolicy</c>.</summary>
        public INamedTypeSymbol? CfnScalingPolicy { get; }

        /// <summary><c>Amazon.CDK.AWS.Lambda.Function</c>.</summary>
        public INamedTypeSymbol? LambdaFunction { get; }

        /// <summary><c>Amazon.CDK.AWS.Lambda.Architecture</c> (a jsii class with static <c>ARM_64</c>/<c>X86_64</c>).</summary>
        public INamedTypeSymbol? LambdaArchitecture { get; }

        /// <summary>
        /// The CDK symbols of <paramref name="compilation"/>, or false when it does not reference Amazon.CDK.Lib
        /// (analyzers then register nothing: PerfLint is a no-op on projects without CDK).
        /// </summary>
        public static bool TryCreate(Compilation compilation, out CdkTypes cdk)
        {
            cdk = null!;
            if (compilation == null || NotCdk.TryGetValue(compilation, out _))
            {
                return false;
            }

            if (PerCompilation.TryGetValue(compilation, out var existing))
            {
                cdk = existing;
                return true;
            }

            // The referenced Amazon.CDK.Lib that declares Amazon.CDK.Stack, the type every CDK app uses. Looking in that
            // one assembly (here and in Get) spares the compiler's search of every reference for each metadata name.
            IAssemblySymbol? library = null;
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Name == CdkAssemblyName && assembly.GetTypeByMetadataName("Amazon.CDK.Stack") != null)
                {
                    library = assembly;
                    break;
                }
            }

            if (library == null)
            {
                NotCdk.GetValue(compilation, _ => new object());
                return false;
            }

            cdk = PerCompilation.GetValue(compilation, c => new CdkTypes(c, library));
            return true;
        }

        /// <summary>Where the compilation's generated code is, for dropping diagnostics there (<see cref="Infrastructure.GeneratedCode"/>).</summary>
        public GeneratedCode GeneratedCode =>
            System.Threading.LazyInitializer.EnsureInitialized(ref _generatedCode, () => new GeneratedCode(Compilation))!;

        /// <summary>The compilation's <see cref="Gating.SyntaxIndex"/>, built on first use (syntax only) and shared by every analyzer.</summary>
        public Gating.SyntaxIndex Syntax(System.Threading.CancellationToken cancellationToken)
        {
            var syntax = System.Threading.Volatile.Read(ref _syntax);
            if (syntax == null)
            {
                lock (_syntaxLock)
                {
                    syntax = _syntax ??= Gating.SyntaxIndex.Build(Compilation, cancellationToken);
                }
            }

            return syntax;
        }

        /// <summary>The literal regions of the app's stacks (<see cref="Facts.StackRegions"/>), read on first use.</summary>
        public Facts.StackRegions StackRegions(System.Threading.CancellationToken cancellationToken) =>
            System.Threading.LazyInitializer.EnsureInitialized(ref _stackRegions, () => Facts.StackRegions.From(Syntax(cancellationToken)))!;

        /// <summary>What a source method's syntax says about its parameters' way to sinks (<see cref="Gating.CallSiteDependence"/>), once per method.</summary>
        public Gating.CallSiteDependence.MethodFacts MethodFacts(IMethodSymbol method) =>
            _methodFacts.GetOrAdd(method.OriginalDefinition, m => Gating.CallSiteDependence.Read((IMethodSymbol)m, Syntax(System.Threading.CancellationToken.None).DeclaredNames));

        /// <summary>A CDK type by metadata name (<c>Amazon.CDK.AWS.Neptune.CfnDBInstance</c>), cached; null when absent.</summary>
        public INamedTypeSymbol? Get(string metadataName) =>
            _byName.GetOrAdd(metadataName, n => Assembly.GetTypeByMetadataName(n));

        /// <summary>True when the symbol is declared in Amazon.CDK.Lib.</summary>
        public bool IsCdk(ISymbol? symbol) =>
            symbol != null && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Assembly);

        /// <summary>True when <paramref name="type"/> is <paramref name="expected"/> (ignoring nullability).</summary>
        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type != null && expected != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

        /// <summary>
        /// True when the CDK symbol's namespace is <paramref name="ns"/> or below it
        /// (<c>InNamespace(type, "Amazon.CDK.AWS.RDS")</c>).
        /// </summary>
        /// <remarks>
        /// Compares the namespace chain with the dotted name segment by segment: rules ask this of every sink they
        /// judge, and spelling the namespace out (<c>ToDisplayString</c>) for each question cost more than the question.
        /// </remarks>
        public static bool InNamespace(ISymbol? symbol, string ns)
        {
            var start = symbol?.ContainingNamespace;
            var depth = 0;
            for (var n = start; n != null && !n.IsGlobalNamespace; n = n.ContainingNamespace)
            {
                depth++;
            }

            var segments = 1;
            foreach (var c in ns)
            {
                if (c == '.')
                {
                    segments++;
                }
            }

            if (start == null || depth < segments)
            {
                return false;
            }

            // The ancestor as deep as ns has segments, then its names from the innermost out against ns from its end.
            var node = start;
            for (var skip = depth - segments; skip > 0; skip--)
            {
                node = node.ContainingNamespace;
            }

            var end = ns.Length;
            for (; node != null && !node.IsGlobalNamespace; node = node.ContainingNamespace)
            {
                if (end <= 0)
                {
                    return false; // ns has an empty segment (".RDS")
                }

                var dot = ns.LastIndexOf('.', end - 1);
                var name = node.Name;
                if (end - dot - 1 != name.Length || string.CompareOrdinal(ns, dot + 1, name, 0, name.Length) != 0)
                {
                    return false;
                }

                end = dot;
            }

            return end == -1;
        }
    }
}
