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
    /// <c>...neuronx...</c>). The name is split into tokens at <c>/ : . - _ @</c>; a signal matches a whole token, or a
    /// token that is the signal followed by a version (<c>tgi2</c>, <c>cu121</c>), never a substring of a word.
    /// Only confident signals count; anything else is Unknown.
    /// </summary>
    public static class ContainerImageClassifier
    {
        private static readonly string[] NeuronSignals = { "neuronx", "neuron", "inf1", "inf2", "trn1" };
        private static readonly string[] CpuSignals = { "cpu" };
        private static readonly string[] GpuSignals = { "gpu", "cuda", "cu", "tgi", "lmi", "tensorrt", "trtllm", "vllm", "nvidia", "nvcr" };
        private static readonly char[] Separators = { '/', ':', '.', '-', '_', '@' };

        public static ContainerImageKind Classify(string? imageUri)
        {
            if (string.IsNullOrWhiteSpace(imageUri))
            {
                return ContainerImageKind.Unknown;
            }

            var tokens = imageUri!.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (HasSignal(tokens, NeuronSignals)) return ContainerImageKind.Neuron;
            if (HasSignal(tokens, CpuSignals)) return ContainerImageKind.Cpu;
            if (HasSignal(tokens, GpuSignals)) return ContainerImageKind.Gpu;
            return ContainerImageKind.Unknown;
        }

        private static bool HasSignal(string[] tokens, string[] signals)
        {
            foreach (var token in tokens)
            {
                foreach (var signal in signals)
                {
                    if (token.StartsWith(signal, StringComparison.Ordinal) && IsVersionSuffix(token, signal.Length))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // "cu" alone is no signal: it must carry a version ("cu121"); the others match bare or versioned.
        private static bool IsVersionSuffix(string token, int from)
        {
            if (from == token.Length)
            {
                return from != 2 || token != "cu";
            }

            for (var i = from; i < token.Length; i++)
            {
                if (!char.IsDigit(token[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
