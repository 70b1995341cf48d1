using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Probe = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Tests.Infrastructure.ProbeAnalyzer>;

namespace PerfLint.Analyzers.Tests.ValueFlow;

/// <summary>Local functions and lambdas used as helpers, like methods: return values at the argument, sinks at the call.</summary>
public class LocalFunctionFlowTests
{
    private static DiagnosticResult Value(int location, string message) => Probe.Diagnostic("PROBE").WithLocation(location).WithMessage(message);

    [Test]
    public Task Local_function_return_value_is_reported_at_the_argument() => Probe.VerifyAnalyzerAsync(Stack("""
        InstanceType Make(InstanceClass family) => InstanceType.Of(family, InstanceSize.LARGE);
        static string Node(string family) { return "cache." + family + ".large"; }
        new InstanceProps { InstanceType = Make({|#0:InstanceClass.M4|}) };
        new CfnCacheClusterProps { CacheNodeType = Node({|#1:"r4"|}) };
        """), Value(0, "InstanceType=m4.large"), Value(1, "String=cache.r4.large"));

    [Test]
    public Task Local_function_holding_the_sink_is_reported_at_each_call() => Probe.VerifyAnalyzerAsync(Stack("""
        void AddCache(string node) => new CfnCacheCluster(this, "c" + node, new CfnCacheClusterProps { CacheNodeType = node, Engine = "redis", NumCacheNodes = 1 });
        AddCache({|#0:"cache.m4.large"|});
        AddCache({|#1:"cache.m7g.large"|});
        """), Value(0, "String=cache.m4.large (call site)"), Value(1, "String=cache.m7g.large (call site)"));

    [Test]
    public Task Lambda_in_a_local_or_field_returns_its_value_at_the_argument() => Probe.VerifyAnalyzerAsync(Stack("""
        Func<InstanceClass, InstanceType> make = family => InstanceType.Of(family, InstanceSize.XLARGE);
        new InstanceProps { InstanceType = make({|#0:InstanceClass.C4|}) };
        new CfnCacheClusterProps { CacheNodeType = Node({|#1:"m4"|}) };
        """, """
        static readonly Func<string, string> Node = family => { return $"cache.{family}.large"; };
        """), Value(0, "InstanceType=c4.xlarge"), Value(1, "String=cache.m4.large"));

    [Test]
    public Task Lambda_holding_the_sink_is_reported_at_each_call() => Probe.VerifyAnalyzerAsync(Stack("""
        Action<string> addCache = node => new CfnCacheCluster(this, "c" + node, new CfnCacheClusterProps { CacheNodeType = node, Engine = "redis", NumCacheNodes = 1 });
        addCache({|#0:"cache.m4.large"|});
        AddVolume(this, {|#1:EbsDeviceVolumeType.GP2|});
        """, """
        static readonly Action<Construct, EbsDeviceVolumeType> AddVolume = (scope, type) => new EbsDeviceOptions { VolumeType = type };
        """), Value(0, "String=cache.m4.large (call site)"), Value(1, "Member=GP2 (call site)"));

    [Test]
    public Task Unknown_delegates_and_captured_unknowns_stay_silent() => Probe.VerifyAnalyzerAsync(Stack("""
        Func<string, string> pick = System.Environment.MachineName.Length > 3 ? (n => n) : (n => "cache.m4.large");
        pick = n => n + ".x";
        new CfnCacheClusterProps { CacheNodeType = pick("cache.m4.large") };
        var stage = (string)Node.TryGetContext("stage");
        string Captured() => stage;
        new CfnCacheClusterProps { CacheNodeType = Captured() };
        """));
}
