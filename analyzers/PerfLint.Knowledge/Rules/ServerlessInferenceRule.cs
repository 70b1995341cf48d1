using PerfLint.Knowledge.Images;
using PerfLint.Knowledge.Inference;
using PerfLint.Knowledge.Models;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL5006: a serverless variant that cannot work as written: a GPU image (serverless inference has no GPUs), a
    /// <c>ProvisionedConcurrency</c> above <c>MaxConcurrency</c>, or model weights larger than <c>MemorySizeInMB</c>
    /// (sizes from <see cref="ModelCatalog"/>, as PL1004). Figures from <see cref="SageMakerLimits"/>.
    /// </summary>
    public static class ServerlessInferenceRule
    {
        public static RuleFinding? EvaluateImage(string? image)
        {
            // Only GPUs are named unsupported by the source; a Neuron image is not judged.
            return ContainerImageClassifier.Classify(image) != ContainerImageKind.Gpu
                ? null
                : Warning("Container image '" + image + "' is a CUDA/GPU image on a serverless endpoint, and serverless inference has no GPUs; use a CPU image, or an instance-based endpoint on a GPU instance");
        }

        public static RuleFinding? EvaluateConcurrency(double provisioned, double max)
        {
            return provisioned <= max
                ? null
                : Warning("ProvisionedConcurrency = " + Describe.Number(provisioned) + " is above MaxConcurrency = " + Describe.Number(max) +
                          ": SageMaker requires ProvisionedConcurrency <= MaxConcurrency (at most " + Describe.Number(SageMakerLimits.ServerlessMaxConcurrency) +
                          "); lower ProvisionedConcurrency or raise MaxConcurrency");
        }

        /// <param name="memoryMb">The variant's <c>MemorySizeInMB</c>.</param>
        public static RuleFinding? EvaluateModelSize(ModelDeployment deployment, double memoryMb, RuleOptions? options = null)
        {
            options ??= RuleOptions.Default;
            var size = ModelCatalog.Estimate(deployment.ModelId, options.ModelParameters);
            if (size == null || memoryMb <= 0)
            {
                return null;
            }

            var (bytes, why) = deployment.BytesPerParameter;
            var weights = ModelFitRule.WeightsGiB(size.ParametersBillions, bytes);
            var memory = memoryMb / 1024;
            if (weights <= memory)
            {
                return null;
            }

            var max = SageMakerLimits.ServerlessMemoryMaxMb;
            var way = weights > max / 1024
                ? "serverless memory ends at " + Describe.Number(max) + " MB: serve it on an instance-based endpoint"
                : "raise MemorySizeInMB (up to " + Describe.Number(max) + " MB), or serve it on an instance-based endpoint";
            return Warning("Model does not fit serverless memory: '" + size.ModelId + "' has ~" + Describe.Number(size.ParametersBillions) + "B parameters (" + size.Source + ") x " +
                           Describe.Number(bytes) + " bytes (" + why + ") = " + Describe.Number(weights) + " GiB of weights > MemorySizeInMB = " + Describe.Number(memoryMb) +
                           " (" + Describe.Number(memory) + " GiB); " + way);
        }

        private static RuleFinding Warning(string message) => new RuleFinding(RuleIds.ServerlessInferenceCannotWork, RuleSeverity.Warning, message);
    }
}
