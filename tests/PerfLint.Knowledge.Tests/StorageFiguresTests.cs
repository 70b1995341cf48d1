using System.Globalization;
using System.Text.RegularExpressions;
using PerfLint.Knowledge.Rules;
using PerfLint.Knowledge.Storage;

namespace PerfLint.Knowledge.Tests;

/// <summary>
/// Every storage figure PL4001/PL4002 state — on their rule pages and in their messages — must be in the storage data
/// for that service: a price ($x), IOPS, MiB/s, TiB or percentage the data does not hold fails here. A page states
/// figures only under a service heading (### EBS, ### RDS, ### OpenSearch).
/// </summary>
public class StorageFiguresTests
{
    private static readonly Regex Figure = new(@"\$(?<usd>\d+(?:\.\d+)?)|(?<n>\d[\d,]*(?:\.\d+)?)\s*(?<unit>IOPS|MiB/s|TiB|%)", RegexOptions.Compiled);

    private static readonly Regex Gib = new(@"(?<n>\d[\d,]*)\s*GiB\b", RegexOptions.Compiled);

    [TestCase("PL4001")]
    [TestCase("PL4002")]
    public void Rule_page_figures_are_in_the_data_for_their_service(string rule)
    {
        var page = File.ReadAllLines(Path.Combine(RepoRoot(), "docs", "rules", rule + ".md"));
        StorageService? service = null;
        var problems = new List<string>();
        var figures = 0;
        foreach (var line in page)
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                service = ServiceOfHeading(line);
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("# ", StringComparison.Ordinal))
            {
                service = null;
                continue;
            }

