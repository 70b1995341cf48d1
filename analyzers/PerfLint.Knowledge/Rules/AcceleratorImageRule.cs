using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Images;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>PL1003: the model container image is built for other hardware than the instance has.</summary>
    public static class AcceleratorImageRule
    {
        public static RuleFinding? Evaluate(string? image, string? instanceType)
        {
            var kind = ContainerImageClassifier.Classify(image);
            var info = InstanceCatalog.Find(instanceType);
            if (kind == ContainerImageKind.Unknown || info == null)
            {
                return null;
            }

            var accelerator = info.Accelerator.Kind;
            string? problem = null;
            if (kind == ContainerImageKind.Cpu && accelerator.IsGpu())
            {
                problem = "is a CPU image on '" + info.Name + "' (" + Describe.Hardware(info) + ", " + Describe.Price(info) + "): the GPU stays idle; use a GPU image or a CPU instance";
            }
            else if (kind == ContainerImageKind.Cpu && accelerator.IsNeuron())
            {
                problem = "is a CPU image on '" + info.Name + "' (" + info.Accelerator.Name + "): the Neuron devices stay idle; use a Neuron (neuronx) image or a CPU instance";
            }
            else if (kind == ContainerImageKind.Gpu && accelerator == AcceleratorKind.None)
            {
                problem = "is a CUDA/GPU image on '" + info.Name + "', which has no GPU: it fails or falls back to slow CPU kernels; use a GPU instance (g6, g5, p5) or a CPU image";
            }
            else if (kind == ContainerImageKind.Gpu && accelerator.IsNeuron())
            {
                problem = "is a CUDA/GPU image on '" + info.Name + "' (" + info.Accelerator.Name + "): CUDA cannot use Neuron devices; use a Neuron (neuronx) image or a GPU instance";
            }
            else if (kind == ContainerImageKind.Neuron && !accelerator.IsNeuron())
            {
                problem = "is an AWS Neuron image on '" + info.Name + "', which has no Inferentia or Trainium device; use an inf2/trn1 instance or a " + (accelerator.IsGpu() ? "GPU" : "CPU") + " image";
            }

            return problem == null
                ? null
                : new RuleFinding(RuleIds.ImageAcceleratorMismatch, RuleSeverity.Warning, "Container image '" + image + "' " + problem);
        }
    }
}
