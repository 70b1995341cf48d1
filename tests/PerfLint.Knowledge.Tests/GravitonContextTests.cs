using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Cdk;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.Tests;

/// <summary>The context PL1005 depends on: Lambda runtimes' architectures and the CDK's own functions.</summary>
public class GravitonContextTests
{
    // From the Lambda developer guide's runtime tables (Data/SOURCES.md): Amazon Linux runtimes are x86_64 only.
    [TestCase("python3.7", false)]
    [TestCase("java8", false)]
    [TestCase("go1.x", false)]
    [TestCase("provided", false)]
    [TestCase("nodejs10.x", false)]
    [TestCase("dotnet5.0", false)]
    [TestCase("python3.6", false)]
    [TestCase("python3.8", true)]
    [TestCase("java8.al2", true)]
    [TestCase("nodejs12.x", true)]
    [TestCase("dotnetcore3.1", true)]
    [TestCase("ruby2.7", true)]
    [TestCase("provided.al2", true)]
    [TestCase("python3.11", true)]
    public void Runtime_arm64_support(string runtime, bool arm64) => Assert.That(LambdaRuntimes.SupportsArm64(runtime), Is.EqualTo(arm64));

    [TestCase("python3.12")]
    [TestCase("FROM_IMAGE")]
    [TestCase(null)]
    public void Runtimes_outside_the_table_are_unknown(string? runtime) => Assert.That(LambdaRuntimes.SupportsArm64(runtime), Is.Null);

    [TestCase("PYTHON_3_7", "python3.7")]
    [TestCase("JAVA_8_CORRETTO", "java8.al2")]
    [TestCase("DOTNET_CORE_3_1", "dotnetcore3.1")]
    [TestCase("GO_1_X", "go1.x")]
    [TestCase("NODEJS_LATEST", null)]
    public void Cdk_runtime_members(string member, string? identifier) => Assert.That(LambdaRuntimes.IdentifierOfCdkMember(member), Is.EqualTo(identifier));

    [Test]
    public void Lambda_on_a_runtime_without_arm64_is_not_reported()
    {
        Assert.That(GravitonRule.EvaluateLambdaArchitecture(null, "python3.7"), Is.Null);
        Assert.That(GravitonRule.EvaluateLambdaArchitecture("x86_64", "go1.x"), Is.Null);
        Assert.That(GravitonRule.EvaluateLambdaArchitecture(null, "python3.12")?.Message, Is.EqualTo(
            "Lambda function runs on x86_64; arm64 (Graviton) is priced about 20% lower per GB-second and is often faster, if its dependencies support arm64"));
    }

    [Test]
    public void Instance_next_to_a_fixed_image_has_no_replacement()
    {
        var finding = GravitonRule.WithMachineImageChange(GravitonRule.EvaluateInstance("t3.micro")!);
        Assert.That(finding.Message, Is.EqualTo(
            "'t3.micro' runs on x86; the Graviton twin 't4g.micro' (2 vCPU, 1 GiB, $0.0084/h vs $0.0104/h, EC2 On-Demand us-east-1, 2026-07-20) gives better price-performance if the software supports arm64; the machine image must change to an arm64 image too"));
        Assert.That(finding.Replacement, Is.Null);
    }

    // Paths and logical ids as Amazon.CDK.Lib 2.160.0 synthesizes them (tests/PerfLint.Check.Tests/Apps/CdkProviders).
    [TestCase("ProvidersStack/Custom::VpcRestrictDefaultSGCustomResourceProvider/Handler", "CustomVpcRestrictDefaultSGCustomResourceProviderHandlerDC833E5E")]
    [TestCase("ProvidersStack/Custom::S3AutoDeleteObjectsCustomResourceProvider/Handler", "CustomS3AutoDeleteObjectsCustomResourceProviderHandler9D90184F")]
    [TestCase("ProvidersStack/AWS679f53fac002430cb0da5b7982bd2287", "AWS679f53fac002430cb0da5b7982bd22872D164C4C")]
    [TestCase("ProvidersStack/Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C", "CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C81C01536")]
    [TestCase("ProvidersStack/LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a", "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8aFD4BFC8A")]
    [TestCase("ProvidersStack/BucketNotificationsHandler050a0587b7544547bf325f094a3db834", "BucketNotificationsHandler050a0587b7544547bf325f094a3db8347ECC3691")]
    [TestCase("ProvidersStack/Seeder/framework-onEvent", "SeederframeworkonEvent9859286A")]
    [TestCase("Stack/CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiBAB12CD34", "CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiBAB12CD34")]
    public void Cdk_created_functions(string path, string logicalId) => Assert.That(CdkInternalFunctions.IsCdkInternal(path, logicalId), Is.True);

    [TestCase("ProvidersStack/Api", "ApiF70053CD")]
    [TestCase("ProvidersStack/SeedHandler", "SeedHandler1BFDD5E3")]
    [TestCase("ProvidersStack/Custom/Handler", "CustomHandler12345678")]
    [TestCase(null, null)]
    public void User_functions(string? path, string? logicalId) => Assert.That(CdkInternalFunctions.IsCdkInternal(path, logicalId), Is.False);
}
