using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Probe = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Tests.Infrastructure.ProbeAnalyzer>;
using Pl1001 = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.PreviousGenerationInstanceAnalyzer>;

namespace PerfLint.Analyzers.Tests.ValueFlow;

/// <summary>Switch expressions and statements: every constant arm is a candidate, reported on the arm with its branch named.</summary>
public class SwitchFlowTests
{
    /// <summary>PL1001's message for EC2 m4.large (as in PL1001PreviousGenerationInstanceTests), followed by the branch.</summary>
    private const string M4Large = ExpectedMessages.M4LargeEc2;

    private static DiagnosticResult Value(int location, string message) => Probe.Diagnostic("PROBE").WithLocation(location).WithMessage(message);

    private static DiagnosticResult M4(int location, string branch) =>
        Pl1001.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(location).WithSeverity(DiagnosticSeverity.Warning)
            .WithMessage(M4Large + " (" + branch + ")");

    [Test]
    public Task Switch_expression_arm_is_reported_with_its_branch() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var stage = (string)Node.TryGetContext("stage");
        new InstanceProps { InstanceType = new InstanceType(stage switch { "prod" => {|#0:"m4.large"|}, "test" => "t3.micro", _ => "m7g.large" }) };
        """), M4(0, "when stage is \"prod\""));

    [Test]
    public Task Discard_arm_and_enum_arms_name_their_branch() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var prod = Node.TryGetContext("prod") != null;
        new InstanceProps { InstanceType = InstanceType.Of(prod switch { true => InstanceClass.M7G, _ => {|#0:InstanceClass.M4|} }, InstanceSize.LARGE) };
        """), M4(0, "when prod is anything else"));

    [Test]
    public Task A_switch_whose_arms_are_all_current_is_silent() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var stage = (string)Node.TryGetContext("stage");
        new InstanceProps { InstanceType = new InstanceType(stage switch { "prod" => "m7g.large", _ => "t4g.micro" }) };
        """));

    [Test]
    public Task Helper_switch_on_a_known_stage_takes_only_its_arm() => Probe.VerifyAnalyzerAsync(Stack("""
        new CfnCacheClusterProps { CacheNodeType = NodeFor("prod") };
        new CfnCacheClusterProps { CacheNodeType = NodeFor("qa") };
        """, """
        static string NodeFor(string stage) => stage switch
        {
            "prod" => {|#0:"cache.m4.large"|},
            "dev" => "cache.t2.micro",
            _ => {|#1:"cache.t3.small"|},
        };
        """), Value(0, "String=cache.m4.large"), Value(1, "String=cache.t3.small"));

    [Test]
    public Task Switch_statement_sections_assigning_a_local_are_candidates() => Probe.VerifyAnalyzerAsync(Stack("""
        var stage = (string)Node.TryGetContext("stage");
        string node;
        switch (stage)
        {
            case "prod":
            case "production":
                node = {|#0:"cache.m4.large"|};
                break;
            default:
                node = {|#1:"cache.t3.small"|};
                break;
        }

        new CfnCacheClusterProps { CacheNodeType = node };
        """), Value(0, "String=cache.m4.large"), Value(1, "String=cache.t3.small"));

    [Test]
    public Task Switch_statement_returns_name_their_case() => Pl1001.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = TypeFor((string)Node.TryGetContext("stage")) };
        """, """
        static InstanceType TypeFor(string stage)
        {
            switch (stage)
            {
                case "prod": return new InstanceType({|#0:"m4.large"|});
                default: return new InstanceType("m7g.large");
            }
        }
        """), M4(0, "when stage is \"prod\""));

    [Test]
    public Task A_local_reassigned_outside_a_switch_is_still_not_followed() => Probe.VerifyAnalyzerAsync(Stack("""
        var stage = (string)Node.TryGetContext("stage");
        var node = "cache.m4.large";
        if (stage == "dev") node = "cache.t2.micro";
        switch (stage) { case "qa": node = "cache.t3.small"; break; }
        new CfnCacheClusterProps { CacheNodeType = node };
        """));

    [Test]
    public Task Unknown_arms_stay_silent() => Probe.VerifyAnalyzerAsync(Stack("""
        var stage = (string)Node.TryGetContext("stage");
        new CfnCacheClusterProps { CacheNodeType = stage switch { "prod" => System.Environment.MachineName, _ => (string)Node.TryGetContext("node") } };
        """));
}
