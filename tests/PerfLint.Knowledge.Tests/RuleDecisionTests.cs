using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.Tests;

public class RuleDecisionTests
{
    [TestCase("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310", "ml.g5.xlarge", true)]
    [TestCase("763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.1.1-tgi2.0.0-gpu-py310-cu121-ubuntu22.04", "ml.m5.xlarge", true)]
    [TestCase("763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.28.0-neuronx-sdk2.18.2", "ml.g5.2xlarge", true)]
    [TestCase("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310-cu118", "ml.inf2.xlarge", true)]
    [TestCase("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310-cu118", "ml.g5.xlarge", false)]
    [TestCase("763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.28.0-neuronx-sdk2.18.2", "ml.inf2.xlarge", false)]
    [TestCase("my-registry/my-model:latest", "ml.g5.xlarge", false)]
    [TestCase("acme/film-climate-sentiment:1", "ml.m5.xlarge", false)]
    [TestCase("acme/cucumber-service:3", "ml.m5.xlarge", false)]
    [TestCase("nvcr.io/nvidia/tritonserver:24.01-py3", "ml.m5.xlarge", true)]
    public void PL1003_image_and_accelerator(string image, string type, bool reported) =>
        Assert.That(AcceleratorImageRule.Evaluate(image, type) != null, Is.EqualTo(reported));

    [Test]
    public void PL1004_70b_does_not_fit_one_a10g_and_suggests_choices()
    {
        var finding = ModelFitRule.Evaluate(new ModelDeployment("meta-llama/Llama-2-70b-chat-hf", "ml.g5.2xlarge", null))!;
        Assert.That(finding.Severity, Is.EqualTo(RuleSeverity.Warning));
        Assert.That(finding.Message, Does.Contain("69B").And.Contain("22.35 GiB").And.Contain("4-bit quantization"));
        Assert.That(finding.Replacement, Does.StartWith("ml."));
    }

    [Test]
    public void PL1004_quantization_makes_it_fit()
    {
        var env = new Dictionary<string, string> { ["HF_MODEL_ID"] = "mistralai/Mistral-7B-Instruct-v0.2", ["HF_MODEL_QUANTIZE"] = "awq" };
        Assert.That(ModelFitRule.Evaluate(new ModelDeployment(null, "ml.g5.xlarge", env)), Is.Null);
        env.Remove("HF_MODEL_QUANTIZE");
        env["OPTION_DTYPE"] = "fp32";
        Assert.That(ModelFitRule.Evaluate(new ModelDeployment(null, "ml.g5.xlarge", env))!.Severity, Is.EqualTo(RuleSeverity.Warning));
    }

    [Test]
    public void PL1004_sm_num_gpus_limits_the_memory_used()
    {
        var env = new Dictionary<string, string> { ["HF_MODEL_ID"] = "tiiuae/falcon-40b", ["SM_NUM_GPUS"] = "1" };
        Assert.That(ModelFitRule.Evaluate(new ModelDeployment(null, "ml.g5.12xlarge", env))!.Message, Does.Contain("shard over all 4"));
        env["SM_NUM_GPUS"] = "4";
        Assert.That(ModelFitRule.Evaluate(new ModelDeployment(null, "ml.g5.12xlarge", env)), Is.Null);
    }

    [Test]
    public void PL1004_over_provisioning_is_info()
    {
        var finding = ModelFitRule.Evaluate(new ModelDeployment("distilbert-base-uncased", "ml.p4d.24xlarge", null))!;
        Assert.That(finding.Severity, Is.EqualTo(RuleSeverity.Info), finding.Message);
        var off = new RuleOptions(k => k == RuleOptions.OverProvisionRatioKey ? "0" : null);
        Assert.That(ModelFitRule.Evaluate(new ModelDeployment("distilbert-base-uncased", "ml.p4d.24xlarge", null), off), Is.Null);
    }

