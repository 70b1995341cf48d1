using System.Reflection;
using System.Text.RegularExpressions;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;
using PerfLint.Testing;

namespace PerfLint.Analyzers.Tests;

/// <summary>
/// Every rule of the RuleCatalog has its documentation page (what, why, how to fix, options, suppression), its help
/// link, its AnalyzerReleases row, its place in the severity policy; every option key is documented.
/// </summary>
public class RuleDocumentationTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static IEnumerable<string> RuleIdsInCatalog() => RuleCatalog.All.Select(r => r.Id);

    [TestCaseSource(nameof(RuleIdsInCatalog))]
    public void Rule_has_a_documentation_page_with_every_section(string id)
    {
        var path = Path.Combine(Root, "docs", "rules", id + ".md");
        Assert.That(File.Exists(path), Is.True, "missing " + path);
        var text = File.ReadAllText(path);
        var headings = text.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l.ToLowerInvariant()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(text.TrimStart(), Does.StartWith("# " + id), "the page starts with its ID");
            foreach (var section in new[] { "what", "why", "how to fix", "options", "suppression" })
            {
                Assert.That(headings.Any(h => h.Contains(section)), Is.True, id + ".md needs a '## ' section about " + section);
            }

            Assert.That(text, Does.Contain("#pragma warning disable " + id));
            Assert.That(text, Does.Contain("dotnet_diagnostic." + id + ".severity"));
            Assert.That(Regex.IsMatch(text, @"\d"), Is.True, "the why needs figures");
        });
    }

    [TestCaseSource(nameof(RuleIdsInCatalog))]
    public void Help_link_points_at_the_page(string id)
    {
        var uri = Descriptors.For(id).HelpLinkUri;
        Assert.That(uri, Does.EndWith("/docs/rules/" + id + ".md"));
        Assert.That(uri, Is.EqualTo(RuleCatalog.GetHelpUri(id)));
    }

    [Test]
    public void Every_rule_has_exactly_its_release_row()
    {
        var rows = File.ReadAllLines(Path.Combine(Root, "analyzers", "PerfLint.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Where(l => l.StartsWith("PL", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
        Assert.That(rows.Select(r => r[0]), Is.EquivalentTo(RuleIdsInCatalog()), "one row per catalog rule, no other");
        foreach (var rule in RuleCatalog.All)
        {
            var row = rows.Single(r => r[0] == rule.Id);
            Assert.That(row[1], Is.EqualTo(rule.Category), rule.Id);
            Assert.That(row[2], Is.EqualTo(rule.EnabledByDefault ? rule.DefaultSeverity.ToString() : "Disabled"), rule.Id);
        }
    }

    [Test]
    public void Severity_policy_names_every_rule()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "severity-policy.md"));
        Assert.That(RuleIdsInCatalog().Where(id => !text.Contains(id)), Is.Empty);
    }

    [Test]
    public void Options_page_documents_every_option_key()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "options.md"));
        var keys = typeof(RuleOptions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetValue(null)!)
            .ToList();
        Assert.That(keys, Is.Not.Empty);
        Assert.That(keys.Where(k => !text.Contains(k)), Is.Empty);
    }
}
