using System.Text.Json;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Pricing;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Prices.Tests;

/// <summary>
/// `perflint prices import` on hand-written GetProducts outputs (Fixtures/, the exact AWS Price List format). Expected
/// rows and messages are written from the fixtures.
/// </summary>
public class ImportTests
{
    private static readonly string[] AllFixtures =
        { "sagemaker-us-east-1.json", "sagemaker-update.json", "rds.json", "elasticache.json", "opensearch.json", "ec2.json" };

    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("perflint-prices-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    private string Output => Path.Combine(_dir, "perflint.prices.json");

    private Task<CommandRun> Import(params string[] fixtures) =>
        CommandRun.RunAsync(new[] { "prices", "import" }.Concat(fixtures.Select(CommandRun.Fixture)).Concat(new[] { "--output", Output, "--date", "2026-12-05" }).ToArray());

    private static List<string> Rows(string json)
    {
        using var document = JsonDocument.Parse(json);
        string? Get(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.GetString() : "-";
        return document.RootElement.GetProperty("prices").EnumerateArray()
            .Select(e => string.Join("|", new[] { "service", "use", "engine", "deployment", "instanceType", "region", "usdPerHour", "effectiveDate", "source" }.Select(n => Get(e, n))))
            .ToList();
    }

    [Test]
    public async Task Imports_merges_and_skips_what_is_not_an_instance_hour()
    {
        var run = await Import(AllFixtures);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(run.Stdout, Is.EqualTo(
                $"perflint prices: 9 prices (AmazonEC2 1, AmazonES 1, AmazonElastiCache 2, AmazonRDS 2, AmazonSageMaker 3) from 6 file(s), imported 2026-12-05, written to {Output}\n" +
                "  1 duplicate price(s) merged (the latest effective date kept)\n" +
                "  skipped 1: AmazonRDS product is not an instance type PerfLint names\n" +
                "  skipped 4: EC2 product is not Linux, shared tenancy, no pre-installed software, capacity status Used\n" +
                "  skipped 1: SageMaker component Notebook is not an endpoint price\n" +
                "  skipped 1: SageMaker component Training is not an endpoint price\n"));
        });
        Assert.That(Rows(File.ReadAllText(Output)), Is.EqualTo(new[]
        {
            "AmazonEC2|-|-|-|m7i.large|us-east-1|0.1008|2026-11-01|ec2.json",
            "AmazonES|-|-|-|r6g.large.search|us-east-1|0.167|2026-11-01|opensearch.json",
            "AmazonElastiCache|-|Redis|-|cache.r6g.large|us-east-1|0.206|2026-11-01|elasticache.json",
            "AmazonElastiCache|-|Valkey|-|cache.r6g.large|us-east-1|0.1648|2026-11-01|elasticache.json",
            "AmazonRDS|-|PostgreSQL|Multi-AZ|db.r6g.large|us-east-1|0.45|2026-11-01|rds.json",
            "AmazonRDS|-|PostgreSQL|Single-AZ|db.r6g.large|us-east-1|0.225|2026-11-01|rds.json",
            "AmazonSageMaker|Hosting|-|-|ml.g5.12xlarge|us-east-1|7.09|2026-11-01|sagemaker-us-east-1.json",
            "AmazonSageMaker|Hosting|-|-|ml.g5.xlarge|eu-west-1|1.57|2026-11-01|sagemaker-update.json",
            "AmazonSageMaker|Hosting|-|-|ml.g5.xlarge|us-east-1|1.41|2026-12-01|sagemaker-update.json",
        }));
    }

