using Microsoft.CodeAnalysis.CSharp;
using PerfLint.Analyzers.Gating;

namespace PerfLint.Analyzers.Tests.Gating;

/// <summary>
/// The caller facts of a body owner are kept per process for the same text (<see cref="CallerFactsCache"/>): from the
/// third compilation of the same code on, parsed anew as the compiler server does, the facts the second one read are
/// reused without reading the syntax again (the first compilation of a set of names keeps nothing: a fresh compiler
/// never sees a second), and any difference the facts depend on (the names the compilation declares, the base type, a
/// directive, the language version) reads them again.
/// </summary>
public class CallerFactsCacheTests
{
    private static readonly Func<string, bool> InstanceType = p => p == "InstanceType";

    // Facts that pass to source are one shared instance whatever the text, so the tests that compare instances assign a
    // property of a type not declared in source (the index reads syntax only: Props need not exist).
    private const string AssignsParameter = "class Worker { public Worker(string type) { var p = new Props { InstanceType = type }; } }";

    [Test]
    public void The_same_code_compiled_again_gets_the_facts_the_second_compilation_read()
    {
        const string Source = AssignsParameter;
        Facts(Source, "Worker");
        var second = Facts(Source, "Worker");
        var third = Facts(Source, "Worker");
        Assert.That(third, Is.SameAs(second));
        Assert.That(third.MayReachSink(InstanceType), Is.True);
    }

    [Test]
    public void The_first_compilation_of_a_set_of_names_keeps_no_text()
    {
        // Names no other test declares: this compilation is the first of its set, as a fresh compiler's only one is.
        var source = "class FreshCompilerOnly { } " + AssignsParameter;
        var before = CallerFactsCache.Chars;
        var first = Facts(source, "Worker");
        Assert.That(CallerFactsCache.Chars, Is.EqualTo(before));
        Assert.That(first.MayReachSink(InstanceType), Is.True);

        var second = Facts(source, "Worker");
        Assert.That(CallerFactsCache.Chars, Is.GreaterThan(before), "the second compilation of the set keeps what it reads");
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(Facts(source, "Worker"), Is.SameAs(second));
    }

    [Test]
    public void A_compilation_that_declares_other_names_reads_the_same_text_again()
    {
        const string Worker = "class Worker { public Worker(string type) { new Helper(type); } }";
        Facts("class Helper { public Helper(object o) { } } " + Worker, "Worker"); // kept from the second compilation on
        var withHelper = Facts("class Helper { public Helper(object o) { } } " + Worker, "Worker");
        var withoutHelper = Facts("class Unrelated { } " + Worker, "Worker"); // Helper is not declared in source here
        Assert.That(withoutHelper, Is.Not.SameAs(withHelper));
        Assert.That(withHelper.MayReachSink(InstanceType), Is.True);
        Assert.That(withoutHelper.MayReachSink(InstanceType), Is.False);
    }

    [Test]
    public void The_same_constructor_under_a_base_type_not_declared_in_source_reads_again()
    {
        // Both compilations declare the same names; only the base of Worker differs, which is outside the constructor's text.
        const string Constructor = "public Worker(string type) : base(type) { }";
        Facts("class Base { public Base(object o) { } } class Worker : Base { " + Constructor + " }", "Worker");
        var sourceBase = Facts("class Base { public Base(object o) { } } class Worker : Base { " + Constructor + " }", "Worker");
        var frameworkBase = Facts("class Base { public Base(object o) { } } class Worker : System.Exception { " + Constructor + " }", "Worker");
        Assert.That(sourceBase.MayReachSink(InstanceType), Is.True);
        Assert.That(frameworkBase.MayReachSink(InstanceType), Is.False);
    }

    [Test]
    public void Owners_with_directives_and_accessors_are_read_in_every_compilation()
    {
        const string Source = "class Worker { public Worker(string type) {\n#if DEBUG\n var p = new Props { InstanceType = type };\n#endif\n } " +
                              "public string this[string key] { set { var p = new Props { InstanceType = key }; } } }";
        Facts(Source, "Worker");
        var second = Facts(Source, "Worker"); // the same text again, in new compilations
        var third = Facts(Source, "Worker");
        Assert.That(third, Is.Not.SameAs(second));
        var indexer = Facts(Source, "this[]", CSharpParseOptions.Default);
        Assert.That(indexer.MayReachSink(InstanceType), Is.True, "the indexer's parameter, outside the accessor's text");
        var debug = Facts(Source, "Worker", CSharpParseOptions.Default.WithPreprocessorSymbols("DEBUG"));
        var release = Facts(Source, "Worker", CSharpParseOptions.Default);
        Assert.That(debug.MayReachSink(InstanceType), Is.True);
        Assert.That(release.MayReachSink(InstanceType), Is.False);
    }

    [Test]
    public void Another_language_version_reads_again()
    {
        const string Source = AssignsParameter;
        Facts(Source, "Worker", new CSharpParseOptions(LanguageVersion.Latest));
        var latest = Facts(Source, "Worker", new CSharpParseOptions(LanguageVersion.Latest));
        var older = Facts(Source, "Worker", new CSharpParseOptions(LanguageVersion.CSharp7_3));
        Assert.That(older, Is.Not.SameAs(latest));
        Assert.That(Facts(Source, "Worker", new CSharpParseOptions(LanguageVersion.CSharp7_3)), Is.SameAs(older));
    }

    [Test]
    public void The_text_kept_stays_within_its_budget()
    {
        // Sixteen projects (distinct declared names), each with a constructor of ~0.2 M characters: twice the budget.
        var body = string.Concat(Enumerable.Range(0, 9000).Select(i => $"var v{i} = type;"));
        CallSiteDependence.MethodFacts? last = null;
        for (var project = 0; project < 16; project++)
        {
            var source = $"class Only{project} {{ }} " +
                         $"class Worker {{ public Worker(string type) {{ {body} var p = new Props {{ InstanceType = v8999 }}; }} }}";
            Facts(source, "Worker"); // the first compilation of a set keeps nothing, the second keeps its text
            last = Facts(source, "Worker");
            Assert.That(last.MayReachSink(InstanceType), Is.True);
            Assert.That(CallerFactsCache.Chars, Is.LessThanOrEqualTo(CallerFactsCache.MaxChars));
        }

        var again = $"class Only15 {{ }} " +
                    $"class Worker {{ public Worker(string type) {{ {body} var p = new Props {{ InstanceType = v8999 }}; }} }}";
        Assert.That(Facts(again, "Worker"), Is.SameAs(last), "the most recent project is kept");
    }

    /// <summary>The caller facts of the body named <paramref name="name"/> in a new compilation of <paramref name="source"/>.</summary>
    private static CallSiteDependence.MethodFacts Facts(string source, string name, CSharpParseOptions? options = null)
    {
        var tree = CSharpSyntaxTree.ParseText(source, options ?? CSharpParseOptions.Default);
        var index = SyntaxIndex.Build(CSharpCompilation.Create("c", new[] { tree }), CancellationToken.None);
        return index.CallerFacts(index.Bodies.First(b => b.Name == name));
    }
}
