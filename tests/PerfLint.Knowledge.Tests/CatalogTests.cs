using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Cdk;

namespace PerfLint.Knowledge.Tests;

public class CatalogTests
{
    [TestCase("m5.large", InstanceService.Ec2, "m5", "large")]
    [TestCase("db.r5.large", InstanceService.Rds, "r5", "large")]
    [TestCase("cache.m6g.xlarge", InstanceService.ElastiCache, "m6g", "xlarge")]
    [TestCase("r6g.large.search", InstanceService.OpenSearch, "r6g", "large")]
    [TestCase("ml.g5.xlarge", InstanceService.SageMaker, "g5", "xlarge")]
    [TestCase("M7I-FLEX.2XLARGE", InstanceService.Ec2, "m7i-flex", "2xlarge")]
    public void Parses_service_family_and_size(string text, InstanceService service, string family, string size)
    {
        Assert.That(InstanceTypeName.TryParse(text, out var name), Is.True);
        Assert.That((name.Service, name.Family, name.Size), Is.EqualTo((service, family, size)));
    }

    [TestCase("")]
    [TestCase("m5")]
    [TestCase("m5.")]
    [TestCase(".large")]
    [TestCase("m5.large.extra")]
    [TestCase("${Token[TOKEN.123]}")]
    public void Rejects_non_instance_type_text(string text) =>
        Assert.That(InstanceTypeName.TryParse(text, out _), Is.False);

    [Test]
    public void Finds_ec2_hardware_and_price()
    {
        var info = InstanceCatalog.Find("g5.xlarge")!;
        Assert.That(info.Accelerator.Kind, Is.EqualTo(AcceleratorKind.NvidiaGpu));
        Assert.That(info.Accelerator.Name, Is.EqualTo("A10G"));
        Assert.That(info.Accelerator.TotalMemoryGiB, Is.EqualTo(22.35).Within(0.01));
        Assert.That(info.VCpus, Is.EqualTo(4));
        Assert.That(info.OnDemandUsdPerHour, Is.EqualTo(1.006).Within(1e-9));
        Assert.That(info.PriceIsEc2Floor, Is.False);
    }

    [Test]
    public void SageMaker_types_carry_the_ec2_price_as_a_floor()
    {
        var info = InstanceCatalog.Find("ml.p4d.24xlarge")!;
        Assert.That(info.Accelerator.Count, Is.EqualTo(8));
        Assert.That(info.Accelerator.TotalMemoryGiB, Is.EqualTo(320));
        Assert.That(info.PriceIsEc2Floor, Is.True);
        Assert.That(info.OnDemandUsdPerHour, Is.GreaterThan(20));
    }

    [Test]
    public void Neuron_devices_have_their_memory()
    {
        var info = InstanceCatalog.Find("ml.inf2.xlarge")!;
        Assert.That(info.Accelerator.Kind, Is.EqualTo(AcceleratorKind.Inferentia2));
        Assert.That(info.Accelerator.TotalMemoryGiB, Is.EqualTo(32));
    }

    [Test]
    public void Rds_name_resolves_to_ec2_hardware()
    {
        var info = InstanceCatalog.Find("db.r6g.large")!;
        Assert.That(info.Service, Is.EqualTo(InstanceService.Rds));
        Assert.That(info.MemoryGiB, Is.EqualTo(16));
        Assert.That(info.Name.ToString(), Is.EqualTo("db.r6g.large"));
    }

    [Test]
    public void Unknown_types_are_null() => Assert.That(InstanceCatalog.Find("zz9.large"), Is.Null);

    [TestCase("STANDARD4", "m4")]
    [TestCase("MEMORY6_GRAVITON", "r6g")]
    [TestCase("BURSTABLE2", "t2")]
    [TestCase("M5", "m5")]
    [TestCase("INFERENCE2", "inf2")]
    public void InstanceClass_members_and_aliases_map_to_families(string member, string family) =>
        Assert.That(CdkInstanceClass.FamilyOf(member), Is.EqualTo(family));

    [Test]
    public void Concrete_member_for_family() => Assert.That(CdkInstanceClass.MemberFor("m7i"), Is.EqualTo("M7I"));

    [TestCase("XLARGE2", "2xlarge")]
    [TestCase("LARGE", "large")]
    [TestCase("XLARGE24", "24xlarge")]
    public void InstanceSize_members_map_to_sizes(string member, string size)
    {
        Assert.That(CdkInstanceSize.SizeOf(member), Is.EqualTo(size));
        Assert.That(CdkInstanceSize.MemberFor(size), Is.EqualTo(member));
    }

    [TestCase("m6idn", "m", 6, "idn", "")]
    [TestCase("c7i-flex", "c", 7, "i", "-flex")]
    [TestCase("inf2", "inf", 2, "", "")]
    [TestCase("u7i-6tb", "u", 7, "i", "-6tb")]
    public void Family_names_split_into_parts(string family, string line, int gen, string attrs, string variant)
    {
        var parts = FamilyName.Parse(family)!;
        Assert.That((parts.Line, parts.Generation, parts.Attributes, parts.Variant), Is.EqualTo((line, gen, attrs, variant)));
    }
}
