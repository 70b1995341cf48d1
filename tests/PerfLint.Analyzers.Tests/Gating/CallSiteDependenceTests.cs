using Microsoft.CodeAnalysis.CSharp;
using PerfLint.Analyzers.Gating;

namespace PerfLint.Analyzers.Tests.Gating;

/// <summary>
/// Whether a constructor may hand its caller's values to a sink property, read from its syntax
/// (<see cref="CallSiteDependence"/>): through an assignment (plain or compound) from a parameter or from a local,
/// lambda parameter, pattern or loop variable that may hold one, never through a constant or an anonymous member.
/// </summary>
public class CallSiteDependenceTests
{
    private static readonly Func<string, bool> InstanceType = p => p == "InstanceType";

    [TestCase("var p = new Props { InstanceType = type };", true)]
    [TestCase("var p = new Props(); p.InstanceType += type;", true)]
    [TestCase("string t; t = type; var p = new Props { InstanceType = t };", true)]
    [TestCase("System.Func<string, Props> f = t => new Props { InstanceType = t };", true)]
    [TestCase("object o = type; if (o is string t) { var p = new Props { InstanceType = t }; }", true)]
    [TestCase("foreach (var t in new[] { type }) { var p = new Props { InstanceType = t }; }", true)]
    [TestCase("var p = new Props { InstanceType = \"m5.large\", Name = type };", false)]
    [TestCase("var p = new Props { InstanceType = Sizes.Large /* type */ };", false)]
    [TestCase("var p = new Props { Name = type }; var q = new { InstanceType = type };", false)]
    public void A_constructor_passes_its_parameter_on_only_through_a_sink_assignment(string body, bool passes)
    {
        var index = Index("class Worker { public Worker(string type) { " + body + " } }");
        var worker = index.Bodies.Single(b => b.Name == "Worker");
        Assert.That(CallSiteDependence.MayReachSink(index.CallerFacts(worker), InstanceType), Is.EqualTo(passes));
    }

    private static SyntaxIndex Index(string source) =>
        SyntaxIndex.Build(CSharpCompilation.Create("c", new[] { CSharpSyntaxTree.ParseText(source) }), CancellationToken.None);
}
