using System.Collections.Generic;

namespace PerfLint.Knowledge.Models
{
    /// <summary>
    /// Parameter counts of models named by id (<c>HF_MODEL_ID</c>, <c>MODEL_ID</c>, S3 paths), first found wins:
    /// <list type="number">
    /// <item>the sizes the team states (<c>PL1004.model_parameters = acme/private-llm:13</c>);</item>
    /// <item>the model table by exact id (<see cref="ModelTable"/>: whole id or last path segment, case-insensitive,
    /// legacy ids included);</item>
    /// <item>the size written in the name (<see cref="ModelNameSize"/>: <c>7b</c>, <c>1.5B</c>, <c>8x7b</c>, <c>560m</c>);</item>
    /// <item>a family whose name is one size (<see cref="ModelFamilies"/>: <c>bloom</c>, not <c>bloom-560m</c>).</item>
    /// </list>
    /// Never a substring of the id: <c>DeepSeek-R1-Distill-Qwen-7B</c> is 7B, not DeepSeek-R1's 671B.
    /// </summary>
    public static class ModelCatalog
    {
        /// <summary>What <see cref="ModelSize.Source"/> says for a size the team states.</summary>
        public const string StatedSource = "stated in PL1004.model_parameters";

        // The analyzers ask this of each distinct string of a project once per compilation.
        public static ModelSize? Estimate(string? modelId, IReadOnlyDictionary<string, double>? stated = null)
        {
            if (string.IsNullOrWhiteSpace(modelId))
            {
                return null;
            }

            var id = modelId!.Trim();
            var fromOptions = Stated(id, stated);
            if (fromOptions != null)
            {
                return fromOptions;
            }

            var known = ModelTable.Find(id);
            if (known != null)
            {
                return known;
            }

            var segment = ModelIdIndex<ModelSize>.LastSegment(id).ToLowerInvariant();
            return ModelNameSize.Read(id, segment) ?? (ModelNameSize.HasSizeSuffix(segment) ? null : ModelFamilies.Find(id, segment));
        }

        /// <summary>The size stated for <paramref name="id"/>, matched as the model table matches ids.</summary>
        private static ModelSize? Stated(string id, IReadOnlyDictionary<string, double>? stated)
        {
            if (stated == null || stated.Count == 0)
            {
                return null;
            }

            var index = new ModelIdIndex<ModelSize>();
            foreach (var pair in stated)
            {
                index.Add(pair.Key, new ModelSize(pair.Key, pair.Value, StatedSource), (a, b) => a.ParametersBillions.Equals(b.ParametersBillions));
            }

            var size = index.Find(id);
            return size == null ? null : new ModelSize(id, size.ParametersBillions, StatedSource);
        }
    }
}
