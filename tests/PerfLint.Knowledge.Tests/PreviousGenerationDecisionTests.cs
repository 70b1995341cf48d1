using PerfLint.Knowledge.Offerings;
using static PerfLint.Knowledge.Tests.TestNames;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.Tests;

/// <summary>
/// PL1001 decisions per service. Expected values are read from ../shared/data (aws_ec2_instance_types.csv,
/// aws_service_previous_generation.csv, aws_service_instance_offerings.csv, aws_instance_family_successors.csv).
/// </summary>
public class PreviousGenerationDecisionTests
{
    [TestCase("m4.large", RuleSeverity.Warning, "m8i.large")]         // CurrentGeneration=false; analyst m4 -> m8i
    [TestCase("c4.xlarge", RuleSeverity.Warning, "c8i.xlarge")]
    [TestCase("r4.2xlarge", RuleSeverity.Warning, "r8i.2xlarge")]
    [TestCase("d2.xlarge", RuleSeverity.Warning, "d3.xlarge")]        // d2 is previous generation (second pass)
    [TestCase("m5.large", RuleSeverity.Info, "m8i.large")]            // current; m8i is 3 generations newer
    [TestCase("g4dn.xlarge", RuleSeverity.Info, "g6.xlarge")]
    [TestCase("inf1.xlarge", RuleSeverity.Info, "inf2.xlarge")]       // current, superseded accelerator
    [TestCase("db.m3.large", RuleSeverity.Warning, "db.m8i.large")]   // RDS list (cfn-lint I3100)
    [TestCase("m4.large.search", RuleSeverity.Warning, "m8g.large.search")] // OpenSearch's own list
    [TestCase("cache.m3.large", RuleSeverity.Warning, "cache.m8g.large")] // ElastiCache's own list; it offers m8g, not m8i or m7a
    [TestCase("ml.c4.2xlarge", RuleSeverity.Info, "ml.c8g.2xlarge")]  // SageMaker publishes no list; it lists no ml.c8i or ml.c7a
    public void Severity_and_successor(string type, RuleSeverity severity, string? successor)
    {
        var finding = PreviousGenerationRule.Evaluate(type);
        Assert.That(finding, Is.Not.Null);
        Assert.That(finding!.Severity, Is.EqualTo(severity), finding.Message);
        Assert.That(finding.Replacement, Is.EqualTo(successor), finding.Message);
    }

    [TestCase("t2.micro")]      // EC2 lists t2 as current generation; t3 is one generation newer
    [TestCase("p3.2xlarge")]    // current generation; no same-size successor
    [TestCase("m7i.large")]
    [TestCase("m8g.large")]
    [TestCase("g6.xlarge")]
    [TestCase("inf2.xlarge")]
    [TestCase("ml.g6.xlarge")]
    public void Silent_on_current_families(string type) =>
        Assert.That(PreviousGenerationRule.Evaluate(type), Is.Null);

    [Test]
    public void Ec2_previous_generation_names_the_api_flag() =>
        Assert.That(PreviousGenerationRule.Evaluate("m4.large", RuleOptions.Default)!.Message, Is.EqualTo(
            "'m4.large' is previous generation for EC2 (EC2 DescribeInstanceTypes: CurrentGeneration=false); use 'm8i.large' " +
            "(2 vCPU, 8 GiB vs 2 vCPU, 8 GiB; $0.10584/h vs $0.1/h, EC2 On-Demand us-east-1, 2026-07-20; newer generations also do more work per vCPU) " +
            "[successor: analyst mapping: newest family of the same CPU line; offered by EC2 in 24 of 38 regions; region unknown: set perflint_region to check yours]"));

    [Test]
    public void ElastiCache_r4_is_current_for_elasticache_and_its_memory_is_elasticaches() =>
        Assert.That(PreviousGenerationRule.Evaluate("cache.r4.large")!.Message, Is.EqualTo(
            "'cache.r4.large' is superseded: a family 4 generations newer exists; use 'cache.r8g.large' " +
            "(2 vCPU vs 2 vCPU, 12.3 GiB; $0.11782/h vs $0.133/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher); newer generations also do more work per vCPU) " +
            "[successor: analyst mapping: newest family of the same CPU line; offered by ElastiCache in 34 of 38 regions; region unknown: set perflint_region to check yours]"));

    [Test]
    public void DocumentDb_gets_a_class_documentdb_offers_in_its_region()
    {
        var finding = PreviousGenerationRule.Evaluate("db.r4.large", new InstanceUse(OfferingService.DocumentDb, null, "us-east-1"))!;
        Assert.That(finding.Severity, Is.EqualTo(RuleSeverity.Info));
        Assert.That(finding.Message, Is.EqualTo(
            "'db.r4.large' is superseded: a family 4 generations newer exists; use 'db.r8g.large' " +
            "(2 vCPU, 16 GiB vs 2 vCPU, 15.25 GiB; $0.11782/h vs $0.133/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher); newer generations also do more work per vCPU) " +
            "[successor: analyst mapping: newest family of the same CPU line; offered by DocumentDB in us-east-1]"));
    }

