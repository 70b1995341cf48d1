using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Tests.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Tests.Gating;

/// <summary>
/// The gates decide from syntax which bodies a rule binds. They must never turn away a body a finding needs (the rule
/// tests prove that end to end); these tests pin what they admit, so a gate that quietly admits everything again (the
/// cost the gates exist to avoid) fails here.
/// </summary>
public class GatesTests
{
    private static readonly Func<BodyEntry, bool> HoldsOldType = b => b.Strings.Contains("m4.large");
    private static readonly Func<string, bool> InstanceTypeProperty = p => p == "InstanceType";

    [Test]
    public void A_constant_admits_every_body_that_reads_it()
    {
        var index = Index(
            "static class Sizing { public const string Old = \"m4.large\"; }",
            "class Reader { object M() => new { InstanceType = Sizing.Old }; }",
            "class Other { void M() { var x = 1; } }");
        var admits = Gates.ValueFlow(index, HoldsOldType, InstanceTypeProperty);
        Assert.That(Admitted(index, admits), Is.EquivalentTo(new[] { "Old", "M in Reader" }));
    }

    [Test]
    public void A_constructor_that_uses_its_own_literal_does_not_admit_its_callers()
    {
        var index = Index(
            "class Worker { public Worker(string id) { var props = new Props { InstanceType = \"m4.large\", Name = id }; } }",
            "class Stack { void Build() { new Worker(\"a\"); } }");
        var admits = Gates.ValueFlow(index, HoldsOldType, InstanceTypeProperty);
        Assert.That(Admitted(index, admits), Is.EquivalentTo(new[] { "Worker" }));
    }

    [Test]
    public void A_helper_that_hands_its_parameter_to_a_sink_property_admits_its_callers()
    {
        var index = Index(
            "class Worker { public Worker(string type) { var props = new Props { InstanceType = type }; } }",
            "class Factory { public static void Make(string t) { new Worker(t); } }",
            "class Stack { void Build() { Factory.Make(Prefix + \"m4.large\"); } const string Prefix = \"\"; }",
            "class Caller { void Build() { new Stack(); } }");

        // Stack.Build holds the literal. Make passes its parameter to Worker, a constructor declared in source, and
        // Worker assigns its own to InstanceType: Make's callers and Worker's callers may hand them the value, so they
        // are admitted; nothing sends a value into Stack's constructor, so Caller is not.
        var admits = Gates.ValueFlow(index, HoldsOldType, InstanceTypeProperty);
        Assert.That(Admitted(index, admits), Is.EquivalentTo(new[] { "Build in Stack" }));

        var fromWorker = Gates.ValueFlow(index, b => b.Name == "Worker", InstanceTypeProperty);
        Assert.That(Admitted(index, fromWorker), Is.EquivalentTo(new[] { "Worker", "Make", "Build in Stack" }));
    }

    // Props types are CDK's in these sources (not declared here): a type declared in source may forward what its
    // initializer is given, so handing a parameter to one counts as passing it on.
    [Test]
    public void A_helper_that_assigns_its_parameter_elsewhere_does_not_admit_its_callers()
    {
        var index = Index(
            "class Worker { public Worker(string name) { var props = new Props { Name = name, InstanceType = \"m4.large\" }; } }",
            "class Stack { void Build() { new Worker(\"x\"); } }");
        var admits = Gates.ValueFlow(index, b => b.Name == "Worker", InstanceTypeProperty);
        Assert.That(Admitted(index, admits), Is.EquivalentTo(new[] { "Worker" }));
    }

    [Test]
    public void A_helper_that_hands_its_parameter_to_a_type_declared_in_source_admits_its_callers()
    {
        var index = Index(
            "class Worker { public Worker(string name) { var props = new Props { Name = name, InstanceType = \"m4.large\" }; } }",
            "class Props { public string InstanceType { get; set; } public string Name { get; set; } }",
            "class Stack { void Build() { new Worker(\"x\"); } }");
        var admits = Gates.ValueFlow(index, b => b.Name == "Worker", InstanceTypeProperty);
        Assert.That(Admitted(index, admits), Is.EquivalentTo(new[] { "Worker", "Build in Stack" }));
    }

