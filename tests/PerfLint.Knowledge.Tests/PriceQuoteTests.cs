using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Pricing;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.Tests;

/// <summary>
/// Price figures always carry their provenance; figures of different kinds are never compared. Expected texts are
/// written from Data/instance-types.csv, Data/sagemaker-types.csv (snapshot 2026-07-20) and the price files below.
/// </summary>
public class PriceQuoteTests
{
    // A user price file as `perflint prices import` writes it (docs/schemas/prices.schema.json).
    private const string UserFile = """
        {
          "$schema": "https://perflint.dev/schemas/prices.schema.json",
          "formatVersion": 1,
          "imported": "2026-12-01",
          "prices": [
            { "service": "AmazonSageMaker", "use": "Hosting", "instanceType": "ml.g5.xlarge", "region": "us-east-1", "usdPerHour": 1.408, "effectiveDate": "2026-11-01", "source": "sagemaker.json" },
            { "service": "AmazonSageMaker", "use": "Hosting", "instanceType": "ml.g5.12xlarge", "region": "us-east-1", "usdPerHour": 7.09, "effectiveDate": "2026-11-01", "source": "sagemaker.json" },
            { "service": "AmazonSageMaker", "use": "Training", "instanceType": "ml.g5.2xlarge", "region": "us-east-1", "usdPerHour": 1.515, "source": "sagemaker.json" },
            { "service": "AmazonSageMaker", "use": "Hosting", "instanceType": "ml.g5.xlarge", "region": "eu-west-1", "usdPerHour": 1.57, "source": "sagemaker.json" },
            { "service": "AmazonRDS", "engine": "PostgreSQL", "deployment": "Multi-AZ", "instanceType": "db.r6g.large", "region": "us-east-1", "usdPerHour": 0.45, "source": "rds.json" },
            { "service": "AmazonRDS", "engine": "Oracle", "deployment": "Single-AZ", "instanceType": "db.r6g.large", "region": "us-east-1", "usdPerHour": 0.48, "source": "rds.json" },
            { "service": "AmazonRDS", "engine": "PostgreSQL", "deployment": "Single-AZ", "instanceType": "db.r6g.large", "region": "us-east-1", "usdPerHour": 0.225, "source": "rds.json" },
            { "service": "AmazonEC2", "instanceType": "ml.g5.4xlarge", "region": "us-east-1", "usdPerHour": 0.5, "source": "wrong-service.json" },
            { "service": "AmazonEC2", "instanceType": "m7i.large", "region": "us-east-1", "usdPerHour": 0, "source": "zero.json" }
          ]
        }
        """;

    private static readonly PriceBook Book = PriceBook.TryParse(UserFile, "/home/me/app/perflint.prices.json")!;

    private static InstanceTypeInfo Type(string name) => InstanceCatalog.Find(name) ?? throw new AssertionException(name + " not in the catalog");

    private static RuleOptions Options(string? region = null, PriceBook? prices = null) =>
        new(k => k == RuleOptions.RegionKey ? region : null, prices);

    [Test]
    public void Ec2PriceNamesTheSnapshotRegionAndDate() =>
        Assert.That(Describe.Price(Type("m7i.large")), Is.EqualTo("$0.1008/h, EC2 On-Demand us-east-1, 2026-07-20"));

