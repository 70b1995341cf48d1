namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>
/// The value-flow shapes of the issue, generated around one sink so that every rule is tested with each of them:
/// literal, constant in another class, local, static readonly field, helper return value, helper method argument
/// and constructor argument (both reported at the call site), and for strings concatenation and interpolation.
/// The expected diagnostic location is markup <c>#0</c>.
/// </summary>
public static class ValueFlowShapes
{
    /// <summary>
    /// Test cases for <paramref name="sink"/>, a statement with <c>{V}</c> where the value goes (it may use the
    /// construct <c>scope</c>); <paramref name="type"/> is the value's C# type and <paramref name="literal"/> the
    /// C# expression of the offending value (<c>"gp2"</c>, <c>EbsDeviceVolumeType.GP2</c>, <c>70</c>).
    /// </summary>
    public static IEnumerable<TestCaseData> For(string sink, string type, string literal, string label = "", bool canBeConst = true)
    {
        string Sink(string value) => sink.Replace("{V}", value);
        string Marked(string value) => "{|#0:" + value + "|}";

        yield return Case(label + "literal", CdkSource.Stack(Sink(Marked(literal))));
        if (canBeConst)
        {
            yield return Case(label + "constant in another class", CdkSource.Stack(Sink("Values.V"), types: "static class Values { public const " + type + " V = " + Marked(literal) + "; }"));
        }

        yield return Case(label + "local", CdkSource.Stack("var v = " + Marked(literal) + ";\n" + Sink("v")));
        yield return Case(label + "static readonly field", CdkSource.Stack(Sink("Field"), "static readonly " + type + " Field = " + Marked(literal) + ";"));
        yield return Case(label + "helper return value", CdkSource.Stack(Sink("Make()"), "static " + type + " Make() => " + Marked(literal) + ";"));
        yield return Case(label + "helper method argument", CdkSource.Stack("Helper(scope, " + Marked(literal) + ");",
            "static void Helper(Construct scope, " + type + " value) { " + Sink("value") + " }"));
        yield return Case(label + "constructor argument", CdkSource.Stack("new Holder(this, " + Marked(literal) + ");",
            types: "class Holder : Construct { public Holder(Construct scope, " + type + " value) : base(scope, \"Holder\") { " + Sink("value") + " } }"));

        if (type == "string" && literal.StartsWith('"'))
        {
            var text = literal.Trim('"');
            var cut = text.LastIndexOf('.') > 0 ? text.LastIndexOf('.') : text.Length - 1;
            var prefix = "static readonly string Prefix = \"" + text[..cut] + "\";";
            yield return Case(label + "concatenation", CdkSource.Stack(Sink(Marked("Prefix + \"" + text[cut..] + "\"")), prefix));
            yield return Case(label + "interpolation", CdkSource.Stack(Sink(Marked("$\"{Prefix}" + text[cut..] + "\"")), prefix));
            yield return Case(label + "helper argument concatenated in the helper", CdkSource.Stack("Helper(scope, " + Marked("\"" + text[..cut] + "\"") + ");",
                "static void Helper(Construct scope, string prefix) { " + Sink("prefix + \"" + text[cut..] + "\"") + " }"));
        }
    }

    private static TestCaseData Case(string name, string source) => new TestCaseData(source).SetArgDisplayNames(name);
}
