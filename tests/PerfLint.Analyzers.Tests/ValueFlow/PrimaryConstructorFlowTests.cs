using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Probe = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Tests.Infrastructure.ProbeAnalyzer>;
using Pl1001 = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.PreviousGenerationInstanceAnalyzer>;

namespace PerfLint.Analyzers.Tests.ValueFlow;

/// <summary>C# 12 primary constructors of stacks and constructs: parameters captured by members, reported at the creation.</summary>
public class PrimaryConstructorFlowTests
{
    private static DiagnosticResult Value(int location, string message) => Probe.Diagnostic("PROBE").WithLocation(location).WithMessage(message);

    [Test]
    public Task Parameter_captured_in_a_method_and_an_initializer_is_reported_at_the_creation() => Probe.VerifyAnalyzerAsync(new[]
    {
        Usings + """
        public class CacheStack(Construct scope, string id, string node, Sizing sizing) : Stack(scope, id)
        {
            public CfnCacheCluster Build() =>
                new CfnCacheCluster(this, "c", new CfnCacheClusterProps { CacheNodeType = node, Engine = "redis", NumCacheNodes = 1 });

            public CfnCacheClusterProps Props { get; } = new CfnCacheClusterProps { CacheNodeType = sizing.Node };
        }

        public record Sizing(string Node);
        """,
        Usings + """
        public static class Program
        {
            public static void Main()
            {
                var app = new App();
                new CacheStack(app, "prod", {|#0:"cache.m4.large"|}, new Sizing({|#1:"cache.r4.large"|}));
                new CacheStack(app, "dev", (string)app.Node.TryGetContext("node"), new Sizing((string)app.Node.TryGetContext("other")));
            }
        }
        """,
    }, null, Value(0, "String=cache.m4.large (call site)"), Value(1, "String=cache.r4.large (call site)"));

    [Test]
    public Task Construct_with_a_primary_constructor_used_by_a_stack() => Probe.VerifyAnalyzerAsync(Stack("""
        new Worker(this, "w", {|#0:InstanceClass.M4|});
        new Worker(this, "current", {|#1:InstanceClass.M7G|});
        """, types: """
        public class Worker(Construct scope, string id, InstanceClass family) : Construct(scope, id)
        {
            private readonly InstanceProps _props = new InstanceProps { InstanceType = InstanceType.Of(family, InstanceSize.LARGE) };
        }
        """), Value(0, "InstanceType=m4.large (call site)"), Value(1, "InstanceType=m7g.large (call site)"));

    [Test]
    public Task Stack_with_a_primary_constructor_taking_a_record_from_a_third_file() => Pl1001.VerifyAnalyzerAsync(new[]
    {
        Usings + """
        public class WebStack(Construct scope, string id, Sizing sizing) : Stack(scope, id)
        {
            public Instance_ Build(IVpc vpc) => new Instance_(this, "Web", new InstanceProps
            {
                Vpc = vpc, MachineImage = MachineImage.LatestAmazonLinux2(), InstanceType = InstanceType.Of(sizing.Family, InstanceSize.LARGE),
            });
        }

        public record Sizing(InstanceClass Family);
        """,
        Usings + """
        public static class Program
        {
            public static void Main()
            {
                var app = new App();
                new WebStack(app, "prod", {|#0:Sizes.Prod|});
                new WebStack(app, "dev", Sizes.Dev);
            }
        }
        """,
        Usings + """
        public static class Sizes
        {
            public static readonly Sizing Prod = new(InstanceClass.M4);
            public static readonly Sizing Dev = new(InstanceClass.M7G);
        }
        """,
    }, null, Pl1001.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(
        "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
        "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
        "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region unknown: set perflint_region to check yours] " +
        "(reaches Instance_ \"Web\" in WebStack)"));
}
