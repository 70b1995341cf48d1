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

    // sagemaker-types.csv: ml.inf2.xlarge has one AWS Inferentia2 device and no GPU; ml.m5.xlarge has no accelerator.
    [TestCase("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310", "ml.inf2.xlarge",
        "Container image '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310' is a CPU image on 'ml.inf2.xlarge' (AWS Inferentia2): the Neuron devices stay idle; use a Neuron (neuronx) image or a CPU instance")]
    [TestCase("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310-cu118", "ml.inf2.xlarge",
        "Container image '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310-cu118' is a CUDA/GPU image on 'ml.inf2.xlarge' (AWS Inferentia2): CUDA cannot use Neuron devices; use a Neuron (neuronx) image or a GPU instance")]
    [TestCase("763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.28.0-neuronx-sdk2.18.2", "ml.m5.xlarge",
        "Container image '763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.28.0-neuronx-sdk2.18.2' is an AWS Neuron image on 'ml.m5.xlarge', which has no Inferentia or Trainium device; use an inf2/trn1 instance or a CPU image")]
    [TestCase("nvcr.io/nvidia/tritonserver:24.01-py3", "ml.m5.xlarge",
        "Container image 'nvcr.io/nvidia/tritonserver:24.01-py3' is a CUDA/GPU image on 'ml.m5.xlarge', which has no GPU: it fails or falls back to slow CPU kernels; use a GPU instance (g6, g5, p5) or a CPU image")]
    public void PL1003_message_is_a_warning_with_the_exact_text(string image, string type, string message)
    {
        var finding = AcceleratorImageRule.Evaluate(image, type)!;
        Assert.That((finding.RuleId, finding.Severity, finding.Message), Is.EqualTo((RuleIds.ImageAcceleratorMismatch, RuleSeverity.Warning, message)));
    }

    [Test]
    public void PL1004_70b_does_not_fit_one_a10g_and_suggests_choices()
    {
        var finding = ModelFitRule.Evaluate(new ModelDeployment("meta-llama/Llama-2-70b-chat-hf", "ml.g5.2xlarge", null))!;
        Assert.That(finding.Severity, Is.EqualTo(RuleSeverity.Warning));
        // 70e9 x 2 B = 130.4 GiB, x 1.2 = 156.5 GiB; 4-bit 32.6 x 1.2 = 39.12 GiB; cheapest NVIDIA type with 156.5 GiB.
        Assert.That(finding.Message, Is.EqualTo(
            "Model does not fit: 'meta-llama/Llama-2-70b-chat-hf' has ~70B parameters (meta-llama/llama-models@a9c89c4:models/llama2/MODEL_CARD.md) x 2 bytes " +
            "(fp16/bf16 (default)) = 130 GiB of weights, 156 GiB with 20% headroom for KV cache and runtime > 1 of 1x A10G on 'ml.g5.2xlarge' = 22.35 GiB; " +
            "choices: even 4-bit quantization (39.12 GiB) does not fit; a larger instance such as 'ml.g7e.12xlarge' (48 vCPU, 512 GiB, 2x RTX PRO 6000 Server (192 GiB), $8.28608/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))"));
        Assert.That(finding.Replacement, Is.EqualTo("ml.g7e.12xlarge"));
    }

    [Test]
    public void PL1004_unknown_size_is_info_naming_the_option()
    {
        var finding = ModelFitRule.Evaluate(new ModelDeployment("acme/ranker", "ml.g5.xlarge", null))!;
        Assert.That(finding.Severity, Is.EqualTo(RuleSeverity.Info));
        Assert.That(finding.Message, Is.EqualTo(
            "Model size unknown: 'acme/ranker' is not in PerfLint's model table and its name states no size; " +
            "set PL1004.model_parameters = acme/ranker:<billions> to check that it fits 1x A10G (22.35 GiB) on 'ml.g5.xlarge'"));
        Assert.That(finding.Replacement, Is.Null);
        // Only where it would judge: no accelerator, no model id.
        Assert.That(ModelFitRule.Evaluate(new ModelDeployment("acme/ranker", "ml.m5.xlarge", null)), Is.Null);
        Assert.That(ModelFitRule.Evaluate(new ModelDeployment(null, "ml.g5.xlarge", null)), Is.Null);
        // A model artifact's location names a file, not a model: nothing to state a size for.
        Assert.That(ModelFitRule.Evaluate(new ModelDeployment("s3://shop-models/recommendations/model.tar.gz", "ml.g5.xlarge", null)), Is.Null);
    }

    [Test]
    public void PL1004_unknown_size_counts_the_gpus_the_server_uses()
    {
        // 89.41 GiB / 4 x 2 = 44.705 GiB
        var env = new Dictionary<string, string> { ["HF_MODEL_ID"] = "acme/ranker", ["SM_NUM_GPUS"] = "2" };
        Assert.That(ModelFitRule.Evaluate(new ModelDeployment(null, "ml.g5.12xlarge", env))!.Message, Does.EndWith("fits 2x A10G (44.71 GiB) on 'ml.g5.12xlarge'"));
    }

    [Test]
    public void PL1004_stated_size_is_judged_and_named()
    {
        var options = new RuleOptions(k => k == RuleOptions.ModelParametersKey ? "acme/private-llm:13" : null);
        var finding = ModelFitRule.Evaluate(new ModelDeployment("acme/private-llm", "ml.g5.2xlarge", null), options)!;
        // 13e9 x 2 B = 24.21 GiB, x 1.2 = 29.06 GiB > 22.35; fp8 12.11 x 1.2 = 14.53 GiB fits.
        Assert.That(finding.Message, Is.EqualTo(
            "Model does not fit: 'acme/private-llm' has ~13B parameters (stated in PL1004.model_parameters) x 2 bytes (fp16/bf16 (default)) = 24.21 GiB of weights, " +
            "29.06 GiB with 20% headroom for KV cache and runtime > 1 of 1x A10G on 'ml.g5.2xlarge' = 22.35 GiB; choices: quantize to fp8/int8 (14.53 GiB fits); " +
            "a larger instance such as 'ml.g6e.xlarge' (4 vCPU, 32 GiB, 1x L40S (44.7 GiB), $1.861/h EC2 price of the same hardware (us-east-1, 2026-07-20; the service's own price is higher))"));
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

    // instance-types.csv: p5.48xlarge 192 vCPU, 2048 GiB, 8x H100 of 80 GiB; hpc7g.16xlarge 64 vCPU, 128 GiB, no accelerator.
    [TestCase("p5.48xlarge", 2, "Up to 2 'p5.48xlarge' instances (192 vCPU, 2048 GiB, 8x H100 (640 GiB)) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'")]
    [TestCase("hpc7g.16xlarge", 4, "Up to 4 'hpc7g.16xlarge' instances (64 vCPU, 128 GiB) run without a cluster placement group: collective operations between them cross the wider AZ network; add a placement group with strategy 'cluster'")]
    public void PL2002_message_is_an_info_with_the_exact_text(string type, int count, string message)
    {
        var finding = PlacementRule.Evaluate(type, count, false)!;
        Assert.That((finding.RuleId, finding.Severity, finding.Message), Is.EqualTo((RuleIds.FleetWithoutClusterPlacementGroup, RuleSeverity.Info, message)));
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
    public void PL5002_and_PL5003_messages_are_warnings_with_the_exact_text()
    {
        // 70 invocations per instance is the target of the SageMaker developer guide's target-tracking example.
        var example = ScalingRule.TargetValue(70, "SageMakerVariantInvocationsPerInstance")!;
        Assert.That((example.RuleId, example.Severity, example.Message), Is.EqualTo((RuleIds.ScalingTargetIsDocumentationExample, RuleSeverity.Warning,
            "Scaling target value 70 for SageMakerVariantInvocationsPerInstance is the AWS documentation's example, not a load-tested figure; measure the maximum invocations per instance at your latency budget (perflint bench) and set the target to about half of it")));
        var pinned = ScalingRule.Capacity(2, 2)!;
        Assert.That((pinned.RuleId, pinned.Severity, pinned.Message), Is.EqualTo((RuleIds.ScalingCannotScale, RuleSeverity.Warning,
            "MinCapacity equals MaxCapacity (2): the scaling policy can never change the capacity; raise MaxCapacity to what a load test says peak traffic needs")));
    }

    [Test]
    public void PL5001_message_is_an_info_with_the_exact_text()
    {
        var finding = ScalingRule.EndpointWithoutAutoScaling("llm");
        Assert.That((finding.RuleId, finding.Severity, finding.Message), Is.EqualTo((RuleIds.EndpointWithoutAutoScaling, RuleSeverity.Info,
            "SageMaker endpoint 'llm' has no auto-scaling (no scalable target for its variant): it runs a fixed instance count; register a scalable target and a target-tracking policy sized from a load test (perflint bench)")));
    }

    [Test]
    public void PL2001_PL2003_PL3001_messages_with_the_exact_text_and_severity()
    {
        var crossAz = ConnectivityRules.CrossAz("App", "us-east-1b", "Orders", "us-east-1a");
        Assert.That((crossAz.RuleId, crossAz.Severity, crossAz.Message), Is.EqualTo((RuleIds.CrossAzChattyResources, RuleSeverity.Info,
            "'App' (us-east-1b) and 'Orders' (us-east-1a) are connected but pinned to different Availability Zones: every request crosses AZs (added round-trip latency, and traffic between AZs can incur data transfer charges); place them in the same AZ or let the chatty side follow the other")));
        var website = ConnectivityRules.WebsiteBucketWithoutCloudFront("Site");
        Assert.That((website.RuleId, website.Severity, website.Message), Is.EqualTo((RuleIds.WebsiteBucketWithoutCloudFront, RuleSeverity.Info,
            "S3 website bucket 'Site' is served to users with no CloudFront distribution in front: every request goes to one region over HTTP; put a CloudFront distribution (S3 origin with origin access control) in front for edge caching and HTTPS")));
        var proxy = ConnectivityRules.LambdaWithoutRdsProxy("Api", "Orders");
        Assert.That((proxy.RuleId, proxy.Severity, proxy.Message), Is.EqualTo((RuleIds.LambdaToRdsWithoutProxy, RuleSeverity.Warning,
            "Lambda function 'Api' connects straight to 'Orders' without RDS Proxy: each concurrent execution opens its own connection, and bursts exhaust max_connections; connect through an RDS Proxy (DatabaseProxy) to pool connections")));
    }

    [Test]
    public void Every_rule_has_metadata_and_a_help_link()
    {
        Assert.That(RuleCatalog.All.Select(r => r.Id), Is.Unique);
        Assert.That(RuleCatalog.All, Has.Count.EqualTo(23));
        foreach (var rule in RuleCatalog.All)
        {
            Assert.That(rule.HelpUri, Does.EndWith("docs/rules/" + rule.Id + ".md"));
        }
    }
}
