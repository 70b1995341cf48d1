using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Probe = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Tests.Infrastructure.ProbeAnalyzer>;
using Pl1001 = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.PreviousGenerationInstanceAnalyzer>;

namespace PerfLint.Analyzers.Tests.ValueFlow;

/// <summary>C# 12 collection expressions and target-typed <c>new()</c> dictionaries: each entry a lookup can read, reported at the entry.</summary>
public class CollectionExpressionFlowTests
{
    private static DiagnosticResult Value(int location, string message) => Probe.Diagnostic("PROBE").WithLocation(location).WithMessage(message);

    [Test]
    public Task Array_collection_expression_read_by_position() => Probe.VerifyAnalyzerAsync(Stack("""
        string[] nodes = ["cache.m4.large", {|#0:"cache.r4.large"|}];
        new CfnCacheClusterProps { CacheNodeType = nodes[1] };
        """), Value(0, "String=cache.r4.large"));

    [Test]
    public Task List_collection_expression_read_by_an_unknown_index_gives_every_element() => Probe.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = InstanceType.Of(Classes[System.Environment.ProcessorCount], InstanceSize.LARGE) };
        """, """
        static readonly System.Collections.Generic.List<InstanceClass> Classes = [{|#0:InstanceClass.M4|}, {|#1:InstanceClass.M7G|}];
        """), Value(0, "InstanceType=m4.large"), Value(1, "InstanceType=m7g.large"));

    [Test]
    public Task A_previous_generation_element_is_reported_at_the_element() => Pl1001.VerifyAnalyzerAsync(Stack("""
        System.Collections.Generic.List<string> types = ["m7g.large", {|#0:"m4.large"|}];
        new InstanceProps { InstanceType = new InstanceType(types[(int)Node.TryGetContext("index")]) };
        """), Pl1001.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(
        "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
        "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
        "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region unknown: set perflint_region to check yours] " +
        "(reaches InstanceProps.InstanceType in AppStack)"));

    [Test]
    public Task Elements_that_are_all_current_are_silent() => Pl1001.VerifyAnalyzerAsync(Stack("""
        string[] types = ["m7g.large", "t4g.micro"];
        new InstanceProps { InstanceType = new InstanceType(types[(int)Node.TryGetContext("index")]) };
        """));

    [Test]
    public Task A_spread_hides_the_positions_and_stays_silent() => Probe.VerifyAnalyzerAsync(Stack("""
        string[] more = ["cache.m4.large"];
        string[] nodes = [..more, "cache.r4.large"];
        new CfnCacheClusterProps { CacheNodeType = nodes[1] };
        """));

    [Test]
    public Task Target_typed_dictionary_local_read_by_indexer_TryGetValue_and_a_known_key() => Probe.VerifyAnalyzerAsync(Stack("""
        System.Collections.Generic.Dictionary<string, string> nodes = new() { ["prod"] = {|#0:"cache.m4.xlarge"|}, ["dev"] = {|#1:"cache.t3.small"|} };
        new CfnCacheClusterProps { CacheNodeType = nodes[(string)Node.TryGetContext("stage")] };
        if (nodes.TryGetValue("prod", out var node))
        {
            new CfnCacheClusterProps { CacheNodeType = node };
        }
        """), Value(0, "String=cache.m4.xlarge"), Value(1, "String=cache.t3.small"), Value(0, "String=cache.m4.xlarge"));
}
