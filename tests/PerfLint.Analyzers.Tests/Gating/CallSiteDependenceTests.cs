using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
        => Assert.That(WorkerPassesOn(body), Is.EqualTo(passes));

    [TestCase("new Helper(type);", true)]
    [TestCase("var v = type + \"x\"; new Helper(1); Helper.Run(v);", true)]
    [TestCase("new Helper(\"m5.large\"); Helper.Run(Sizes.Large);", false)]
    [TestCase("new Other(type);", false)]
    [TestCase("Helper.Run(later); void Local(int later) { }", true)]
    [TestCase("new Helper(Sizes.Large) { Name = type };", true)]
    public void A_constructor_passes_its_parameter_on_through_a_call_into_source(string body, bool passes)
        => Assert.That(WorkerPassesOn(body, "class Helper { public Helper(object o) { } public static void Run(object o) { } }"), Is.EqualTo(passes));

    /// <summary>Whether <c>Worker(string type)</c> with <paramref name="body"/> may hand <c>type</c> to an <c>InstanceType</c> sink.</summary>
    private static bool WorkerPassesOn(string body, string otherTypes = "")
    {
        var index = Index(otherTypes + " class Worker { public Worker(string type) { " + body + " } }");
        var worker = index.Bodies.Single(b => b.Name == "Worker");
        return CallSiteDependence.MayReachSink(index.CallerFacts(worker), InstanceType);
    }

    /// <summary>
    /// The read stops at the first call into source code that names a parameter or a local seen so far; on every body
    /// of the repository its answer equals the definition applied to the whole body (every name, every call, every
    /// assignment), for the properties most assigned there.
    /// </summary>
    [Test]
    public void Stopping_at_the_first_call_into_source_answers_as_the_whole_body_does()
    {
        var trees = RepositoryCorpus.Sources().Select(s => CSharpSyntaxTree.ParseText(s)).ToList();
        var index = SyntaxIndex.Build(CSharpCompilation.Create("corpus", trees), CancellationToken.None);
        var properties = index.Bodies.SelectMany(b => b.Node.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            .Select(a => Name(a.Left)).Where(n => n.Length > 0)
            .GroupBy(n => n).OrderByDescending(g => g.Count()).Take(6).Select(g => g.Key).ToList();
        var passing = 0;
        foreach (var body in index.Bodies)
        {
            foreach (var property in properties)
            {
                var expected = WholeBodyReachesSink(body.Node, index.DeclaredNames, property);
                Assert.That(CallSiteDependence.MayReachSink(index.CallerFacts(body), p => p == property), Is.EqualTo(expected), $"{body.Name}, {property}");
                passing += expected ? 1 : 0;
            }
        }

        Assert.That(passing, Is.GreaterThan(100), "the corpus holds bodies that pass values on");
    }

    // The definition (CallSiteDependence's summary), written as queries over the whole body.
    private static bool WholeBodyReachesSink(SyntaxNode owner, HashSet<string> sourceNames, string property)
    {
        var nodes = owner.DescendantNodes().ToList();
        var names = new HashSet<string>(nodes.Select(DeclaredName).Where(n => n != null)!, StringComparer.Ordinal);
        names.UnionWith(ParametersOf(owner));
        bool NamesAny(SyntaxNode? n) => n != null && n.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => names.Contains(i.Identifier.ValueText));
        var baseType = owner.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.BaseList?.Types.FirstOrDefault()?.Type;
        var handed = new List<SyntaxNode?>();
        if (owner is ConstructorDeclarationSyntax { Initializer: { } init } &&
            (init.IsKind(SyntaxKind.ThisConstructorInitializer) || (baseType != null && sourceNames.Contains(Name(baseType)))))
        {
            handed.Add(init.ArgumentList);
        }

        handed.AddRange(nodes.OfType<InvocationExpressionSyntax>().Where(i => sourceNames.Contains(Name(i.Expression))).Select(i => i.ArgumentList));
        foreach (var creation in nodes.OfType<ObjectCreationExpressionSyntax>().Where(c => sourceNames.Contains(Name(c.Type))))
        {
            handed.Add(creation.ArgumentList);
            handed.Add(creation.Initializer);
        }

        handed.AddRange(nodes.OfType<ImplicitObjectCreationExpressionSyntax>().Select(c => c.ArgumentList));
        return handed.Any(NamesAny) ||
               nodes.OfType<AssignmentExpressionSyntax>().Any(a => Name(a.Left) == property && NamesAny(a.Right));
    }

    private static string? DeclaredName(SyntaxNode node) =>
        node switch
        {
            VariableDeclaratorSyntax d => d.Identifier.ValueText,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText,
            ForEachStatementSyntax f => f.Identifier.ValueText,
            ParameterSyntax p => p.Identifier.ValueText,
            CatchDeclarationSyntax c => c.Identifier.ValueText,
            FromClauseSyntax f => f.Identifier.ValueText,
            LetClauseSyntax l => l.Identifier.ValueText,
            _ => null,
        };

    private static IEnumerable<string> ParametersOf(SyntaxNode owner) =>
        owner switch
        {
            BaseMethodDeclarationSyntax m => m.ParameterList.Parameters.Select(p => p.Identifier.ValueText),
            IndexerDeclarationSyntax i => i.ParameterList.Parameters.Select(p => p.Identifier.ValueText),
            AccessorDeclarationSyntax a => (a.Parent?.Parent is IndexerDeclarationSyntax i ? i.ParameterList.Parameters.Select(p => p.Identifier.ValueText) : Enumerable.Empty<string>())
                .Concat(a.IsKind(SyntaxKind.GetAccessorDeclaration) ? Enumerable.Empty<string>() : new[] { "value" }),
            _ => Enumerable.Empty<string>(),
        };

    private static string Name(SyntaxNode node) =>
        node switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            SimpleNameSyntax n => n.Identifier.ValueText,
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            _ => string.Empty,
        };

    private static SyntaxIndex Index(string source) =>
        SyntaxIndex.Build(CSharpCompilation.Create("c", new[] { CSharpSyntaxTree.ParseText(source) }), CancellationToken.None);
}
