using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Pricing;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.Tests;

/// <summary>
/// The rules that compare prices (PL1001, PL1002, PL1004, PL1005) quote them with provenance and compare only figures
/// of one kind. Expected texts are written from the embedded data (snapshot 2026-07-20) and the price files below.
/// </summary>
public class PriceMessageTests
{
    private const string Floor = " EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)";

    private static PriceBook Book(params string[] rows) => PriceBook.TryParse(
        "{\"formatVersion\": 1, \"imported\": \"2026-12-01\", \"prices\": [" + string.Join(",", rows) + "]}", "perflint.prices.json")!;

    private static string Hosting(string type, double usd) =>
        "{\"service\": \"AmazonSageMaker\", \"use\": \"Hosting\", \"instanceType\": \"" + type + "\", \"region\": \"us-east-1\", \"usdPerHour\": " +
        usd.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";

    private static RuleOptions With(PriceBook book) => new RuleOptions(_ => null).WithPrices(book);

    [Test]
    public void PL1001_compares_the_successors_price_with_the_same_tables_price() =>
        Assert.That(PreviousGenerationRule.Evaluate("c4.large")!.Message, Is.EqualTo(
            "'c4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'c8i.large' " +
            "(2 vCPU, 4 GiB vs 2 vCPU, 3.75 GiB; $0.09371/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
            "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 23 of 38 regions; region unknown: set perflint_region to check yours]"));

    [Test]
    public void PL1002_compares_two_floors_of_one_service() =>
        Assert.That(DatabaseFamilyRule.Evaluate("db.c5.large")!.Message, Is.EqualTo(
            "'db.c5.large' is a compute-optimized family (2 vCPU, 4 GiB) for a memory-bound database or cache; 'db.r5.large' has 2 vCPU, 16 GiB " +
            "($0.126/h vs $0.085/h" + Floor + ")"));

    [Test]
    public void PL1005_compares_two_ec2_prices() =>
        Assert.That(GravitonRule.EvaluateInstance("m6i.large")!.Message, Is.EqualTo(
            "'m6i.large' runs on x86; the Graviton twin 'm6g.large' (2 vCPU, 8 GiB, $0.077/h vs $0.096/h, EC2 On-Demand us-east-1, 2026-07-20) " +
            "gives better price-performance if the software supports arm64"));

    [Test]
    public void PL1002_leaves_the_comparison_out_when_only_one_type_has_a_real_price()
    {
        var book = Book("{\"service\": \"AmazonRDS\", \"engine\": \"MySQL\", \"deployment\": \"Single-AZ\", \"instanceType\": \"db.c5.large\", \"region\": \"us-east-1\", \"usdPerHour\": 0.171}");
        Assert.That(DatabaseFamilyRule.Evaluate("db.c5.large", With(book))!.Message, Is.EqualTo(
            "'db.c5.large' is a compute-optimized family (2 vCPU, 4 GiB) for a memory-bound database or cache; 'db.r5.large' has 2 vCPU, 16 GiB"));
    }

    [Test]
    public void PL1004_over_provisioning_ranks_floors_without_a_price_file()
    {
        var finding = ModelFitRule.Evaluate(new ModelDeployment("distilbert-base-uncased", "ml.g5.12xlarge", null))!;
        Assert.Multiple(() =>
        {
            Assert.That(finding.Replacement, Is.EqualTo("ml.g6.xlarge"));
            Assert.That(finding.Message, Does.Contain("on 'ml.g5.12xlarge' ($5.672/h" + Floor + "); a smaller instance such as 'ml.g6.xlarge' (4 vCPU, 16 GiB, 1x L4 (22.35 GiB), $0.8048/h" + Floor + ") fits"));
        });
    }

    [Test]
    public void PL1004_over_provisioning_ranks_real_prices_against_real_prices_only()
    {
        var book = Book(Hosting("ml.g5.12xlarge", 7.09), Hosting("ml.g5.xlarge", 1.408));
        var finding = ModelFitRule.Evaluate(new ModelDeployment("distilbert-base-uncased", "ml.g5.12xlarge", null), With(book))!;
        Assert.Multiple(() =>
        {
            // ml.g6.xlarge's floor ($0.8048) is lower, but a floor is not ranked against real prices.
            Assert.That(finding.Replacement, Is.EqualTo("ml.g5.xlarge"));
            Assert.That(finding.Message, Does.Contain(
                "on 'ml.g5.12xlarge' ($7.09/h, SageMaker Hosting On-Demand us-east-1, 2026-12-01 (perflint.prices.json)); a smaller instance such as " +
                "'ml.g5.xlarge' (4 vCPU, 16 GiB, 1x A10G (22.35 GiB), $1.408/h, SageMaker Hosting On-Demand us-east-1, 2026-12-01 (perflint.prices.json)) fits"));
        });
    }

    [Test]
    public void PL1004_falls_back_to_floors_when_no_other_type_has_a_real_price()
    {
        var finding = ModelFitRule.Evaluate(new ModelDeployment("distilbert-base-uncased", "ml.g5.12xlarge", null), With(Book(Hosting("ml.g5.12xlarge", 7.09))))!;
        Assert.Multiple(() =>
        {
            Assert.That(finding.Replacement, Is.EqualTo("ml.g6.xlarge"));
            Assert.That(finding.Message, Does.Contain(
                "on 'ml.g5.12xlarge' ($7.09/h, SageMaker Hosting On-Demand us-east-1, 2026-12-01 (perflint.prices.json)); a smaller instance such as " +
                "'ml.g6.xlarge' (4 vCPU, 16 GiB, 1x L4 (22.35 GiB), $0.8048/h" + Floor + ") fits"));
        });
    }
}