    [Test]
    public void Rds_any_engine_may_get_an_intel_class_documentdb_does_not_offer()
    {
        // The same name under RDS: db.r8i is an RDS class, but DocumentDB offers only r4, r5, r6g, r6gd, r8g, t3, t4g.
        Assert.That(PreviousGenerationRule.Evaluate("db.r4.large")!.Replacement, Is.EqualTo("db.r8i.large"));
        Assert.That(ServiceOfferings.Offers(new InstanceUse(OfferingService.DocumentDb), Name("db.r8i.large")), Is.False);
    }

    [Test]
    public void I2_label_says_what_the_aws_table_names() =>
        Assert.That(PreviousGenerationRule.Evaluate("i2.xlarge")!.Message, Does.EndWith(
            "[successor: analyst mapping: newest family of the same CPU line; the AWS upgrade-paths table names i3; offered by EC2 in 32 of 38 regions; region unknown: set perflint_region to check yours]"));

    [Test]
    public void T1_follows_the_aws_table_and_says_so() =>
        Assert.That(PreviousGenerationRule.Evaluate("t1.micro")!.Message, Does.Contain("'t3.micro'").And.Contain("[successor: AWS upgrade-paths table;"));

    [Test]
    public void Aurora_is_never_told_to_use_an_m_class()
    {
        var aurora = new InstanceUse(OfferingService.Rds, InstanceUse.AuroraEngines, "us-east-1");
        // Aurora offers db.r*, db.t*, db.x2g and serverless only: no m successor, and db.m4 is on no RDS list.
        Assert.That(PreviousGenerationRule.Evaluate("db.m4.large", aurora), Is.Null);
        Assert.That(DatabaseFamilyRule.Evaluate("db.c6gd.large", aurora)!.Replacement, Does.StartWith("db.r"));
    }

    [Test]
    public void Sagemaker_endpoints_get_hosting_types_of_their_region()
    {
        // ml.t3.medium is a hosting type in two regions, not us-east-1 (aws_service_instance_offerings.csv).
        var gap1 = new RuleOptions(k => k == RuleOptions.MinGenerationGapKey ? "1" : null);
        var hosting = new InstanceUse(OfferingService.SageMaker, new[] { InstanceUse.Hosting }, "us-east-1");
        Assert.That(PreviousGenerationRule.Evaluate("ml.t2.medium", hosting, gap1)?.Replacement, Is.Not.EqualTo("ml.t3.medium"));
        Assert.That(ServiceOfferings.Offers(hosting, Name("ml.t3.medium")), Is.False);
        Assert.That(ServiceOfferings.Offers(new InstanceUse(OfferingService.SageMaker, new[] { InstanceUse.Hosting }), Name("ml.t3.medium")), Is.True);
        Assert.That(ServiceOfferings.Offers(hosting, Name("ml.p6-b300.48xlarge")), Is.False); // HyperPod only
    }

    [Test]
    public void Region_option_and_unknown_region()
    {
        var inEu = new RuleOptions(k => k == RuleOptions.RegionKey ? "EU-West-1" : null);
        Assert.That(PreviousGenerationRule.Evaluate("m4.large", inEu)!.Message, Does.EndWith("offered by EC2 in eu-west-1]"));
        var unknown = new RuleOptions(k => k == RuleOptions.RegionKey ? "mars-east-1" : null);
        Assert.That(PreviousGenerationRule.Evaluate("m4.large", unknown)!.Message, Does.EndWith("region 'mars-east-1' is not in PerfLint's data]"));
    }

    [Test]
    public void A_stack_region_wins_over_the_option()
    {
        var option = new RuleOptions(k => k == RuleOptions.RegionKey ? "eu-west-1" : null);
        var use = new InstanceUse(OfferingService.Ec2, null, "us-east-1");
        Assert.That(PreviousGenerationRule.Evaluate("m4.large", use, option)!.Message, Does.EndWith("offered by EC2 in us-east-1]"));
    }

    [Test]
    public void Allowed_families_option()
    {
        var options = new RuleOptions(k => k == "PL1001.allowed_families" ? "m4, t2" : null);
        Assert.That(PreviousGenerationRule.Evaluate("m4.large", options), Is.Null);
        Assert.That(PreviousGenerationRule.Evaluate("c4.large", options), Is.Not.Null);
    }

    [Test]
    public void Min_generation_gap_option_silences_info()
    {
        var options = new RuleOptions(k => k == RuleOptions.MinGenerationGapKey ? "4" : null);
        Assert.That(PreviousGenerationRule.Evaluate("m5.large", options), Is.Null);
        Assert.That(PreviousGenerationRule.Evaluate("m4.large", options)!.Severity, Is.EqualTo(RuleSeverity.Warning));
    }

    [Test]
    public void Unlisted_ml_types_are_judged_by_their_ec2_twin_but_never_suggested()
    {
        Assert.That(PerfLint.Knowledge.Catalog.InstanceCatalog.Find("ml.p3.2xlarge")!.Accelerator.Name, Is.EqualTo("V100"));
        Assert.That(PreviousGenerationRule.Evaluate("ml.p3.2xlarge"), Is.Null);
    }
}
