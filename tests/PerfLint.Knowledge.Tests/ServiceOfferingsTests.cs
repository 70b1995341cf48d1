using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;
using static PerfLint.Knowledge.Tests.TestNames;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.Tests;

/// <summary>Per-service facts: offerings per engine, use and region; ElastiCache memory; PL1002 and PL1005 per engine.</summary>
public class ServiceOfferingsTests
{
    private static readonly InstanceUse Postgres = new(OfferingService.Rds, new[] { "postgres" });

    [TestCase(OfferingService.DocumentDb, null, "db.r8g.large", true)]
    [TestCase(OfferingService.DocumentDb, null, "db.r7i.large", false)]    // DocumentDB: r4, r5, r6g, r6gd, r8g, t3, t4g
    [TestCase(OfferingService.Rds, "aurora-postgresql", "db.m7i.large", false)]
    [TestCase(OfferingService.Rds, "postgres", "db.m7i.large", true)]
    [TestCase(OfferingService.Rds, "sqlserver-web", "db.m6g.large", false)] // SQL Server has no Graviton classes
    [TestCase(OfferingService.Ec2, null, "m8i.large", true)]
    public void Offers_per_service_and_engine(OfferingService service, string? engine, string type, bool offered) =>
        Assert.That(ServiceOfferings.Offers(new InstanceUse(service, engine == null ? null : new[] { engine }), Name(type)), Is.EqualTo(offered));

    [Test]
    public void Region_counts_and_where()
    {
        Assert.That(ServiceOfferings.RegionCount(new InstanceUse(OfferingService.DocumentDb), Name("db.r8g.large")), Is.EqualTo(20));
        Assert.That(ServiceOfferings.Where(new InstanceUse(OfferingService.DocumentDb, null, "us-east-1"), Name("db.r8g.large")),
            Is.EqualTo("offered by DocumentDB in us-east-1"));
        Assert.That(Regions.Count, Is.EqualTo(38));
        Assert.That(Regions.IsKnown("eu-west-1"), Is.True);
        Assert.That(Regions.IsKnown("mars-east-1"), Is.False);
    }

    [Test]
    public void ElastiCache_nodes_have_elasticaches_memory()
    {
        Assert.That(InstanceCatalog.Find("cache.r6g.large")!.MemoryGiB, Is.EqualTo(13.07));
        Assert.That(InstanceCatalog.Find("r6g.large")!.MemoryGiB, Is.EqualTo(16));
        Assert.That(InstanceCatalog.Find("cache.r7g.large")!.MemoryGiB, Is.Null); // no row in the 2023 docs snapshot
    }

    [Test]
    public void Previous_generation_lists_are_per_service()
    {
        var r4 = InstanceCatalog.Find("r4.large")!;
        Assert.That(ServiceGenerations.PreviousGeneration(new InstanceUse(OfferingService.Ec2), r4)!.Source, Is.EqualTo("EC2 DescribeInstanceTypes: CurrentGeneration=false"));
        Assert.That(ServiceGenerations.PreviousGeneration(new InstanceUse(OfferingService.ElastiCache), InstanceCatalog.Find("cache.r4.large")!), Is.Null);
        Assert.That(ServiceGenerations.PreviousGeneration(new InstanceUse(OfferingService.OpenSearch), InstanceCatalog.Find("r4.large.search")!)!.Source,
            Is.EqualTo("OpenSearch Service developer guide, supported instance types"));
        Assert.That(ServiceGenerations.PreviousGeneration(new InstanceUse(OfferingService.ElastiCache), InstanceCatalog.Find("cache.t1.micro")!)!.Source,
            Is.EqualTo("ElastiCache API reference, CacheNodeType"));
        Assert.That(ServiceGenerations.PreviousGeneration(new InstanceUse(OfferingService.DocumentDb), InstanceCatalog.Find("db.r4.large")!), Is.Null);
        Assert.That(ServiceGenerations.PreviousGeneration(new InstanceUse(OfferingService.SageMaker), InstanceCatalog.Find("ml.m4.xlarge")!), Is.Null);
    }

    [Test]
    public void Graviton_twin_only_where_the_engine_offers_it()
    {
        Assert.That(GravitonRule.EvaluateInstance("db.m5.large", new InstanceUse(OfferingService.Rds, new[] { "sqlserver-web" })), Is.Null);
        Assert.That(GravitonRule.EvaluateInstance("db.m5.large", new InstanceUse(OfferingService.Rds, new[] { "sqlserver-ex" })), Is.Null);
        Assert.That(GravitonRule.EvaluateInstance("db.m5.large", Postgres)!.Replacement, Is.EqualTo("db.m6g.large"));
    }

    [TestCase("db.c5.large", "db.r5.large")]
    [TestCase("db.c6gd.xlarge", "db.r6gd.xlarge")]
    [TestCase("cache.c5.large", "cache.r5.large")]
    [TestCase("c4.large", "r8i.large")]
    public void PL1002_memory_optimized_twin(string type, string replacement) =>
        Assert.That(DatabaseFamilyRule.Evaluate(type)!.Replacement, Is.EqualTo(replacement));

    [Test]
    public void PL1002_cache_message_quotes_elasticache_memory() =>
        Assert.That(DatabaseFamilyRule.Evaluate("cache.c5.large")!.Message, Is.EqualTo(
            "'cache.c5.large' is a compute-optimized family (2 vCPU) for a memory-bound database or cache; 'cache.r5.large' has 2 vCPU, 13.07 GiB ($0.126/h vs $0.085/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))"));

    [TestCase("db.r6g.large")]
    [TestCase("db.m7g.large")]
    [TestCase("cache.c7gn.large")]
    public void PL1002_silent_for_suitable_families(string type) => Assert.That(DatabaseFamilyRule.Evaluate(type), Is.Null);
}
