using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// `perflint check` quotes the user price file the analyzers read: perflint.prices.json beside --project, or the one
/// .editorconfig's perflint_prices_file names. Expected messages are written from the files below and the embedded data.
/// </summary>
[TestFixture]
public sealed class PriceFileTests
{
    private const string Template = """
        { "Resources": { "Web": { "Type": "AWS::EC2::Instance", "Properties": { "InstanceType": "c4.large" } } } }
        """;

    private const string Prices = """
        { "formatVersion": 1, "imported": "2026-12-01", "prices": [
          { "service": "AmazonEC2", "instanceType": "c4.large", "region": "us-east-1", "usdPerHour": 0.105 },
          { "service": "AmazonEC2", "instanceType": "c8i.large", "region": "us-east-1", "usdPerHour": 0.0893 } ] }
        """;

    private const string Why = "'c4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'c8i.large' (2 vCPU, 4 GiB vs 2 vCPU, 3.75 GiB; ";

    private const string Tail = "; newer generations also do more work per vCPU) [successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 23 of 38 regions; region unknown: set perflint_region to check yours]";

    private static string Message(string project, params string[] extra) =>
        CheckRun.Json(TemplateAssembly.Write(("Prices", Template)), new[] { "--project", project }.Concat(extra).ToArray()).FindingsOf("PL1001").Single().GetProperty("message").GetString()!;

    private static string Project(string editorConfigLines = "")
    {
        var dir = Paths.NewScratchDirectory("prices-project");
        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n\n[*.cs]\n" + editorConfigLines + "\n");
        return dir;
    }

    [Test]
    public void WithoutAPriceFileTheSnapshotIsQuoted() =>
        Assert.That(Message(Project()), Is.EqualTo(Why + "$0.09371/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20" + Tail));

    [Test]
    public void ThePriceFileBesideTheProjectIsQuoted()
    {
        var project = Project();
        File.WriteAllText(Path.Combine(project, "perflint.prices.json"), Prices);
        Assert.That(Message(project), Is.EqualTo(Why + "$0.0893/h vs $0.105/h, EC2 On-Demand us-east-1, 2026-12-01 (perflint.prices.json)" + Tail));
    }

    [Test]
    public void ThePriceFileNamedInEditorConfigIsQuoted()
    {
        var project = Project("perflint_prices_file = prices/aws.json");
        Directory.CreateDirectory(Path.Combine(project, "prices"));
        File.WriteAllText(Path.Combine(project, "prices", "aws.json"), Prices);
        Assert.That(Message(project), Is.EqualTo(Why + "$0.0893/h vs $0.105/h, EC2 On-Demand us-east-1, 2026-12-01 (aws.json)" + Tail));
    }

    [Test]
    public void ThePriceFileGivenWithPricesWinsOverTheOneBesideTheProject()
    {
        // The build passes $(PerfLintPricesFile) as --prices, so check quotes the file the analyzers quote.
        var project = Project();
        File.WriteAllText(Path.Combine(project, "perflint.prices.json"), Prices.Replace("0.105", "9").Replace("0.0893", "8"));
        var chosen = Path.Combine(Paths.NewScratchDirectory("prices-file"), "aws.json");
        File.WriteAllText(chosen, Prices);
        Assert.That(Message(project, "--prices", chosen), Is.EqualTo(Why + "$0.0893/h vs $0.105/h, EC2 On-Demand us-east-1, 2026-12-01 (aws.json)" + Tail));
    }

    [Test]
    public void ABadPriceFileIsIgnored()
    {
        var project = Project();
        File.WriteAllText(Path.Combine(project, "perflint.prices.json"), "{ \"prices\": ");
        Assert.That(Message(project), Is.EqualTo(Why + "$0.09371/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20" + Tail));
    }
}
