using System;

namespace PerfLint.Knowledge.Images
{
    /// <summary>What hardware a model-serving container image is built for.</summary>
    public enum ContainerImageKind
    {
        /// <summary>Nothing in the name says; rules stay silent.</summary>
        Unknown,
        Cpu,
        /// <summary>CUDA / NVIDIA GPU build.</summary>
        Gpu,
        /// <summary>AWS Neuron build (Inferentia/Trainium).</summary>
        Neuron,
    }

    /// <summary>
    /// Classifies an image URI by the conventions AWS Deep Learning Containers, Hugging Face TGI/TEI, DJL LMI and
    /// NVIDIA images use in their repository names and tags (<c>...-gpu-py310-cu121-...</c>, <c>...-cpu-py310</c>,
    /// <c>...neuronx...</c>). Only confident signals count; anything else is Unknown.
    /// </summary>
    public static class ContainerImageClassifier
    {
        private static readonly string[] NeuronSignals = { "neuronx", "neuron", "inf2", "-inf1" };
        private static readonly string[] GpuSignals = { "-gpu", "gpu-", "_gpu", "cuda", "-cu11", "-cu12", "cu118", "cu121", "cu124", "tgi", "lmi", "tensorrt", "vllm", "nvcr.io", "nvidia/" };
        private static readonly string[] CpuSignals = { "-cpu", "cpu-", "_cpu" };

        public static ContainerImageKind Classify(string? imageUri)
        {
            if (string.IsNullOrWhiteSpace(imageUri))
            {
                return ContainerImageKind.Unknown;
            }

            var image = imageUri!.ToLowerInvariant();
            if (Contains(image, NeuronSignals)) return ContainerImageKind.Neuron;
            if (Contains(image, CpuSignals)) return ContainerImageKind.Cpu;
            if (Contains(image, GpuSignals)) return ContainerImageKind.Gpu;
            return ContainerImageKind.Unknown;
        }

        private static bool Contains(string image, string[] signals)
        {
            foreach (var s in signals)
            {
                if (image.IndexOf(s, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
