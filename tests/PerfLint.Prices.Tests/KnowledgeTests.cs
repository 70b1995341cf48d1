namespace PerfLint.Prices.Tests;

/// <summary>
/// `perflint knowledge`: catalog dates, sources and counts (written from Data/*.csv and Data/SOURCES.md), and the user
/// price file in force.
/// </summary>
public class KnowledgeTests
{
    private const string ValidFile = "{\"formatVersion\": 1, \"imported\": \"2026-12-01\", \"prices\": [" +
        "{\"service\": \"AmazonSageMaker\", \"use\": \"Hosting\", \"instanceType\": \"ml.g5.xlarge\", \"region\": \"us-east-1\", \"usdPerHour\": 1.408}," +
        "{\"service\": \"AmazonEC2\", \"instanceType\": \"m7i.large\", \"region\": \"us-east-1\", \"usdPerHour\": 0.1008}]}";

    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("perflint-knowledge-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Prints_the_catalog_dates_sources_and_counts()
    {
        var run = await CommandRun.RunAsync("knowledge");
        var lines = run.Stdout.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(lines, Does.Contain("  EC2 instance types: 1417 (1367 with a us-east-1 price)"));
            Assert.That(lines, Does.Contain("  SageMaker ml.* types: 344 (hosting, processing, transform, HyperPod); prices: the EC2 price of the same hardware, a floor (no public SageMaker price table)"));
            Assert.That(lines, Does.Contain("  price snapshot: us-east-1 On-Demand Linux, 2026-07-20 (Karpenter's generated us-east-1 On-Demand Linux price table (AWS Pricing API))"));
            // Offerings per service: the row counts of ../shared/data/aws_service_instance_offerings.csv per (service, engine or use).
            Assert.That(lines, Does.Contain("    EC2: 1405 types"));
            Assert.That(lines, Does.Contain("    DocumentDB: 38 types"));
            Assert.That(lines, Does.Contain("    RDS Multi-AZ DB clusters: mysql 102, postgres 102"));
            Assert.That(lines, Does.Contain("    SageMaker: hosting 291, hyperpod_cluster 203, processing 128, transform 111"));
            Assert.That(lines, Does.Contain("  model table: 95 models by exact hub id (Data/model-parameters.csv), 8 single-size families (Data/model-families.csv)"));
            Assert.That(lines, Does.Contain("  data files (Gathered 2026-11-29, revised 2026-12-05):"));
            Assert.That(lines.Any(l => l.StartsWith("    instance-types.csv, 1417 rows: 1,417 EC2 types", StringComparison.Ordinal)), run.Stdout);
            Assert.That(lines.Any(l => l.StartsWith("    service-offerings.csv, 4753 rows: 4,753 (service, RDS engine or SageMaker use, type) offerings", StringComparison.Ordinal)), run.Stdout);
            Assert.That(lines.Any(l => l.StartsWith("    model-parameters.csv, 95 rows: 95 open models by exact Hugging Face hub id", StringComparison.Ordinal)), run.Stdout);
            Assert.That(lines, Does.Contain("  user price file: none (the embedded snapshot is in force)"));
        });
    }

    [Test]
    public async Task Names_the_price_file_beside_the_project()
    {
        File.WriteAllText(Path.Combine(_dir, "perflint.prices.json"), ValidFile);
        var run = await CommandRun.RunAsync("knowledge", "--project", _dir);
        Assert.That(run.Stdout.Split('\n'), Does.Contain(
            $"  user price file: {Path.Combine(_dir, "perflint.prices.json")} (imported 2026-12-01; 2 prices in force: AmazonEC2 1, AmazonSageMaker 1)"));
    }

    [Test]
    public async Task Names_the_price_file_of_the_editorconfig_setting()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "prices"));
        File.WriteAllText(Path.Combine(_dir, "prices", "aws.json"), ValidFile);
        File.WriteAllText(Path.Combine(_dir, ".editorconfig"), "root = true\n\n[*.cs]\nperflint_prices_file = prices/aws.json\n");
        var run = await CommandRun.RunAsync("knowledge", "--project", _dir);
        Assert.That(run.Stdout.Split('\n'), Does.Contain(
            $"  user price file: {Path.Combine(_dir, "prices", "aws.json")} (imported 2026-12-01; 2 prices in force: AmazonEC2 1, AmazonSageMaker 1)"));
    }

    [Test]
    public async Task Says_when_a_named_price_file_is_ignored()
    {
        var bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, "{\"formatVersion\": 1}");
        var badRun = await CommandRun.RunAsync("knowledge", "--prices", bad);
        var missingRun = await CommandRun.RunAsync("knowledge", "--prices", Path.Combine(_dir, "missing.json"));
        Assert.Multiple(() =>
        {
            Assert.That(badRun.Stdout.Split('\n'), Does.Contain($"  user price file: {bad}: not a PerfLint price file (ignored); the embedded snapshot is in force"));
            Assert.That(missingRun.Stdout.Split('\n'), Does.Contain($"  user price file: {Path.Combine(_dir, "missing.json")}: not found (ignored); the embedded snapshot is in force"));
        });
    }

    [Test]
    public async Task Bad_usage_exits_2()
    {
        var unknown = await CommandRun.RunAsync("knowledge", "--verbose");
        var noProject = await CommandRun.RunAsync("knowledge", "--project", Path.Combine(_dir, "nope"));
        Assert.Multiple(() =>
        {
            Assert.That(unknown.ExitCode, Is.EqualTo(2));
            Assert.That(unknown.Stderr, Does.StartWith("perflint knowledge: Unrecognized command or argument '--verbose'.\n"));
            Assert.That(noProject.ExitCode, Is.EqualTo(2));
            Assert.That(noProject.Stderr, Does.StartWith($"perflint knowledge: {Path.Combine(_dir, "nope")}: --project directory not found"));
        });
    }

    [Test]
    public async Task The_runner_lists_both_verbs()
    {
        var run = await CommandRun.RunAsync("--help");
        Assert.That(run.Stdout.Split('\n').Select(l => l.TrimEnd()), Does.Contain("  prices                    Write the user price file both front ends prefer to the embedded snapshot.")
            .And.Some.StartsWith("  knowledge                 Show what the knowledge base holds"));
    }
}
