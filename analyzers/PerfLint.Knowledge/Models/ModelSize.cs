namespace PerfLint.Knowledge.Models
{
    /// <summary>A model's parameter count and how PerfLint knows it.</summary>
    public sealed class ModelSize
    {
        public ModelSize(string modelId, double parametersBillions, string source, double? activeParametersBillions = null)
        {
            ModelId = modelId;
            ParametersBillions = parametersBillions;
            Source = source;
            ActiveParametersBillions = activeParametersBillions;
        }

        /// <summary>The id as the deployment names it (quoted in messages).</summary>
        public string ModelId { get; }

        /// <summary>All parameters: every expert of a mixture-of-experts model is loaded, so this is what must fit.</summary>
        public double ParametersBillions { get; }

        /// <summary>Parameters used per token by a mixture-of-experts model; null for dense models or when unknown.</summary>
        public double? ActiveParametersBillions { get; }

        /// <summary>
        /// The model table row's source (<c>deepseek-ai/DeepSeek-R1@0cf7856:README.md …</c>), <c>family 'bloom': …</c>,
        /// <c>the model name (7b)</c>, or <c>stated in PL1004.model_parameters</c>.
        /// </summary>
        public string Source { get; }
    }
}