            var found = Unsupported(line, service, out var count);
            figures += count;
            problems.AddRange(found.Select(f => f + " in: " + line));
        }

        Assert.That(problems, Is.Empty);
        Assert.That(figures, Is.GreaterThan(5), "the page's figure tables were read");
    }

    [Test]
    public void Message_figures_are_in_the_data_for_their_service()
    {
        var problems = new List<string>();
        var figures = 0;
        foreach (var service in new[] { StorageService.Ebs, StorageService.Rds, StorageService.OpenSearch })
        {
            foreach (var engine in new[] { null, "mysql", "mariadb", "postgres", "oracle-ee", "sqlserver-se", "db2-se", "aurora-mysql" })
            {
                var messages = new[] { VolumeTypeRule.Evaluate("gp2", service, engine), VolumeTypeRule.Evaluate("io1", service, engine) }
                    .Concat(service == StorageService.Rds ? new[] { VolumeTypeRule.EvaluateUnsetRdsStorageType(engine) } : Array.Empty<RuleFinding?>())
                    .Where(f => f != null).Select(f => f!.Message);
                foreach (var message in messages)
                {
                    var found = Unsupported(message, service, out var count);
                    figures += count;
                    problems.AddRange(found.Select(f => service + ": " + f + " in: " + message));
                }
            }
        }

        Assert.That(problems, Is.Empty);
        Assert.That(figures, Is.GreaterThan(20));
    }

    /// <summary>The rule descriptions are the same for every service: they state no figure.</summary>
    [TestCase(RuleIds.Gp2Volume)]
    [TestCase(RuleIds.Io1Volume)]
    public void Rule_descriptions_state_no_figure(string rule) =>
        Assert.That(Unsupported(RuleCatalog.Get(rule).Description, null, out _), Is.Empty);

    /// <summary>The checker itself: a figure the data lacks, and one outside a service heading, are caught.</summary>
    [Test]
    public void Figures_the_data_lacks_are_caught()
    {
        Assert.That(Unsupported("gp3 gives 3,000 IOPS and 1,500 MiB/s", StorageService.Ebs, out _), Is.EqualTo(new[] { "1,500 MiB/s" }));
        Assert.That(Unsupported("up to 16,000 IOPS", StorageService.Ebs, out _), Is.Empty);
        Assert.That(Unsupported("gp3 up to 16,000 IOPS", StorageService.Rds, out _), Is.EqualTo(new[] { "16,000 IOPS" }));
        Assert.That(Unsupported("$0.08 per GiB-month", StorageService.Rds, out _), Is.EqualTo(new[] { "$0.08" }));
        Assert.That(Unsupported("20% less, 99.999%", StorageService.Ebs, out _), Is.Empty);
        Assert.That(Unsupported("25% less", StorageService.Ebs, out _), Is.EqualTo(new[] { "25%" }));
        Assert.That(Unsupported("100 GiB: 300 IOPS", StorageService.Ebs, out _), Is.Empty, "gp2's 3 IOPS per GiB at a size the text names");
        Assert.That(Unsupported("100 GiB: 400 IOPS", StorageService.Ebs, out _), Is.EqualTo(new[] { "400 IOPS" }));
        Assert.That(Unsupported("3,000 IOPS", null, out _), Is.EqualTo(new[] { "3,000 IOPS" }), "outside a service section");
    }

    /// <summary>The figures of <paramref name="text"/> that the data for <paramref name="service"/> does not hold.</summary>
    private static List<string> Unsupported(string text, StorageService? service, out int count)
    {
        var bad = new List<string>();
        count = 0;
        var rows = service == null ? new List<StorageVolumeType>() : StorageCatalog.All.Where(r => r.Service == service).ToList();
        var numbers = rows.SelectMany(Numbers).ToHashSet();
        var prices = rows.SelectMany(r => new[] { r.UsdPerGibMonth, r.UsdPerIopsMonth }).OfType<decimal>().ToHashSet();
        var percents = rows.Select(r => r.Durability).OfType<string>().SelectMany(d => d.Split('-')).Select(p => decimal.Parse(p.TrimEnd('%'), CultureInfo.InvariantCulture)).ToHashSet();
        foreach (var a in rows.Where(r => r.UsdPerGibMonth != null))
        {
            foreach (var b in rows.Where(r => r.UsdPerGibMonth < a.UsdPerGibMonth))
            {
                percents.Add((a.UsdPerGibMonth!.Value - b.UsdPerGibMonth!.Value) / a.UsdPerGibMonth.Value * 100);
            }
        }

        var sizes = Gib.Matches(text).Select(m => Parse(m.Groups["n"].Value)).ToList();
        var perGib = rows.Select(r => r.BaselineIopsPerGib).OfType<int>().ToList();
        foreach (Match m in Figure.Matches(text))
        {
            count++;
            bool ok;
            if (m.Groups["usd"].Success)
            {
                ok = prices.Contains(decimal.Parse(m.Groups["usd"].Value, CultureInfo.InvariantCulture));
            }
            else
            {
                var n = Parse(m.Groups["n"].Value);
                ok = m.Groups["unit"].Value switch
                {
                    "%" => percents.Contains(n),
                    "IOPS" => numbers.Contains(n) || perGib.Any(p => sizes.Contains(n / p) && n % p == 0),
                    _ => numbers.Contains(n),
                };
            }

            if (!ok)
            {
                bad.Add(m.Value.Trim());
            }
        }

        return bad;
    }

    private static IEnumerable<decimal> Numbers(StorageVolumeType r) =>
        new int?[] { r.IopsPriceTierMaxIops, r.BaselineIops, r.BaselineIopsPerGib, r.BaselineMibps, r.ThresholdGib, r.BaselineIopsFromThreshold, r.BaselineMibpsFromThreshold, r.MaxIops, r.MaxMibps, r.MaxSizeTib }
            .OfType<int>().Select(i => (decimal)i);

    private static decimal Parse(string text) => decimal.Parse(text.Replace(",", string.Empty), CultureInfo.InvariantCulture);

    private static StorageService? ServiceOfHeading(string heading)
    {
        var name = heading.Substring(4).TrimStart();
        if (name.StartsWith("EBS", StringComparison.Ordinal)) return StorageService.Ebs;
        if (name.StartsWith("RDS", StringComparison.Ordinal)) return StorageService.Rds;
        if (name.StartsWith("OpenSearch", StringComparison.Ordinal)) return StorageService.OpenSearch;
        return null;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("PerfLint.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