    [Test]
    public void A_method_that_returns_a_value_admits_its_callers_and_a_void_one_does_not()
    {
        var index = Index(
            "static class Types { public static string Pick() => \"m4.large\"; public static void Log() { var s = \"m4.large\"; } }",
            "class A { void M() { var t = Types.Pick(); } }",
            "class B { void M() { Types.Log(); } }");
        var admits = Gates.ValueFlow(index, HoldsOldType, InstanceTypeProperty);
        Assert.That(Admitted(index, admits), Is.EquivalentTo(new[] { "Pick", "Log", "M in A" }));
    }

    [Test]
    public void Context_keeps_only_admitted_bodies_that_are_in_context_themselves_or_through_a_member()
    {
        var index = Index(
            "static class Sizing { public const string Old = \"m4.large\"; }",
            "class Db { public Db(string type) { var p = new DatabaseProps { InstanceType = type }; } }",
            "class Stack { void Build() { new Db(Sizing.Old); } }",
            "class Queue { void Build() { var name = Sizing.Old; } }");
        var admits = Gates.ValueFlow(index, HoldsOldType, InstanceTypeProperty, b => b.Identifiers.Contains("DatabaseProps"));

        // Stack is in context through Db (which takes its caller's value to InstanceType); Queue reads the constant
        // but configures no database; the constant itself is not in context.
        Assert.That(Admitted(index, admits), Is.EquivalentTo(new[] { "Build in Stack" }));
    }

    [Test]
    public void Files_take_the_anchors_files_and_every_file_that_names_what_they_declare()
    {
        var index = Index(
            "class Endpoint { public Endpoint() { var x = \"anchor\"; } }",
            "class Stack { void Build() { new Endpoint(); } }",
            "class App { void Main() { new Stack(); } }",
            "class Unrelated { void M() { } }");
        var files = Gates.Files(index, b => b.Strings.Contains("anchor"));
        Assert.That(Admitted(index, files), Is.EquivalentTo(new[] { "Endpoint", "Build in Stack", "Main in App" }));
        Assert.That(Gates.Files(index, b => b.Strings.Contains("nowhere")), Is.SameAs(Gates.None));
    }

    [Test]
    public void PL1001_evidence_uses_the_smallest_generation_gap_any_file_sets()
    {
        // Precondition from the knowledge base: m7g is one generation behind m8g, reported only with a gap of 1.
        var gapOne = new RuleOptions(k => k == RuleOptions.MinGenerationGapKey ? "1" : null);
        Assert.That(PreviousGenerationRule.Evaluate("m7g.large"), Is.Null);
        Assert.That(PreviousGenerationRule.Evaluate("m7g.large", gapOne), Is.Not.Null);

        var index = Index("class Fleet { object M() => new { InstanceType = \"m7g.large\" }; }", "class Other { }");
        var fleet = index.Bodies.Single();

        Assert.That(Evidence(index, new Dictionary<string, Dictionary<string, string>>()).In(index)(fleet), Is.False, "default gap 2");

        // One file (not even the one with the literal) lowers the gap: a finding there may read the constant.
        var lowered = new Dictionary<string, Dictionary<string, string>> { ["/1.cs"] = new() { ["pl1001.min_generation_gap"] = "1" } };
        Assert.That(Evidence(index, lowered).In(index)(fleet), Is.True);
    }

    [Test]
    public void Each_body_of_the_index_holds_only_its_own_tokens()
    {
        // The index collects every body's tokens in one scratch instance and keeps an exact-size copy of it.
        var index = Index("class A { void M() { var a = \"m4.large\"; Alpha(1); } void N() { Beta(); } }");
        var n = index.Bodies.Single(b => b.Name == "N");
        Assert.That(n.Identifiers, Is.EquivalentTo(new[] { "Beta" }));
        Assert.That(n.Strings, Is.Empty);
        Assert.That(n.Numbers, Is.Empty);
        Assert.That(n.Assigned, Is.Empty);
        Assert.That(n.Tokens.Assignments, Is.Empty);
        var m = index.Bodies.Single(b => b.Name == "M");
        Assert.That(m.Identifiers, Is.EquivalentTo(new[] { "var", "a", "Alpha" }));
        Assert.That(m.Tokens.Assignments.Select(a => (a.Name, a.Number)), Is.EqualTo(new[] { ("a", (double?)null) }));
    }

