using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Tests.Infrastructure.ProbeAnalyzer>;

namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>Every value-flow shape of the issue, through the real resolver and sink analysis (ProbeAnalyzer).</summary>
public class ValueFlowTests
{
    private const string Usings = TestReferences.CdkUsings + "using Amazon.CDK.AWS.ElastiCache;\n";

    private static DiagnosticResult Probe(int location, string message) =>
        Verify.Diagnostic("PROBE").WithLocation(location).WithMessage(message);

    [Test]
    public Task Literal_is_reported_on_the_literal() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            new CfnCacheClusterProps { CacheNodeType = {|#0:"cache.m4.large"|} };
        } }
        """, Probe(0, "String=cache.m4.large"));

    [Test]
    public Task Constant_in_another_class_of_the_same_file_is_reported_on_its_literal() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Sizes { public const string Node = {|#0:"cache.m4.large"|}; }
        class S : Stack { S(Construct s) : base(s, "s") {
            new CfnCacheClusterProps { CacheNodeType = Sizes.Node };
        } }
        """, Probe(0, "String=cache.m4.large"));

    [Test]
    public Task Constant_in_another_file_is_reported_on_the_reference() => Verify.VerifyAnalyzerAsync(new[]
    {
        Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            new CfnCacheClusterProps { CacheNodeType = {|#0:Sizes.Node|} };
        } }
        """,
        "static class Sizes { public const string Node = \"cache.\" + Family + \".large\"; const string Family = \"m4\"; }",
    }, null, Probe(0, "String=cache.m4.large"));

    [Test]
    public Task Static_readonly_field_and_get_only_property_are_followed() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Sizes
        {
            public static readonly string Node = {|#0:"cache.m4.large"|};
            public static string Other { get; } = {|#1:"cache.t2.micro"|};
        }
        class S : Stack { S(Construct s) : base(s, "s") {
            new CfnCacheClusterProps { CacheNodeType = Sizes.Node };
            new CfnCacheClusterProps { CacheNodeType = Sizes.Other };
        } }
        """, Probe(0, "String=cache.m4.large"), Probe(1, "String=cache.t2.micro"));

    [Test]
    public Task Fields_and_properties_a_constructor_or_initializer_can_change_are_read_from_the_object() => Verify.VerifyAnalyzerAsync(Usings + """
        class Settings
        {
            public readonly string Node = "cache.m4.large";
            public static readonly string Shared = "cache.m4.large";
            public string Init { get; init; } = "cache.m4.large";
            public string Fixed { get; } = "cache.m4.large";
            public string Computed => {|#0:"cache.t2.micro"|};
            public static readonly string CacheNodeType = {|#1:"cache.m4.xlarge"|};
            static Settings() { Shared = System.Environment.MachineName; }
            public Settings(string node) { Node = node; Fixed = node; new CfnCacheClusterProps { CacheNodeType = {|#2:"cache.r7g.large"|} }; }
        }
        class S : Stack { S(Construct s) : base(s, "s") {
            var settings = new Settings({|#3:"cache.r7g.large"|}) { Init = {|#4:"cache.r7g.large"|} };
            new CfnCacheClusterProps { CacheNodeType = settings.Node };
            new CfnCacheClusterProps { CacheNodeType = Settings.Shared };
            new CfnCacheClusterProps { CacheNodeType = settings.Init };
            new CfnCacheClusterProps { CacheNodeType = settings.Fixed };
            new CfnCacheClusterProps { CacheNodeType = settings.Computed };
            new CfnCacheClusterProps { CacheNodeType = Settings.CacheNodeType };
        } }
        """, Probe(0, "String=cache.t2.micro"), Probe(1, "String=cache.m4.xlarge"), Probe(2, "String=cache.r7g.large"),
            Probe(3, "String=cache.r7g.large"), Probe(3, "String=cache.r7g.large"), Probe(4, "String=cache.r7g.large"));

    [Test]
    public Task Local_assigned_once_is_followed_but_reassigned_local_is_not() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s, bool b) : base(s, "s") {
            var once = {|#0:"cache.m4.large"|};
            new CfnCacheClusterProps { CacheNodeType = once };
            var twice = "cache.m4.large";
            if (b) twice = "cache.m5.large";
            new CfnCacheClusterProps { CacheNodeType = twice };
            string late;
            late = {|#1:"cache.t2.small"|};
            new CfnCacheClusterProps { CacheNodeType = late };
        } }
        """, Probe(0, "String=cache.m4.large"), Probe(1, "String=cache.t2.small"));

    [Test]
    public Task Concatenation_and_interpolation_of_constants() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack {
            const string Family = "m4";
            S(Construct s) : base(s, "s") {
                new CfnCacheClusterProps { CacheNodeType = {|#0:"cache." + Family + ".large"|} };
                new CfnCacheClusterProps { CacheNodeType = {|#1:$"cache.{Family}.{"xlarge"}"|} };
                new CfnCacheClusterProps { CacheNodeType = $"cache.{System.Environment.MachineName}.large" };
            }
        }
        """, Probe(0, "String=cache.m4.large"), Probe(1, "String=cache.m4.xlarge"));

    [Test]
    public Task Conditional_gives_both_branches() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s, bool prod) : base(s, "s") {
            new CfnCacheClusterProps { CacheNodeType = prod ? {|#0:"cache.r6g.large"|} : {|#1:"cache.t2.micro"|} };
        } }
        """, Probe(0, "String=cache.r6g.large"), Probe(1, "String=cache.t2.micro"));

    [Test]
    public Task InstanceType_Of_with_enum_alias_is_reported_on_the_class_member() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            new InstanceProps { InstanceType = InstanceType.Of({|#0:InstanceClass.STANDARD4|}, InstanceSize.XLARGE2) };
            new InstanceProps { InstanceType = InstanceType.Of({|#1:InstanceClass.M5|}, InstanceSize.LARGE) };
            new InstanceProps { InstanceType = new InstanceType({|#2:"c4." + "large"|}) };
        } }
        """, Probe(0, "InstanceType=m4.2xlarge"), Probe(1, "InstanceType=m5.large"), Probe(2, "InstanceType=c4.large"));

    [Test]
    public Task Enum_members_keep_their_symbol() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack {
            static readonly EbsDeviceVolumeType Type = {|#0:EbsDeviceVolumeType.GP2|};
            S(Construct s) : base(s, "s") {
                new EbsDeviceOptions { VolumeType = {|#1:EbsDeviceVolumeType.IO1|} };
                new EbsDeviceOptions { VolumeType = Type };
            }
        }
        """, Probe(1, "Member=IO1"), Probe(0, "Member=GP2"));

    [Test]
    public Task Helper_method_return_value_is_reported_at_the_argument() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack {
            static InstanceType Make(InstanceClass cls) => InstanceType.Of(cls, InstanceSize.LARGE);
            static string Node(string family) { return "cache." + family + ".large"; }
            S(Construct s) : base(s, "s") {
                new InstanceProps { InstanceType = Make({|#0:InstanceClass.T2|}) };
                new CfnCacheClusterProps { CacheNodeType = Node({|#1:"m4"|}) };
            }
        }
        """, Probe(0, "InstanceType=t2.large"), Probe(1, "String=cache.m4.large"));

    [Test]
    public Task Helper_method_parameter_is_reported_at_each_call_site() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack {
            S(Construct s) : base(s, "s") {
                AddCache({|#0:"cache.m4.large"|});
                AddCache({|#1:"cache.r7g.large"|});
                AddDatabase({|#2:InstanceClass.COMPUTE5|});
            }
            void AddCache(string nodeType) { new CfnCacheCluster(this, "c" + nodeType, new CfnCacheClusterProps { CacheNodeType = nodeType, Engine = "redis", NumCacheNodes = 1 }); }
            void AddDatabase(InstanceClass cls) => Inner(InstanceType.Of(cls, InstanceSize.LARGE));
            void Inner(InstanceType type) { new Amazon.CDK.AWS.RDS.DatabaseInstanceProps { InstanceType = type }; }
        }
        """, Probe(0, "String=cache.m4.large (call site)"), Probe(1, "String=cache.r7g.large (call site)"), Probe(2, "InstanceType=c5.large (call site)"));

    [Test]
    public Task Constructor_parameter_is_reported_at_the_new_expression() => Verify.VerifyAnalyzerAsync(new[]
    {
        Usings + """
        class CacheConstruct : Construct {
            public CacheConstruct(Construct scope, string id, string nodeType) : base(scope, id) {
                new CfnCacheCluster(this, "c", new CfnCacheClusterProps { CacheNodeType = nodeType, Engine = "redis", NumCacheNodes = 1 });
            }
        }
        class Derived : CacheConstruct { public Derived(Construct s, string n) : base(s, "d", n + ".large") { } }
        """,
        Usings + """
        class S : Stack { S(Construct s) : base(s, "s") {
            new CacheConstruct(this, "a", {|#0:"cache.m4.large"|});
            new Derived(this, {|#1:"cache.t2"|});
        } }
        """,
    }, null, Probe(0, "String=cache.m4.large (call site)"), Probe(1, "String=cache.t2.large (call site)"));

    [Test]
    public Task Recursive_helpers_terminate_and_unbound_parameters_give_nothing() => Verify.VerifyAnalyzerAsync(Usings + """
        class S : Stack {
            S(Construct s) : base(s, "s") { Loop({|#0:"cache.m4.large"|}, 3); }
            void Loop(string node, int n) {
                if (n > 0) Loop(node, n - 1);
                new CfnCacheClusterProps { CacheNodeType = node };
                new CfnCacheClusterProps { CacheNodeType = Self(node) };
            }
            static string Self(string x) => x.Length > 100 ? Self(x) : x;
        }
        """, Probe(0, "String=cache.m4.large (call site)"), Probe(0, "String=cache.m4.large (call site)"));

    [Test]
    public Task Numbers_flow_like_strings() => Verify.VerifyAnalyzerAsync(Usings + "using Amazon.CDK.AWS.ApplicationAutoScaling;\n" + """
        class S : Stack {
            const int Min = {|#0:2|};
            S(Construct s) : base(s, "s") {
                new ScalableTargetProps { MinCapacity = Min };
                Scale({|#1:4|});
            }
            void Scale(double min) { new ScalableTargetProps { MinCapacity = min }; }
        }
        """, Probe(0, "Number=2"), Probe(1, "Number=4 (call site)"));

    [Test]
    public async Task Pathological_doubling_chains_finish_quickly_without_a_value()
    {
        // a1 = a0 + a0, a2 = a1 + a1, ...: 2^40 paths and a 2^40-character string if followed naively; the depth limit
        // (and the step budget behind it) give up instead: no value, no exception, no hang.
        var locals = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"var a{i} = a{i - 1} + a{i - 1};"));
        var source = Usings + "class S : Stack { S(Construct s, string p) : base(s, \"s\") {\nvar a0 = \"m\";\n" + locals +
                     "\nnew CfnCacheClusterProps { CacheNodeType = a40 };\n} }";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(new[] { source }),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new ProbeAnalyzer()));
        Assert.That(run.Exceptions, Is.Empty);
        Assert.That(run.AnalyzerDiagnostics, Is.Empty);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }
}
