using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Probe = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Tests.Infrastructure.ProbeAnalyzer>;
using Pl1001 = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.PreviousGenerationInstanceAnalyzer>;

namespace PerfLint.Analyzers.Tests.ValueFlow;

/// <summary>Dictionaries, arrays and lists read by an indexer or <c>TryGetValue</c>: each entry a key can read, reported at the entry.</summary>
public class CollectionFlowTests
{
    private static DiagnosticResult Value(int location, string message) => Probe.Diagnostic("PROBE").WithLocation(location).WithMessage(message);

    [Test]
    public Task Dictionary_indexer_with_an_unknown_key_gives_every_entry_with_its_key() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var stage = (string)Node.TryGetContext("stage");
        new InstanceProps { InstanceType = new InstanceType(Types[stage]) };
        """, """
        static readonly System.Collections.Generic.Dictionary<string, string> Types = new()
        {
            ["prod"] = {|#0:"m4.large"|},
            ["dev"] = "t3.micro",
        };
        """), Pl1001.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithMessage(
        "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
        "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
        "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region unknown: set perflint_region to check yours] " +
        "(when stage is \"prod\"; reaches InstanceProps.InstanceType in AppStack)"));

    [Test]
    public Task A_known_key_reads_only_its_entry_and_TryGetValue_reads_like_the_indexer() => Probe.VerifyAnalyzerAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = Nodes["dev"] };
        if (Nodes.TryGetValue((string)Node.TryGetContext("stage"), out var node))
        {
            new CfnCacheClusterProps { CacheNodeType = node };
        }
        """, """
        static readonly System.Collections.Generic.Dictionary<string, string> Nodes = new()
        {
            { "prod", {|#0:"cache.m4.large"|} },
            { "dev", {|#1:"cache.t2.micro"|} },
        };
        """), Value(1, "String=cache.t2.micro"), Value(0, "String=cache.m4.large"), Value(1, "String=cache.t2.micro"));

    [Test]
    public Task Array_and_list_elements() => Probe.VerifyAnalyzerAsync(Stack("""
        var nodes = new[] { {|#0:"cache.m4.large"|}, {|#1:"cache.r4.large"|} };
        new CfnCacheClusterProps { CacheNodeType = nodes[1] };
        var list = new System.Collections.Generic.List<InstanceClass> { {|#2:InstanceClass.M4|}, {|#3:InstanceClass.C4|} };
        new InstanceProps { InstanceType = InstanceType.Of(list[System.Environment.ProcessorCount], InstanceSize.LARGE) };
        new CfnCacheClusterProps { CacheNodeType = nodes[0] };
        """), Value(1, "String=cache.r4.large"), Value(2, "InstanceType=m4.large"), Value(3, "InstanceType=c4.large"), Value(0, "String=cache.m4.large"));

    [Test]
    public Task Dictionary_of_settings_records() => Probe.VerifyAnalyzerAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = BySize[(string)Node.TryGetContext("stage")].Node };
        """, """
        static readonly System.Collections.Generic.Dictionary<string, Sizing> BySize = new()
        {
            ["prod"] = new Sizing({|#0:"cache.m4.large"|}),
            ["dev"] = new Sizing({|#1:"cache.t3.small"|}),
        };
        """, types: "public record Sizing(string Node);"), Value(0, "String=cache.m4.large"), Value(1, "String=cache.t3.small"));

    [Test]
    public Task A_dictionary_whose_entries_are_all_current_is_silent() => Pl1001.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = new InstanceType(Types[(string)Node.TryGetContext("stage")]) };
        """, """
        static readonly System.Collections.Generic.Dictionary<string, string> Types = new() { ["prod"] = "m7g.large", ["dev"] = "t4g.micro" };
        """));

    [Test]
    public Task Unknown_collections_and_written_ones_stay_silent() => Probe.VerifyAnalyzerAsync(Stack("""
        var loaded = System.Text.Json.JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, string>>("{}")!;
        new CfnCacheClusterProps { CacheNodeType = loaded["prod"] };
        var written = new System.Collections.Generic.Dictionary<string, string> { ["prod"] = "cache.m4.large" };
        written["prod"] = "cache.m7g.large";
        new CfnCacheClusterProps { CacheNodeType = written["prod"] };
        new CfnCacheClusterProps { CacheNodeType = Missing["qa"] };
        """, """
        static readonly System.Collections.Generic.Dictionary<string, string> Missing = new() { ["prod"] = "cache.m4.large" };
        """));
}
