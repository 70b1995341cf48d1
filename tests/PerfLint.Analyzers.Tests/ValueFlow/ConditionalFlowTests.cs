using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;
using static PerfLint.Analyzers.Tests.Infrastructure.CdkSource;
using Pl1001 = PerfLint.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<PerfLint.Analyzers.Rules.PreviousGenerationInstanceAnalyzer>;

namespace PerfLint.Analyzers.Tests.ValueFlow;

/// <summary>Ternaries and <c>??</c>: each constant branch is a candidate, reported on it with its condition named like a switch arm.</summary>
public class ConditionalFlowTests
{
    /// <summary>PL1001's message for EC2 m4.large (as in PL1001PreviousGenerationInstanceTests).</summary>
    private const string M4Large = ExpectedMessages.M4LargeEc2;

    private static DiagnosticResult M4(int location, string? branch) =>
        Pl1001.Diagnostic(RuleIds.PreviousGenerationInstance).WithLocation(location).WithSeverity(DiagnosticSeverity.Warning)
            .WithMessage(branch == null ? M4Large : M4Large + " (" + branch + ")");

    [Test]
    public Task The_true_arm_names_the_condition_as_true() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var isProd = Node.TryGetContext("prod") != null;
        new InstanceProps { InstanceType = new InstanceType(isProd ? {|#0:"m4.large"|} : "m7g.large") };
        """), M4(0, "when isProd is true"));

    [Test]
    public Task The_false_arm_names_the_condition_as_false() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var isProd = Node.TryGetContext("prod") != null;
        new InstanceProps { InstanceType = InstanceType.Of(isProd ? InstanceClass.M7G : {|#0:InstanceClass.M4|}, InstanceSize.LARGE) };
        """), M4(0, "when isProd is false"));

    [Test]
    public Task A_condition_written_as_a_comparison_is_quoted() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var stage = (string)Node.TryGetContext("stage");
        new InstanceProps { InstanceType = new InstanceType(stage == "prod" ? {|#0:"m4.large"|} : "m7g.large") };
        """), M4(0, "when stage == \"prod\" is true"));

    [Test]
    public Task A_ternary_whose_arms_are_both_current_is_silent() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var isProd = Node.TryGetContext("prod") != null;
        new InstanceProps { InstanceType = new InstanceType(isProd ? "m7g.large" : "t4g.micro") };
        """));

    [Test]
    public Task Nested_ternary_arms_name_their_innermost_condition() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var isProd = Node.TryGetContext("prod") != null;
        var big = Node.TryGetContext("big") != null;
        new InstanceProps { InstanceType = new InstanceType(isProd ? {|#0:"m4.large"|} : big ? "m7g.large" : {|#1:"m4.large"|}) };
        """), M4(0, "when isProd is true"), M4(1, "when big is false"));

    [Test]
    public Task A_ternary_inside_a_switch_arm_names_the_ternary() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var stage = (string)Node.TryGetContext("stage");
        var big = Node.TryGetContext("big") != null;
        new InstanceProps { InstanceType = new InstanceType(stage switch { "prod" => big ? "m7g.xlarge" : {|#0:"m4.large"|}, _ => "t4g.micro" }) };
        """), M4(0, "when big is false"));

    [Test]
    public Task The_coalesce_fallback_names_the_tested_value_as_null() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var configured = (string)Node.TryGetContext("instanceType");
        new InstanceProps { InstanceType = new InstanceType(configured ?? {|#0:"m4.large"|}) };
        """), M4(0, "when configured is null"));

    [Test]
    public Task A_coalesce_whose_fallback_is_current_is_silent() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var configured = (string)Node.TryGetContext("instanceType");
        new InstanceProps { InstanceType = new InstanceType(configured ?? "m7g.large") };
        """));

    [Test]
    public Task A_constant_condition_names_no_branch() => Pl1001.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = new InstanceType(Prod ? Big : "m7g.large") };
        """, """
        const bool Prod = true;
        static readonly string Big = {|#0:"m4.large"|};
        """), M4(0, null));

    [Test]
    public Task A_condition_too_long_to_quote_names_no_branch() => Pl1001.VerifyAnalyzerAsync(Stack("""
        new InstanceProps { InstanceType = new InstanceType(Node.TryGetContext("a-rather-long-context-key") != null ? {|#0:"m4.large"|} : "m7g.large") };
        """), M4(0, null));

    [Test]
    public Task Unknown_arms_stay_silent() => Pl1001.VerifyAnalyzerAsync(Stack("""
        var isProd = Node.TryGetContext("prod") != null;
        new InstanceProps { InstanceType = new InstanceType(isProd ? System.Environment.MachineName : (string)Node.TryGetContext("type") ?? System.Environment.UserName) };
        """));
}