    [TestCase("mistralai/Mixtral-8x7B-Instruct-v0.1", 46.7)]
    [TestCase("s3://bucket/models/acme-13b-v2/", 13)]
    [TestCase("org/custom-8x3b", 24)]
    [TestCase("org/tiny-350m", 0.35)]
    public void Model_sizes(string id, double billions) =>
        Assert.That(ModelCatalog.Estimate(id)!.ParametersBillions, Is.EqualTo(billions).Within(1e-6));

    [Test]
    public void Model_without_size_is_unknown() => Assert.That(ModelCatalog.Estimate("org/my-classifier"), Is.Null);

    // An Availability Zone's "1b" is not a billion parameters (Local Zones and GovCloud included).
    [TestCase("us-east-1b")]
    [TestCase("us-gov-west-1a")]
    [TestCase("ap-southeast-2c")]
    [TestCase("us-west-2-lax-1a")]
    public void Availability_zone_is_not_a_model(string zone) => Assert.That(ModelCatalog.Estimate(zone), Is.Null);

    [TestCase("eu-west/mini-1b")]
    [TestCase("meta-llama/Llama-3.2-1B")]
    public void Names_that_only_resemble_a_zone_keep_their_size(string id) => Assert.That(ModelCatalog.Estimate(id), Is.Not.Null);

    [TestCase("m6i.large", "m6g.large")]
    [TestCase("t3.micro", "t4g.micro")]
    public void PL1005_graviton_twin(string type, string twin) =>
        Assert.That(GravitonRule.EvaluateInstance(type)!.Replacement, Is.EqualTo(twin));

    [TestCase("m7g.large")]
    [TestCase("c7i.large")]
    public void PL1005_silent_for_arm_or_non_general_purpose(string type) =>
        Assert.That(GravitonRule.EvaluateInstance(type), Is.Null);

    [Test]
    public void PL1005_lambda_architecture()
    {
        Assert.That(GravitonRule.EvaluateLambdaArchitecture(null), Is.Not.Null);
        Assert.That(GravitonRule.EvaluateLambdaArchitecture("arm64"), Is.Null);
    }

    [TestCase("gp2", RuleIds.Gp2Volume, "gp3")]
    [TestCase("io1", RuleIds.Io1Volume, "io2")]
    public void PL4001_PL4002(string volume, string id, string replacement)
    {
        var f = VolumeTypeRule.Evaluate(volume)!;
        Assert.That((f.RuleId, f.Replacement), Is.EqualTo((id, replacement)));
        Assert.That(VolumeTypeRule.Evaluate("gp3"), Is.Null);
    }

    [Test]
    public void PL2002_fleet()
    {
        Assert.That(PlacementRule.Evaluate("p5.48xlarge", 2, false), Is.Not.Null);
        Assert.That(PlacementRule.Evaluate("p5.48xlarge", 2, true), Is.Null);
        Assert.That(PlacementRule.Evaluate("p5.48xlarge", 1, false), Is.Null);
        Assert.That(PlacementRule.Evaluate("m7i.large", 10, false), Is.Null);
        Assert.That(PlacementRule.Evaluate("hpc7g.16xlarge", 4, false), Is.Not.Null);
    }

    [Test]
    public void PL5002_and_PL5003()
    {
        Assert.That(ScalingRule.TargetValue(70, "SageMakerVariantInvocationsPerInstance"), Is.Not.Null);
        Assert.That(ScalingRule.TargetValue(183, null), Is.Null);
        Assert.That(ScalingRule.TargetValue(183, null, new RuleOptions(k => k == RuleOptions.ExampleValuesKey ? "70, 183" : null)), Is.Not.Null);
        Assert.That(ScalingRule.Capacity(2, 2), Is.Not.Null);
        Assert.That(ScalingRule.Capacity(1, 4), Is.Null);
    }

    [Test]
    public void Every_rule_has_metadata_and_a_help_link()
    {
        Assert.That(RuleCatalog.All.Select(r => r.Id), Is.Unique);
        Assert.That(RuleCatalog.All, Has.Count.EqualTo(14));
        foreach (var rule in RuleCatalog.All)
        {
            Assert.That(rule.HelpUri, Does.EndWith("docs/rules/" + rule.Id + ".md"));
        }
    }
}
