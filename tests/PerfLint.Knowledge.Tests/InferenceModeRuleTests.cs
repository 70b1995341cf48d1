using System.Text.RegularExpressions;
using PerfLint.Knowledge.Inference;
using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Rules;
using PerfLint.Testing;

namespace PerfLint.Knowledge.Tests;

/// <summary>
/// PL5005, PL5006 and PL5007 decisions at their edges. Expected messages are written by hand from
/// Data/sagemaker-limits.csv (real-time 60 s and 6 MB = 6,291,456 bytes; asynchronous 1 GB and 3600 s; serverless
/// MaxConcurrency up to 200, memory up to 6144 MB; Triton repository sagemaker-tritonserver).
/// </summary>
public class InferenceModeRuleTests
{
    private const string Async = "; use asynchronous inference (AsyncInferenceConfig: requests up to 1 GB, processing up to 3600 s)";

    private static ServerSetting Setting(string name) => SageMakerLimits.Settings.Single(s => s.Name == name);

    [Test]
    public void Every_row_of_the_limits_file_names_its_source_and_date()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "analyzers", "PerfLint.Knowledge", "Data", "sagemaker-limits.csv"));
        Assert.That(lines[0], Is.EqualTo("kind,name,value,unit,meaning,source,checked"));
        Assert.That(lines.Skip(1).Where(l => !Regex.IsMatch(l, @",""(?:[^""]|""""){20,}"",\d{4}-\d{2}-\d{2}$")), Is.Empty, "each row ends with a quoted source and the date it was read");
    }

    [Test]
    public void Timeout_of_sixty_seconds_is_silent_and_sixty_one_is_a_warning()
    {
        Assert.That(RealTimeLimitRule.Evaluate(Setting("TS_DEFAULT_RESPONSE_TIMEOUT"), 60), Is.Null);
        var finding = RealTimeLimitRule.Evaluate(Setting("TS_DEFAULT_RESPONSE_TIMEOUT"), 61);
        Assert.That(finding!.Severity, Is.EqualTo(RuleSeverity.Warning));
        Assert.That(finding.RuleId, Is.EqualTo("PL5005"));
        Assert.That(finding.Message, Is.EqualTo(
            "TS_DEFAULT_RESPONSE_TIMEOUT = 61 s on a real-time endpoint, but a real-time invocation ends after 60 s: the caller gets an error while the worker keeps running" + Async));
    }

    [Test]
    public void Six_megabytes_exactly_is_silent_one_byte_more_is_a_warning()
    {
        Assert.That(RealTimeLimitRule.Evaluate(Setting("MMS_MAX_REQUEST_SIZE"), 6291456), Is.Null);
        Assert.That(RealTimeLimitRule.Evaluate(Setting("MMS_MAX_REQUEST_SIZE"), 6291457)?.RuleId, Is.EqualTo("PL5005"));
    }

    [Test]
    public void TorchServes_default_is_no_choice_but_the_same_size_for_mms_is()
    {
        Assert.That(RealTimeLimitRule.Evaluate(Setting("TS_MAX_REQUEST_SIZE"), 6553500), Is.Null);
        Assert.That(RealTimeLimitRule.Evaluate(Setting("MMS_MAX_REQUEST_SIZE"), 6553500)!.Message, Is.EqualTo(
            "MMS_MAX_REQUEST_SIZE = 6553500 bytes (6.25 MB) on a real-time endpoint, but a real-time request carries at most 6 MB: larger ones are refused before they reach the container" + Async));
    }

    [TestCase("785573368785.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tritonserver:24.03-py3", true)]
    [TestCase("763104351884.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-tritonserver@sha256:0123", true)]
    [TestCase("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310", false)]
    [TestCase("nvcr.io/nvidia/tritonserver:24.03-py3", false)]
    [TestCase("123456789012.dkr.ecr.us-east-1.amazonaws.com/my-sagemaker-tritonserver-fork:1", false)]
    public void Triton_is_recognised_by_its_ecr_repository_only(string image, bool triton) =>
        Assert.That(SageMakerLimits.IsTritonImage(image), Is.EqualTo(triton));

    [Test]
    public void Multi_model_on_gpu_is_judged_only_for_known_non_triton_images()
    {
        Assert.That(MultiModelImageRule.Evaluate("785573368785.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tritonserver:24.03-py3", "ml.g5.xlarge"), Is.Null);
        Assert.That(MultiModelImageRule.Evaluate("123456789012.dkr.ecr.us-east-1.amazonaws.com/scorer:1", "ml.g5.xlarge"), Is.Null, "an unknown image is never guessed");
        Assert.That(MultiModelImageRule.Evaluate("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310", "ml.c7i.xlarge"), Is.Null, "CPU instances take any multi-model image");
        Assert.That(MultiModelImageRule.Evaluate("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310", "ml.g5.xlarge")?.RuleId, Is.EqualTo("PL5007"));
    }

    [Test]
    public void Serverless_concurrency_equal_is_silent_above_is_a_warning()
    {
        Assert.That(ServerlessInferenceRule.EvaluateConcurrency(10, 10), Is.Null);
        Assert.That(ServerlessInferenceRule.EvaluateConcurrency(11, 10)!.Message, Is.EqualTo(
            "ProvisionedConcurrency = 11 is above MaxConcurrency = 10: SageMaker requires ProvisionedConcurrency <= MaxConcurrency (at most 200); lower ProvisionedConcurrency or raise MaxConcurrency"));
    }

    [Test]
    public void Serverless_model_size_counts_quantization_and_ignores_unknown_models()
    {
        // meta-llama/Meta-Llama-3-8B: 8B x 0.5 bytes (awq) = 3.73 GiB, fits 4096 MB; unquantized 14.9 GiB does not.
        var quantized = new ModelDeployment(null, null, new Dictionary<string, string> { ["HF_MODEL_ID"] = "meta-llama/Meta-Llama-3-8B", ["HF_MODEL_QUANTIZE"] = "awq" });
        Assert.That(ServerlessInferenceRule.EvaluateModelSize(quantized, 4096), Is.Null);
        var full = new ModelDeployment(null, null, new Dictionary<string, string> { ["HF_MODEL_ID"] = "meta-llama/Meta-Llama-3-8B" });
        Assert.That(ServerlessInferenceRule.EvaluateModelSize(full, 4096)?.RuleId, Is.EqualTo("PL5006"));
        var unknown = new ModelDeployment(null, null, new Dictionary<string, string> { ["HF_MODEL_ID"] = "acme/private-scorer" });
        Assert.That(ServerlessInferenceRule.EvaluateModelSize(unknown, 1024), Is.Null);
    }

    [Test]
    public void Gpu_images_are_reported_on_serverless_neuron_and_cpu_images_are_not()
    {
        Assert.That(ServerlessInferenceRule.EvaluateImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310")?.RuleId, Is.EqualTo("PL5006"));
        Assert.That(ServerlessInferenceRule.EvaluateImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference-neuronx:1.13.1-neuronx-py310"), Is.Null);
        Assert.That(ServerlessInferenceRule.EvaluateImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-cpu-py310"), Is.Null);
    }
}
