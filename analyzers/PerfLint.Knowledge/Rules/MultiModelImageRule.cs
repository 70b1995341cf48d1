using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Images;
using PerfLint.Knowledge.Inference;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL5007: a multi-model endpoint (<c>Mode = MultiModel</c>) on a GPU instance whose container is a known image
    /// that is not the SageMaker Triton image: GPU multi-model endpoints are served only through Triton. An image
    /// whose name says nothing PerfLint knows (a private repository) is not judged.
    /// </summary>
    public static class MultiModelImageRule
    {
        public static RuleFinding? Evaluate(string? image, string? instanceType)
        {
            var info = InstanceCatalog.Find(instanceType);
            if (info == null || !info.Accelerator.Kind.IsGpu() || SageMakerLimits.IsTritonImage(image) ||
                ContainerImageClassifier.Classify(image) == ContainerImageKind.Unknown)
            {
                return null;
            }

            return new RuleFinding(RuleIds.MultiModelEndpointWithoutTriton, RuleSeverity.Warning,
                "Multi-model endpoint (Mode = MultiModel) on GPU instance '" + info.Name + "' (" + Describe.Hardware(info) + ") with image '" + image +
                "': GPU multi-model endpoints are served only by the SageMaker Triton Inference Server image (ECR repository '" +
                string.Join("', '", SageMakerLimits.TritonRepositories) + "'); use that image, a CPU instance, or one endpoint per model");
        }
    }
}
