using System.Text.Json;
using PerfLint.Check.Tests.Infrastructure;

namespace PerfLint.Check.Tests;

/// <summary>
/// PL5005, PL5006 and PL5007 (Apps/WholeApp/InferenceModesStack.cs, synthesized for real): the whole-app rules of
/// Knowledge judge the template with no check code of their own. Messages are written by hand from
/// Data/sagemaker-limits.csv and Data/sagemaker-types.csv.
/// </summary>
[TestFixture]
public sealed class InferenceModeFindingsTests
{
    private const string Async = "; use asynchronous inference (AsyncInferenceConfig: requests up to 1 GB, processing up to 3600 s)";
    private const string GpuImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310-cu118-ubuntu20.04-sagemaker";

    private static CheckRun.Result? _result;

    private static CheckRun.Result Result => _result ??= CheckRun.Json(
        Synth.Run(Paths.WholeAppAssembly, "inferencemodes", new Dictionary<string, string> { ["WHOLEAPP_STACK"] = "InferenceModesStack" }),
        "--project", Paths.WholeAppSources, "--editorconfig", CheckRun.EditorConfig());

    [Test]
    public void RealTimeModelServerBeyondLimitsIsReportedOnTheModel()
    {
        var findings = Result.FindingsOf("PL5005").ToList();
        Assert.That(findings.Select(f => f.GetProperty("constructPath").GetString()).Distinct(), Is.EqualTo(new[] { "InferenceModesStack/RankerModel" }), Result.Summary);
        Assert.That(findings.Select(f => f.GetProperty("message").GetString()), Is.EquivalentTo(new[]
        {
            "SAGEMAKER_MODEL_SERVER_TIMEOUT = 300 s on a real-time endpoint, but a real-time invocation ends after 60 s: the caller gets an error while the worker keeps running" + Async,
            "TS_MAX_REQUEST_SIZE = 104857600 bytes (100 MB) on a real-time endpoint, but a real-time request carries at most 6 MB: larger ones are refused before they reach the container" + Async,
        }));
    }

    [Test]
    public void ServerlessVariantThatCannotWorkIsReported()
    {
        var messages = Result.FindingsOf("PL5006").Select(f => f.GetProperty("message").GetString()).ToList();
        Assert.That(messages, Is.EquivalentTo(new[]
        {
            "ProvisionedConcurrency = 50 is above MaxConcurrency = 20: SageMaker requires ProvisionedConcurrency <= MaxConcurrency (at most 200); lower ProvisionedConcurrency or raise MaxConcurrency",
            "Container image '" + GpuImage + "' is a CUDA/GPU image on a serverless endpoint, and serverless inference has no GPUs; use a CPU image, or an instance-based endpoint on a GPU instance",
        }), Result.Summary);
    }

    [Test]
    public void GpuMultiModelEndpointWithoutTritonIsReported()
    {
        var finding = Result.FindingsOf("PL5007").Single();
        Assert.That(finding.GetProperty("message").GetString(), Is.EqualTo(
            "Multi-model endpoint (Mode = MultiModel) on GPU instance 'ml.g5.xlarge' (4 vCPU, 16 GiB, 1x A10G (22.35 GiB)) with image '" + GpuImage +
            "': GPU multi-model endpoints are served only by the SageMaker Triton Inference Server image (ECR repository 'sagemaker-tritonserver'); use that image, a CPU instance, or one endpoint per model"));
        Assert.That(finding.GetProperty("constructPath").GetString(), Is.EqualTo("InferenceModesStack/TenantConfig"));
    }
}