    [Test]
    public async Task The_older_price_of_a_merged_pair_loses_whatever_the_order()
    {
        var run = await Import("sagemaker-update.json", "sagemaker-us-east-1.json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(Rows(File.ReadAllText(Output)), Does.Contain("AmazonSageMaker|Hosting|-|-|ml.g5.xlarge|us-east-1|1.41|2026-12-01|sagemaker-update.json"));
    }

    [Test]
    public async Task The_written_file_is_what_the_rules_quote()
    {
        Assert.That((await Import(AllFixtures)).ExitCode, Is.EqualTo(0));
        var options = RuleOptions.Default.WithPrices(PriceBook.TryParse(File.ReadAllText(Output), Output)!);
        string Quote(string type, string? region = null) =>
            Describe.Price(InstanceCatalog.Find(type)!, region == null ? options : new RuleOptions(k => k == RuleOptions.RegionKey ? region : null, options.Prices));
        Assert.Multiple(() =>
        {
            Assert.That(Quote("ml.g5.xlarge"), Is.EqualTo("$1.41/h, SageMaker Hosting On-Demand us-east-1, 2026-12-05 (perflint.prices.json)"));
            Assert.That(Quote("ml.g5.xlarge", "eu-west-1"), Is.EqualTo("$1.57/h, SageMaker Hosting On-Demand eu-west-1, 2026-12-05 (perflint.prices.json)"));
            Assert.That(Quote("db.r6g.large"), Is.EqualTo("$0.225/h, RDS PostgreSQL Single-AZ On-Demand us-east-1, 2026-12-05 (perflint.prices.json)"));
            Assert.That(Quote("cache.r6g.large"), Is.EqualTo("$0.1648/h, ElastiCache Valkey On-Demand us-east-1, 2026-12-05 (perflint.prices.json)"));
            Assert.That(Quote("r6g.large.search"), Is.EqualTo("$0.167/h, OpenSearch On-Demand us-east-1, 2026-12-05 (perflint.prices.json)"));
            Assert.That(Quote("m7i.large"), Is.EqualTo("$0.1008/h, EC2 On-Demand us-east-1, 2026-12-05 (perflint.prices.json)"));
        });
    }

    [Test]
    public async Task The_written_file_has_the_keys_its_schema_names()
    {
        Assert.That((await Import(AllFixtures)).ExitCode, Is.EqualTo(0));
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(PerfLint.Testing.RepositoryRoot.Path, "docs", "schemas", "prices.schema.json")));
        using var file = JsonDocument.Parse(File.ReadAllText(Output));
        var top = schema.RootElement;
        var row = top.GetProperty("$defs").GetProperty("price");
        static HashSet<string> Names(JsonElement schema) => schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        static IEnumerable<string> Required(JsonElement schema) => schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(file.RootElement.EnumerateObject().Select(p => p.Name), Is.SubsetOf(Names(top)));
            Assert.That(Required(top), Is.SubsetOf(file.RootElement.EnumerateObject().Select(p => p.Name)));
            foreach (var price in file.RootElement.GetProperty("prices").EnumerateArray())
            {
                Assert.That(price.EnumerateObject().Select(p => p.Name), Is.SubsetOf(Names(row)));
                Assert.That(Required(row), Is.SubsetOf(price.EnumerateObject().Select(p => p.Name)));
            }
        });
    }

    [TestCase("not json at all", "perflint prices: bad.json: not JSON")]
    [TestCase("{\"FormatVersion\": \"aws_v1\"}", "perflint prices: bad.json: not a Price List GetProducts result (an object with a PriceList array)")]
    [TestCase("{\"PriceList\": [\"{not json\"]}", "perflint prices: bad.json: a PriceList entry is not JSON")]
    [TestCase("{\"PriceList\": [42]}", "perflint prices: bad.json: a PriceList entry is neither a JSON string nor an object")]
    public async Task Bad_input_exits_2_and_writes_nothing(string content, string message)
    {
        var bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, content);
        var run = await CommandRun.RunAsync("prices", "import", bad, "--output", Output);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Does.StartWith(message));
            Assert.That(File.Exists(Output), Is.False);
        });
    }

    // Messages of the command-line library (followed by the generated help), and of the import itself.
    [TestCase(new string[0], "perflint prices: Required command was not provided.")]
    [TestCase(new[] { "export" }, "perflint prices: Required command was not provided.\nperflint prices: Unrecognized command or argument 'export'.\n")]
    [TestCase(new[] { "import" }, "perflint prices import: Required argument 'getproducts.json' missing for command: 'import'.\n\n")]
    [TestCase(new[] { "import", "missing.json" }, "perflint prices: missing.json: file not found")]
    [TestCase(new[] { "import", "x.json", "--date", "5 Dec" }, "perflint prices: --date '5 Dec' is not YYYY-MM-DD")]
    [TestCase(new[] { "import", "x.json", "--output" }, "perflint prices import: Required argument missing for option: '--output'.\n")]
    public async Task Bad_usage_exits_2(string[] args, string message)
    {
        var run = await CommandRun.RunAsync(new[] { "prices" }.Concat(args).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Stderr, Does.StartWith(message));
        });
    }
}
