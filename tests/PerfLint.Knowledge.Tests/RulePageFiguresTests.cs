using System.Globalization;
using System.Text.RegularExpressions;
using PerfLint.Knowledge.Catalog;
using PerfLint.Testing;

namespace PerfLint.Knowledge.Tests;

/// <summary>
/// The instance figures the rule pages state must be the catalog's: every hourly price (<c>$0.1058/h</c>) and every
/// vCPU count in a paragraph or table must be that of an instance type the same paragraph or table names.
/// </summary>
public class RulePageFiguresTests
{
    private static readonly Regex Price = new(@"\$(\d+(?:\.\d+)?)(?:[–-](\d+(?:\.\d+)?))?/h", RegexOptions.CultureInvariant);
    private static readonly Regex VCpus = new(@"(\d+) vCPU", RegexOptions.CultureInvariant);
    private static readonly Regex TypeName = new(@"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+){1,2}", RegexOptions.CultureInvariant);

    private static IEnumerable<string> Pages() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs", "rules"), "PL*.md").OrderBy(p => p, StringComparer.Ordinal).Select(Path.GetFileName)!;

    [TestCaseSource(nameof(Pages))]
    public void Prices_and_vcpus_are_the_catalogs(string page)
    {
        var problems = new List<string>();
        foreach (var block in Blocks(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules", page))))
        {
            var types = TypeName.Matches(block).Select(m => InstanceCatalog.Find(m.Value)).Where(t => t != null).ToList();
            foreach (Match price in Price.Matches(block))
            {
                foreach (var group in new[] { price.Groups[1], price.Groups[2] }.Where(g => g.Success))
                {
                    var decimals = group.Value.Contains('.') ? group.Value.Length - group.Value.IndexOf('.') - 1 : 0;
                    var stated = double.Parse(group.Value, CultureInfo.InvariantCulture);
                    if (!types.Any(t => t!.OnDemandUsdPerHour is double p && Math.Abs(Math.Round(p, decimals) - stated) < 1e-9))
                    {
                        problems.Add("$" + group.Value + "/h matches no type named with it: " + First(block));
                    }
                }
            }

            foreach (Match vcpus in VCpus.Matches(block))
            {
                var stated = int.Parse(vcpus.Groups[1].Value, CultureInfo.InvariantCulture);
                if (types.Count > 0 && !types.Any(t => t!.VCpus == stated))
                {
                    problems.Add(vcpus.Value + " matches no type named with it: " + First(block));
                }
            }
        }

        Assert.That(problems, Is.Empty, page);
    }

    [Test]
    public void The_check_can_fail() =>
        Assert.That(Price.Matches("`m4.large` costs $0.2/h").Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "0.2" }));

    /// <summary>Paragraphs and tables: runs of lines between blank lines.</summary>
    private static IEnumerable<string> Blocks(string text) =>
        Regex.Split(text.Replace("\r\n", "\n"), @"\n\s*\n").Where(b => b.Trim().Length > 0);

    private static string First(string block) => block.Length > 120 ? block.Substring(0, 120) + "…" : block;
}