    [Test]
    public void Most_permissive_options_ask_each_distinct_options_object_once()
    {
        var index = EmptyClasses(50);
        var shared = new CountingOptions(new Dictionary<string, string>());
        var lowered = new CountingOptions(new Dictionary<string, string> { ["pl1001.min_generation_gap"] = "1" });
        var provider = new SharedOptionsProvider(tree => tree.FilePath == "/17.cs" ? lowered : shared);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider);

        var evidence = InstanceTypeEvidence.For(PreviousGenerationRule.Evaluate, InstanceTypeEvidence.MostPermissive(index, options));
        var withLiteral = Index("class Fleet { object M() => new { InstanceType = \"m7g.large\" }; }");

        Assert.That(evidence.In(withLiteral)(withLiteral.Bodies.Single()), Is.True, "the one file with gap 1 decides");
        Assert.That(shared.Lookups, Is.LessThanOrEqualTo(2), "the 49 trees sharing one options object are asked once");
        Assert.That(lowered.Lookups, Is.EqualTo(1));
    }

    [Test]
    public void The_distinct_options_of_the_trees_are_found_once_per_provider()
    {
        var index = EmptyClasses(20);
        var shared = new CountingOptions(new Dictionary<string, string>());
        var own = new CountingOptions(new Dictionary<string, string> { ["pl1001.min_generation_gap"] = "1" });
        var asked = 0;
        var first = new SharedOptionsProvider(tree => { asked++; return tree.FilePath == "/3.cs" ? own : shared; });
        var second = new SharedOptionsProvider(_ => shared);

        Assert.That(index.DistinctTreeOptions(first), Is.EqualTo(new[] { shared, own }));
        Assert.That(index.DistinctTreeOptions(first), Is.EqualTo(new[] { shared, own }));
        Assert.That(asked, Is.EqualTo(20), "each tree's options asked for once");
        Assert.That(index.DistinctTreeOptions(second), Is.EqualTo(new[] { shared }), "another provider is asked afresh");
    }

    /// <summary>
    /// <see cref="Gates.ValueFlow"/> with a context takes the closure of the fewer seeds first and walks the other only
    /// where names lead into it. Held here to the straightforward definition it replaced (the closure of the suspicious
    /// bodies, then for each admitted body a walk to the context), on every body of this repository, with seeds,
    /// contexts and sink properties drawn at random.
    /// </summary>
    [Test]
    public void Value_flow_with_context_admits_what_the_closure_and_context_walk_admit([Values(1, 2, 3, 4, 5, 6, 7, 8)] int seed)
    {
        var index = CorpusIndex.Value;
        var random = new Random(seed);
        var identifiers = index.ByIdentifier.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var assigned = index.Bodies.SelectMany(b => b.Assigned).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        for (var trial = 0; trial < 10; trial++)
        {
            // Seeds and context: the bodies naming one of a few identifiers (named members chain into callers), or a
            // random share of all bodies; the sink: a few assigned names, everything, or nothing.
            var suspicious = Pick(random, index, identifiers);
            var context = Pick(random, index, identifiers);
            var sinkNames = new HashSet<string>(Enumerable.Range(0, random.Next(0, 6)).Select(_ => assigned[random.Next(assigned.Count)]));
            Func<string, bool> sink = random.Next(4) switch { 0 => _ => true, 1 => _ => false, _ => sinkNames.Contains };

            var expected = ReferenceValueFlow(index, suspicious, sink, context);
            var actual = index.Bodies.Where(Gates.ValueFlow(index, suspicious, sink, context)).ToList();
            Assert.That(actual, Is.EquivalentTo(expected), $"seed {seed}, trial {trial}");
        }
    }

    private static readonly Lazy<SyntaxIndex> CorpusIndex = new(() => SyntaxIndex.Build(
        CSharpCompilation.Create("corpus", RepositoryCorpus.Sources().Select(s => CSharpSyntaxTree.ParseText(s))), CancellationToken.None));

    private static Func<BodyEntry, bool> Pick(Random random, SyntaxIndex index, List<string> identifiers)
    {
        if (random.Next(3) == 0)
        {
            var share = new[] { 0.002, 0.02, 0.2 }[random.Next(3)];
            var picked = new HashSet<BodyEntry>(index.Bodies.Where(_ => random.NextDouble() < share));
            return picked.Contains;
        }

        var words = new HashSet<string>(Enumerable.Range(0, random.Next(1, 4)).Select(_ => identifiers[random.Next(identifiers.Count)]));
        return b => words.Overlaps(b.Identifiers);
    }

    /// <summary>The definition: the closure of the suspicious bodies, then each admitted body walked to the context.</summary>
    private static List<BodyEntry> ReferenceValueFlow(SyntaxIndex index, Func<BodyEntry, bool> suspicious, Func<string, bool> sink, Func<BodyEntry, bool> context)
    {
        bool PassesOn(BodyEntry b) => BodyOwners.YieldsValue(b.Node) || CallSiteDependence.MayReachSink(index.CallerFacts(b), sink);

        var admitted = new HashSet<BodyEntry>(index.Bodies.Where(suspicious));
        var pending = new Queue<BodyEntry>(admitted);
        while (pending.Count > 0)
        {
            var body = pending.Dequeue();
            if (body.Name.Length > 0 && PassesOn(body))
            {
                foreach (var caller in index.Naming(body.Name).Where(admitted.Add))
                {
                    pending.Enqueue(caller);
                }
            }
        }

        bool ReachesContext(BodyEntry start)
        {
            var visited = new HashSet<BodyEntry> { start };
            var queue = new Queue<BodyEntry>(visited);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                if (context(current))
                {
                    return true;
                }

                foreach (var named in current.Identifiers.SelectMany(index.Declaring).Where(n => !visited.Contains(n) && PassesOn(n)))
                {
                    visited.Add(named);
                    queue.Enqueue(named);
                }
            }

            return false;
        }

        return admitted.Where(ReachesContext).ToList();
    }

    /// <summary>Options that count the lookups made on them (keys compared exactly, as written: lower case).</summary>
    private sealed class CountingOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public int Lookups { get; private set; }

        public override bool TryGetValue(string key, out string value)
        {
            Lookups++;
            return values.TryGetValue(key, out value!);
        }
    }

    /// <summary>Like the compiler's provider: one options object shared by every tree without options of its own.</summary>
    private sealed class SharedOptionsProvider(Func<SyntaxTree, AnalyzerConfigOptions> byTree) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new CountingOptions(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => byTree(tree);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private static InstanceTypeEvidence Evidence(SyntaxIndex index, Dictionary<string, Dictionary<string, string>> byPath)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestConfigOptionsProvider(byPath, new Dictionary<string, string>()));
        return InstanceTypeEvidence.For(PreviousGenerationRule.Evaluate, InstanceTypeEvidence.MostPermissive(index, options));
    }

    /// <summary>An index of <paramref name="count"/> trees, each declaring one empty class, at <c>/0.cs</c>, <c>/1.cs</c>, ...</summary>
    private static SyntaxIndex EmptyClasses(int count) =>
        Index(Enumerable.Range(0, count).Select(i => "class C" + i + " { }").ToArray());

    /// <summary>An index of one tree per source, at <c>/0.cs</c>, <c>/1.cs</c>, ...</summary>
    private static SyntaxIndex Index(params string[] sources)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: "/" + i + ".cs"));
        return SyntaxIndex.Build(CSharpCompilation.Create("gates", trees), CancellationToken.None);
    }

    /// <summary>The admitted bodies, by name (methods also by their type, where names repeat).</summary>
    private static IEnumerable<string> Admitted(SyntaxIndex index, Func<BodyEntry, bool> admits) =>
        index.Bodies.Where(admits).Select(b => b.Node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax && b.Name is "M" or "Build" or "Main"
            ? b.Name + " in " + b.Node.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>()!.Identifier.ValueText
            : b.Name);
}
