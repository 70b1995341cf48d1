using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Probe = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Tests.Infrastructure.ProbeAnalyzer>;
using Pl1001 = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.PreviousGenerationInstanceAnalyzer>;

namespace PerfLint.Analyzers.Tests.ValueFlow;

/// <summary>
/// Settings records and classes: positional parameters, init and settable properties set by constructors or object
/// initializers, <c>with</c>, static readonly instances read in place or passed to stacks.
/// </summary>
public class ObjectFlowTests
{
    private const string Sizing = """
        public record Sizing(string Node, InstanceClass Class)
        {
            public string Volume { get; init; } = "gp3";
        }
        """;

    private static DiagnosticResult Value(int location, string message) => Probe.Diagnostic("PROBE").WithLocation(location).WithMessage(message);

    [Test]
    public Task Positional_record_in_a_static_field_is_reported_on_its_argument() => Probe.VerifyAnalyzerAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = Sizes.Prod.Node };
        new InstanceProps { InstanceType = InstanceType.Of(Sizes.Prod.Class, InstanceSize.LARGE) };
        new CfnCacheClusterProps { CacheNodeType = Sizes.Dev.Node };
        """, types: Sizing + """
        public static class Sizes
        {
            public static readonly Sizing Prod = new({|#0:"cache.m4.large"|}, {|#1:InstanceClass.M4|});
            public static Sizing Dev { get; } = new Sizing(Node: {|#2:"cache.t3.small"|}, Class: InstanceClass.T3);
        }
        """), Value(0, "String=cache.m4.large"), Value(1, "InstanceType=m4.large"), Value(2, "String=cache.t3.small"));

    [Test]
    public Task Object_initializer_and_with_replace_what_the_constructor_set() => Probe.VerifyAnalyzerAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = Settings.Base.Node };
        new CfnCacheClusterProps { CacheNodeType = Settings.Prod.Node };
        new CfnCacheClusterProps { CacheNodeType = (Settings.Prod with { }).Node };
        new CfnCacheClusterProps { CacheNodeType = new Settings { Node = {|#2:"cache.r4.large"|} }.Node };
        """, types: """
        public record Settings
        {
            public string Node { get; init; } = "cache.m7g.large";
            public static readonly Settings Base = new() { Node = {|#0:"cache.t2.micro"|} };
            public static readonly Settings Prod = Base with { Node = {|#1:"cache.m4.large"|} };
        }
        """), Value(0, "String=cache.t2.micro"), Value(1, "String=cache.m4.large"), Value(1, "String=cache.m4.large"), Value(2, "String=cache.r4.large"));

    [Test]
    public Task Class_constructor_assignment_and_property_initializer() => Probe.VerifyAnalyzerAsync(Stack("""
        var settings = new Settings({|#0:"cache.m4.large"|});
        new CfnCacheClusterProps { CacheNodeType = settings.Node };
        new CfnCacheClusterProps { CacheNodeType = settings.Fallback };
        """, types: """
        public class Settings
        {
            public Settings(string node) { Node = node; }
            public string Node { get; set; }
            public string Fallback { get; set; } = {|#1:"cache.t2.small"|};
        }
        """), Value(0, "String=cache.m4.large"), Value(1, "String=cache.t2.small"));

    [Test]
    public Task Static_instance_passed_to_a_stack_is_reported_at_the_argument_in_the_caller_file() => Probe.VerifyAnalyzerAsync(new[]
    {
        Usings + """
        public class CacheStack : Stack
        {
            public CacheStack(Construct scope, string id, Sizing sizing) : base(scope, id)
            {
                new CfnCacheCluster(this, "c", new CfnCacheClusterProps { CacheNodeType = sizing.Node, Engine = "redis", NumCacheNodes = 1 });
            }
        }
        """ + Sizing,
        Usings + """
        public static class Program
        {
            static readonly Sizing Local = new({|#0:"cache.m4.large"|}, InstanceClass.M4);
            public static void Main()
            {
                var app = new App();
                new CacheStack(app, "local", Local);
                new CacheStack(app, "shared", {|#1:Sizes.Prod|});
                new CacheStack(app, "dev", Sizes.Prod with { Node = {|#2:"cache.t2.micro"|} });
            }
        }
        """,
        Usings + "public static class Sizes { public static readonly Sizing Prod = new(\"cache.r4.large\", InstanceClass.R4); }",
    }, null, Value(0, "String=cache.m4.large (call site)"), Value(1, "String=cache.r4.large (call site)"), Value(2, "String=cache.t2.micro (call site)"));

    [Test]
    public Task Previous_generation_in_a_record_is_a_PL1001_finding_where_it_is_written() => Pl1001.VerifyAnalyzerAsync(Stack("""
        new Instance_(this, "Web", new InstanceProps { InstanceType = InstanceType.Of(Sizes.Prod.Class, InstanceSize.LARGE) });
        new InstanceProps { InstanceType = InstanceType.Of(Sizes.Current.Class, InstanceSize.LARGE) };
        """, types: Sizing + """
        public static class Sizes
        {
            public static readonly Sizing Prod = new("cache.m7g.large", {|#0:InstanceClass.M4|});
            public static readonly Sizing Current = new("cache.m7g.large", InstanceClass.M7G);
        }
        """), Pl1001.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(
        "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
        "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
        "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region unknown: set perflint_region to check yours] (reaches Instance_ \"Web\" in AppStack)"));

    [Test]
    public Task Record_passed_to_a_stack_from_another_file_names_the_construct_it_reaches() => Pl1001.VerifyAnalyzerAsync(new[]
    {
        Usings + """
        public class CacheStack : Stack
        {
            public CacheStack(Construct scope, string id, Sizing sizing) : base(scope, id)
            {
                new CfnCacheCluster(this, "Cache", new CfnCacheClusterProps { CacheNodeType = sizing.Node, Engine = "redis", NumCacheNodes = 1 });
            }
        }
        """ + Sizing,
        Usings + """
        public static class Program
        {
            public static void Main()
            {
                var app = new App();
                new CacheStack(app, "prod", {|#0:Sizes.Prod|});
                new CacheStack(app, "dev", Sizes.Dev);
            }
        }
        """,
        Usings + """
        public static class Sizes
        {
            public static readonly Sizing Prod = new("cache.r4.large", InstanceClass.R4);
            public static readonly Sizing Dev = new("cache.r7g.large", InstanceClass.R7G);
        }
        """,
    }, null, Pl1001.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithMessage(
        "'cache.r4.large' is superseded: a family 4 generations newer exists; use 'cache.r8g.large' " +
        "(2 vCPU vs 2 vCPU, 12.3 GiB; $0.11782/h vs $0.133/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher); newer generations also do more work per vCPU) " +
        "[successor: analyst mapping: newest family of the same CPU line; offered by ElastiCache in 34 of 38 regions; region unknown: set perflint_region to check yours] " +
        "(reaches CfnCacheCluster \"Cache\" in CacheStack)"));

    [Test]
    public Task Settings_constructor_assigning_a_literal_admits_the_bodies_that_read_it() => Pl1001.VerifyAnalyzerAsync(new[]
    {
        Usings + """
        public class Web : Stack
        {
            public Web(Construct scope, string id) : base(scope, id)
            {
                new Instance_(this, "Web", new InstanceProps { InstanceType = new InstanceType({|#0:new WebSettings()|}.Type) });
            }
        }
        """,
        Usings + """
        public class WebSettings
        {
            public WebSettings() { Type = "m4.large"; }
            public string Type { get; set; }
        }
        """,
    }, null, Pl1001.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(
        "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
        "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
        "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region unknown: set perflint_region to check yours] " +
        "(reaches Instance_ \"Web\" in Web)"));

    [Test]
    public Task Objects_from_unknown_places_stay_silent() => Probe.VerifyAnalyzerAsync(Stack("""
        var loaded = System.Text.Json.JsonSerializer.Deserialize<Sizing>("{}")!;
        new CfnCacheClusterProps { CacheNodeType = loaded.Node };
        var mutable = new Settings { Node = "cache.m4.large" };
        mutable.Node = "cache.m7g.large";
        new CfnCacheClusterProps { CacheNodeType = Read(mutable) };
        """, """
        static string Read(Settings s) => s.Node;
        public void Unbound(Sizing sizing) { new CfnCacheClusterProps { CacheNodeType = sizing.Node }; }
        """, types: Sizing + "public class Settings { public string Node { get; set; } }"));
}
