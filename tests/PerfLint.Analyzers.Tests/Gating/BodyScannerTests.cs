using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PerfLint.Analyzers.Gating;

namespace PerfLint.Analyzers.Tests.Gating;

/// <summary>
/// The syntax index reads code bodies by scanning their text and falls back to the compiler's tokens where the scan
/// declines. A gate fed less than the tokens say could turn away a body with a finding, so the scan is held to the
/// tokens: on every code body of this repository (and on damaged copies of them, as typed in an IDE) it must give the
/// same strings and numbers, and every identifier and every assigned name the tokens give.
/// </summary>
public class BodyScannerTests
{
    [TestCase("var t = \"m4.large\";", "m4.large")]
    [TestCase("var t = \"a\\\"b\\\\c\\td\";", "a\"b\\c\td")]
    [TestCase("var t = @\"c:\\x \"\"q\"\"\";", "c:\\x \"q\"")]
    [TestCase("var t = \"gp2\"u8;", "gp2")]
    [TestCase("var t = \"é and // not a comment\";", "é and // not a comment")]
    public void Reads_string_values(string code, string expected)
    {
        var (_, strings, _) = Scan(code);
        Assert.That(strings, Is.EquivalentTo(new[] { expected }));
    }

    [TestCase("x = 70;", 70.0)]
    [TestCase("x = 70.0;", 70.0)]
    [TestCase("x = 1_000;", 1000.0)]
    [TestCase("x = 0x1F;", 31.0)]
    [TestCase("x = 0b101;", 5.0)]
    [TestCase("x = 2e3;", 2000.0)]
    [TestCase("x = 10m;", 10.0)]
    [TestCase("x = 5UL;", 5.0)]
    [TestCase("x = .5;", 0.5)]
    [TestCase("x = 1.ToString();", 1.0)]
    [TestCase("x = s[..8];", 8.0)]
    [TestCase("x = 1..2;", 1.0, 2.0)]
    public void Reads_numbers_as_the_compiler_values_them(string code, params double[] expected)
    {
        var (_, _, numbers) = Scan(code);
        Assert.That(numbers, Is.EquivalentTo(expected));
    }

    [Test]
    public void A_float_literal_keeps_its_float_rounding()
    {
        var (_, _, numbers) = Scan("x = 1.1f;");
        Assert.That(numbers.Single(), Is.EqualTo((double)1.1f));
    }

    [Test]
    public void Keeps_identifiers_and_contextual_keywords_and_leaves_reserved_keywords_comments_and_characters_out()
    {
        var (identifiers, strings, _) = Scan("var @class = new Props { InstanceType = x }; /* \"no\" */ // \"no\"\nvar c = '\"'; var q = from a in b select a; var u = \"\"u8;");
        Assert.That(identifiers, Is.EquivalentTo(new[] { "var", "class", "Props", "InstanceType", "x", "c", "q", "from", "a", "b", "select", "u" }));
        Assert.That(strings, Is.EquivalentTo(new[] { string.Empty }));
    }

    [TestCase("var s = $\"{a}-b\";")]
    [TestCase("var s = \"\"\"raw\"\"\";")]
    [TestCase("#if DEBUG\nvar s = 1;\n#endif")]
    [TestCase("var \\u0061 = 1;")]
    [TestCase("var s = \"\\u0041\";")]
    [TestCase("var ä = 1;")]
    [TestCase("var s = \"unterminated;")]
    [TestCase("/* unterminated")]
    [TestCase("x = 0b102;")]
    [TestCase("x = 12abc;")]
    [TestCase("c = '\\")]
    [TestCase("c = '")]
    public void Declines_what_it_could_misread(string code) =>
        Assert.That(BodyScanner.TryScan(code, new BodyTokens()), Is.False);

