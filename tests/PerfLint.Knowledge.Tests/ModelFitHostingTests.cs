using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.Tests;

/// <summary>PL1004 suggests only SageMaker hosting types (aws_service_instance_offerings.csv, use `hosting`).</summary>
public class ModelFitHostingTests
{
    [Test]
    public void A_model_too_large_for_every_hosting_type_gets_no_hyperpod_only_suggestion()
    {
        // 671B x 2 bytes = 1250 GiB, 1500 GiB with 20% headroom: only ml.p6-b300.48xlarge (8x B300) holds it, and it is
        // a HyperPod cluster type, not a hosting type.
        var finding = ModelFitRule.Evaluate(new ModelDeployment("deepseek-ai/DeepSeek-R1", "ml.p5.48xlarge", null))!;
        Assert.That(finding.Message, Is.EqualTo(
            "Model does not fit: 'deepseek-ai/DeepSeek-R1' has ~671B parameters (deepseek-ai/DeepSeek-R1@0cf7856:README.md (#Total Params 671B, #Activated 37B)) " +
            "x 2 bytes (fp16/bf16 (default)) = 1250 GiB of weights, 1500 GiB with 20% headroom for KV cache and runtime > 8 of 8x H100 on 'ml.p5.48xlarge' = 640 GiB; " +
            "choices: quantize to awq/gptq (4-bit) (375 GiB fits)"));
        Assert.That(finding.Replacement, Is.Null);
    }
}
