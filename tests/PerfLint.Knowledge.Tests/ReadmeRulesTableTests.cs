using PerfLint.Knowledge.Rules;
using PerfLint.Testing;

namespace PerfLint.Knowledge.Tests;

/// <summary>
/// README.md's rules table is generated from <see cref="RuleCatalog"/>, so it cannot drift from what the analyzers and
/// `perflint check` report. Refresh it with
/// <c>PERFLINT_UPDATE_README=1 dotnet test tests/PerfLint.Knowledge.Tests -c Release --filter ReadmeRulesTableTests</c>.
/// </summary>
public class ReadmeRulesTableTests
{
    private const string Begin = "<!-- generated: rules -->";
    private const string End = "<!-- end generated -->";

    private static readonly string Readme = Path.Combine(RepositoryRoot.Path, "README.md");

    /// <summary>One row per rule: the id linked to its page, title, category, default severity, enabled by default.</summary>
    public static string RulesTable()
    {
        var lines = new List<string> { "| ID | Rule | Category | Default severity | Enabled by default |", "|---|---|---|---|---|" };
        lines.AddRange(RuleCatalog.All.Select(r =>
            $"| [{r.Id}](docs/rules/{r.Id}.md) | {r.Title.Replace("|", "\\|")} | {r.Category} | {r.DefaultSeverity} | {(r.EnabledByDefault ? "yes" : "no")} |"));
        return string.Join("\n", lines);
    }

    [Test]
    public void Readme_rules_table_is_the_catalogs()
    {
        var text = File.ReadAllText(Readme).Replace("\r\n", "\n");
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.That(start >= 0 && end > start, Is.True, $"README.md needs the markers {Begin} and {End}");
        var current = text.Substring(start + Begin.Length, end - start - Begin.Length).Trim('\n');
        var generated = RulesTable();
        if (current != generated && Environment.GetEnvironmentVariable("PERFLINT_UPDATE_README") == "1")
        {
            File.WriteAllText(Readme, text[..(start + Begin.Length)] + "\n" + generated + "\n" + text[end..]);
            return;
        }

        Assert.That(current, Is.EqualTo(generated),
            "README.md's rules table is not RuleCatalog's; refresh it: PERFLINT_UPDATE_README=1 dotnet test tests/PerfLint.Knowledge.Tests -c Release --filter ReadmeRulesTableTests");
    }

    [Test]
    public void Rules_table_rows_have_the_documented_shape()
    {
        // Written by hand from RuleCatalog's PL1005 entry: pins the generator's format, which the test above only compares.
        Assert.That(RulesTable().Split('\n'),
            Does.Contain("| [PL1005](docs/rules/PL1005.md) | Consider Graviton (arm64) | Performance.Compute | Info | no |"));
    }
}