    [Test]
    public void Lists_the_names_assigned_with_equals_and_not_those_compared_read_or_lambdas()
    {
        var tokens = new BodyTokens();
        Assert.That(BodyScanner.TryScan(
            "var p = new Props { AvailabilityZone = zone, VpcSubnets = s }; p.SubnetId = id; if (a == b) { } Func<int, int> f = x => x; " +
            "var read = subnet.AvailabilityZone; n += 1; m /* why */ = 2;", tokens), Is.True);
        Assert.That(tokens.Assigned, Is.EquivalentTo(new[] { "p", "AvailabilityZone", "VpcSubnets", "SubnetId", "f", "read", "m" }));
    }

    [Test]
    public void Keeps_the_number_of_an_assignment_only_when_it_is_a_lone_literal()
    {
        var tokens = new BodyTokens();
        Assert.That(BodyScanner.TryScan(
            "new P { MinCapacity = 1, MaxCapacity = 0x10 }; a = 2.5; b = 2 + 1; c = -3; d = 4 /* why */; e /* why */ = 5; f = x;", tokens), Is.True);
        Assert.That(tokens.Assignments.Select(a => (a.Name, a.Number)), Is.EqualTo(new (string, double?)[]
        {
            ("MinCapacity", 1), ("MaxCapacity", 16), ("a", 2.5), ("b", null), ("c", null), ("d", null), ("e", null), ("f", null),
        }));
    }

    [Test]
    public void Agrees_with_the_compiler_tokens_on_every_code_body_of_the_repository()
    {
        var (scanned, declined) = CheckAll(RepositoryCorpus.Sources());
        TestContext.Out.WriteLine($"{scanned} bodies scanned, {declined} left to the tokens");

        // Most bodies are plain code: a scan that declined everything would prove nothing and save nothing.
        Assert.That(scanned, Is.GreaterThan(1000));
        Assert.That(scanned, Is.GreaterThan(declined * 2));
    }

    [Test]
    public void Agrees_with_the_compiler_tokens_on_damaged_code()
    {
        // As typed in an IDE: sources cut short and with characters deleted (deterministic, seed 20261129).
        var random = new Random(20261129);
        var sources = RepositoryCorpus.Sources().Where((_, i) => i % 7 == 0).ToList();
        var damaged = new List<string>();
        foreach (var source in sources)
        {
            damaged.Add(source.Substring(0, random.Next(source.Length)));
            var chars = source.ToCharArray().ToList();
            for (var k = 0; k < 20 && chars.Count > 0; k++)
            {
                chars.RemoveAt(random.Next(chars.Count));
            }

            damaged.Add(new string(chars.ToArray()));
        }

        var (scanned, _) = CheckAll(damaged);
        Assert.That(scanned, Is.GreaterThan(200));
    }

    private static (HashSet<string> Identifiers, HashSet<string> Strings, HashSet<double> Numbers) Scan(string code)
    {
        var tokens = new BodyTokens();
        Assert.That(BodyScanner.TryScan(code, tokens), Is.True, code);
        return (tokens.Identifiers, tokens.Strings, tokens.Numbers);
    }