    [Test]
    public void AnotherServicesTypeIsLabelledAsTheEc2FloorOfItsHardware()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Describe.Price(Type("ml.g5.xlarge")), Is.EqualTo("$1.006/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)"));
            Assert.That(Describe.Price(Type("db.r5.large")), Is.EqualTo("$0.126/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)"));
            Assert.That(Describe.Price(Type("cache.m5.large")), Is.EqualTo("$0.096/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)"));
        });
    }

    [Test]
    public void UserFilePriceCarriesItsKindRegionImportDateAndFileName() =>
        Assert.That(Describe.Price(Type("ml.g5.xlarge"), Options(prices: Book)),
            Is.EqualTo("$1.408/h, SageMaker Hosting On-Demand us-east-1, 2026-12-01 (perflint.prices.json)"));

    [Test]
    public void UserFilePriceOfTheAskedRegion() =>
        Assert.That(Describe.Price(Type("ml.g5.xlarge"), Options("EU-West-1 ", Book)),
            Is.EqualTo("$1.57/h, SageMaker Hosting On-Demand eu-west-1, 2026-12-01 (perflint.prices.json)"));

    [Test]
    public void OtherRegionFallsBackToTheUsEast1SnapshotAndSaysSo()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Describe.Price(Type("m7i.large"), Options("eu-west-1")), Is.EqualTo("$0.1008/h, EC2 On-Demand us-east-1, 2026-07-20"));
            // The user file has ml.g5.12xlarge for us-east-1 only.
            Assert.That(Describe.Price(Type("ml.g5.12xlarge"), Options("eu-west-1", Book)),
                Is.EqualTo("$5.672/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)"));
        });
    }

    [Test]
    public void UnknownPriceNamesTheAskedRegion()
    {
        // c7g-flex has no us-east-1 price in the snapshot.
        Assert.Multiple(() =>
        {
            Assert.That(Describe.Price(Type("c7g-flex.2xlarge")), Is.EqualTo("price unknown"));
            Assert.That(Describe.Price(Type("c7g-flex.2xlarge"), Options("eu-west-1")), Is.EqualTo("price unknown in eu-west-1"));
        });
    }

    [Test]
    public void RowsThatAreNotAnEndpointPriceOrNotOfTheTypesServiceAreIgnored()
    {
        Assert.Multiple(() =>
        {
            // Training is not an endpoint price; an AmazonEC2 row cannot price an ml.* type; a zero price is no price.
            Assert.That(Describe.Price(Type("ml.g5.2xlarge"), Options(prices: Book)), Is.EqualTo("$1.212/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)"));
            Assert.That(Describe.Price(Type("ml.g5.4xlarge"), Options(prices: Book)), Is.EqualTo("$1.624/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)"));
            Assert.That(Describe.Price(Type("m7i.large"), Options(prices: Book)), Is.EqualTo("$0.1008/h, EC2 On-Demand us-east-1, 2026-07-20"));
            Assert.That(Book.Count, Is.EqualTo(4));
        });
    }

    [Test]
    public void SeveralRdsRowsQuoteTheSingleAzRowWithTheLowestPriceAndNameItsEngine() =>
        Assert.That(Describe.Price(Type("db.r6g.large"), Options(prices: Book)),
            Is.EqualTo("$0.225/h, RDS PostgreSQL Single-AZ On-Demand us-east-1, 2026-12-01 (perflint.prices.json)"));

    [Test]
    public void AnRdsRowNeverPricesDocumentDbOrNeptune()
    {
        // DocumentDB and Neptune take db.* names but have their own price lists (AmazonDocDB, AmazonNeptune).
        var docdb = Options(prices: Book).For(new PerfLint.Knowledge.Offerings.InstanceUse(PerfLint.Knowledge.Offerings.OfferingService.DocumentDb));
        Assert.That(Describe.Price(Type("db.r6g.large"), docdb),
            Is.EqualTo("$0.1008/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher)"));
    }

    [Test]
    public void ComparisonOfTwoPricesOfOneKindNamesTheirProvenanceOnce()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Describe.PriceComparison(Type("m7i.large"), Type("m4.large"), null),
                Is.EqualTo("$0.1008/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20"));
            Assert.That(Describe.PriceComparison(Type("db.r5.large"), Type("db.c5.large"), null, " (", ")"),
                Is.EqualTo(" ($0.126/h vs $0.085/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))"));
            Assert.That(Describe.PriceComparison(Type("ml.g5.xlarge"), Type("ml.g5.12xlarge"), Options(prices: Book)),
                Is.EqualTo("$1.408/h vs $7.09/h, SageMaker Hosting On-Demand us-east-1, 2026-12-01 (perflint.prices.json)"));
        });
    }

    [Test]
    public void FloorIsNeverComparedWithARealPriceNorAcrossServices()
    {
        Assert.Multiple(() =>
        {
            // ml.g5.2xlarge has only its EC2 floor; ml.g5.xlarge has a real SageMaker price in the user file.
            Assert.That(Describe.PriceComparison(Type("ml.g5.2xlarge"), Type("ml.g5.xlarge"), Options(prices: Book), "; "), Is.Empty);
            // Both floors, but of different services.
            Assert.That(Describe.PriceComparison(Type("ml.m5.large"), Type("db.m5.large"), null), Is.Empty);
            // An EC2 price and a floor of the same hardware.
            Assert.That(Describe.PriceComparison(Type("m5.large"), Type("db.m5.large"), null), Is.Empty);
            // Unknown prices.
            Assert.That(Describe.PriceComparison(Type("c7g-flex.2xlarge"), Type("c7g.2xlarge"), null), Is.Empty);
        });
    }

    [Test]
    public void RegionOptionIsTrimmedAndLowerCase()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Options(" EU-West-1 ").Region, Is.EqualTo("eu-west-1"));
            Assert.That(Options("  ").Region, Is.Null);
            Assert.That(RuleOptions.Default.Region, Is.Null);
            Assert.That(RuleOptions.Default.Prices, Is.SameAs(PriceBook.Embedded));
            Assert.That(RuleOptions.Default.WithPrices(Book).Prices, Is.SameAs(Book));
        });
    }

    [TestCase("")]
    [TestCase("{")]
    [TestCase("[]")]
    [TestCase("{\"formatVersion\": 2, \"imported\": \"2026-12-01\", \"prices\": []}")]
    [TestCase("{\"formatVersion\": 1, \"imported\": \"yesterday\", \"prices\": []}")]
    [TestCase("{\"formatVersion\": 1, \"imported\": \"2026-12-01\", \"prices\": [{\"usdPerHour\": \"cheap\"}]}")]
    [TestCase("{\"formatVersion\": 1, \"imported\": \"2026-12-01\"}")]
    public void NotAPriceFileIsIgnoredWithoutThrowing(string text) =>
        Assert.That(PriceBook.TryParse(text, "perflint.prices.json"), Is.Null);
}