    /// <summary>Checks every code body of the sources; returns how many the scan read and how many it declined.</summary>
    private static (int Scanned, int Declined) CheckAll(IEnumerable<string> sources)
    {
        int scanned = 0, declined = 0;
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s)).ToList();
        var index = SyntaxIndex.Build(CSharpCompilation.Create("corpus", trees), CancellationToken.None);
        foreach (var body in index.Bodies)
        {
            foreach (var part in BodyOwners.OwnBodies(body.Node))
            {
                var text = part.SyntaxTree.GetText().ToString(part.Span);
                var scan = new BodyTokens();
                if (!BodyScanner.TryScan(text, scan))
                {
                    declined++;
                    continue;
                }

                scanned++;
                var tokens = new BodyTokens();
                BodyScanner.ReadTokens(part, tokens);

                // Where the parser gave up on damaged code, it keeps the rest of the line as skipped-token trivia: the
                // token walk does not read it and the scan does. Reading more only ever makes a gate admit more.
                var skipped = SkippedTokens(part);
                var beforeSkipped = NamesBeforeSkippedTokens(part);
                Assert.Multiple(() =>
                {
                    Assert.That(tokens.Strings.Except(scan.Strings), Is.Empty, text);
                    Assert.That(scan.Strings.Except(tokens.Strings).Where(v => !skipped.Contains(v)), Is.Empty, text);
                    Assert.That(tokens.Numbers.Except(scan.Numbers), Is.Empty, text);
                    Assert.That(scan.Numbers.Distinct().Count() - tokens.Numbers.Distinct().Count(), Is.LessThanOrEqualTo(skipped.Count), text);
                    Assert.That(tokens.Identifiers.Except(scan.Identifiers), Is.Empty, text);
                    Assert.That(scan.Identifiers.Except(tokens.Identifiers).Where(i => SyntaxFacts.GetContextualKeywordKind(i) == SyntaxKind.None && !skipped.Contains(i)), Is.Empty, text);
                    // Where the parser skipped a token between a name and '=' (a deleted '[': "x.Item] = v"), it reads an
                    // assignment to the name; the scan sees "] =", an element write. Damaged code only: nothing compiles there.
                    Assert.That(tokens.Assigned.Except(scan.Assigned).Except(beforeSkipped), Is.Empty, text);

                    // The scan may know less of a value (a comment in the way), never more or otherwise.
                    Assert.That(tokens.Assignments.Where(a => !beforeSkipped.Contains(a.Name) && !scan.Assignments.Contains(a) && !scan.Assignments.Contains(new Assignment(a.Name, null))), Is.Empty, text);
                });
            }

            // The index scans the same parts in a buffer holding the whole tree's text: it must read what the tokens say.
            var all = new BodyTokens();
            foreach (var part in BodyOwners.OwnBodies(body.Node))
            {
                BodyScanner.ReadTokens(part, all);
            }

            var skippedInBody = SkippedTokens(body.Node);
            var beforeSkippedInBody = NamesBeforeSkippedTokens(body.Node);
            Assert.Multiple(() =>
            {
                Assert.That(all.Strings.Except(body.Strings), Is.Empty, body.Node.ToString());
                Assert.That(body.Strings.Except(all.Strings).Where(v => !skippedInBody.Contains(v)), Is.Empty, body.Node.ToString());
                Assert.That(all.Numbers.Except(body.Numbers), Is.Empty, body.Node.ToString());
                Assert.That(body.Numbers.Distinct().Count() - all.Numbers.Distinct().Count(), Is.LessThanOrEqualTo(skippedInBody.Count), body.Node.ToString());
                Assert.That(all.Identifiers.Except(body.Identifiers), Is.Empty, body.Node.ToString());
                Assert.That(body.Identifiers.Except(all.Identifiers).Where(i => SyntaxFacts.GetContextualKeywordKind(i) == SyntaxKind.None && !skippedInBody.Contains(i)), Is.Empty, body.Node.ToString());
                Assert.That(all.Assigned.Except(body.Assigned).Except(beforeSkippedInBody), Is.Empty, body.Node.ToString());
            });
        }

        return (scanned, declined);
    }

    /// <summary>The names the parser read just before tokens it skipped in <paramref name="node"/> (damaged code).</summary>
    private static HashSet<string> NamesBeforeSkippedTokens(SyntaxNode node) =>
        node.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SkippedTokensTrivia))
            .Select(t => Present(t.Token.TrailingTrivia.Contains(t) ? t.Token : t.Token.GetPreviousToken()))
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToHashSet();

    /// <summary>The token itself, or the last one before it that is in the text (the parser inserts missing ones: a ';').</summary>
    private static SyntaxToken Present(SyntaxToken token)
    {
        while (token.IsMissing && token.RawKind != 0)
        {
            token = token.GetPreviousToken();
        }

        return token;
    }

    /// <summary>The texts of the tokens the parser skipped in <paramref name="node"/> (damaged code).</summary>
    private static HashSet<string> SkippedTokens(SyntaxNode node) =>
        node.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SkippedTokensTrivia))
            .SelectMany(t => t.GetStructure()!.DescendantTokens()).Select(t => t.ValueText).ToHashSet();
}
