using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Models
{
    /// <summary>A model's parameter count and how PerfLint knows it.</summary>
    public sealed class ModelSize
    {
        public ModelSize(string modelId, double parametersBillions, string source)
        {
            ModelId = modelId;
            ParametersBillions = parametersBillions;
            Source = source;
        }

        public string ModelId { get; }

        public double ParametersBillions { get; }

        /// <summary>A model card (table of well-known models) or <c>the model name</c> (<c>7b</c>, <c>8x7B</c>).</summary>
        public string Source { get; }
    }

    /// <summary>
    /// Parameter counts of models named by id (<c>HF_MODEL_ID</c>, <c>MODEL_ID</c>, S3 paths): a table of well-known
    /// models first (Data/models.csv; Mixtral 8x7B is 46.7B, not 56B), then the size written in the name
    /// (<c>-7b</c>, <c>70B</c>, <c>1.5b</c>, <c>8x7b</c> = 8 x 7B as an upper bound).
    /// </summary>
    public static class ModelCatalog
    {
        private static readonly Regex Experts = new Regex(@"(?<![a-z0-9.])(\d+)x(\d+(?:\.\d+)?)b(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Billions = new Regex(@"(?<![a-z0-9.])(\d+(?:\.\d+)?)b(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        /// <summary>An Availability Zone (<c>us-east-1b</c>, <c>us-gov-west-1a</c>, <c>us-west-2-lax-1a</c>): its <c>1b</c> is not a size.</summary>
        private static readonly Regex AvailabilityZone = new Regex(@"^(us|eu|ap|sa|ca|me|af|il|mx|cn)(-gov|-iso[a-z]?)?-(north|south|east|west|central)(east|west)?-\d+(-[a-z]+-\d+)?[a-z]$", RegexOptions.CultureInvariant);
        private static readonly Regex Millions = new Regex(@"(?<![a-z0-9.])(\d+(?:\.\d+)?)m(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Lazy<KeyValuePair<string, ModelSize>[]> Known = new Lazy<KeyValuePair<string, ModelSize>[]>(Load);

        // The analyzers ask this of each distinct string of a project once per compilation. Not compiled optimized up
        // front (HotLoop): a fresh compiler spent more on compiling it (3 ms) than the strings of a 600-file app take.
        public static ModelSize? Estimate(string? modelId)
        {
            if (string.IsNullOrWhiteSpace(modelId))
            {
                return null;
            }

            var id = modelId!.Trim();
            var lower = id.ToLowerInvariant();
            var known = Known.Value;
            for (var i = 0; i < known.Length; i++)
            {
                if (lower.Contains(known[i].Key))
                {
                    return new ModelSize(id, known[i].Value.ParametersBillions, known[i].Value.Source);
                }
            }

            return FromName(id, lower);
        }

        /// <summary>The size the name writes (<c>7b</c>, <c>8x7b</c>, <c>350m</c>) when no well-known model matched.</summary>
        private static ModelSize? FromName(string id, string lower)
        {
            var name = LastSegment(lower);
            if (!HasSizeSuffix(name) || AvailabilityZone.IsMatch(name))
            {
                return null;
            }

            var experts = Experts.Match(name);
            if (experts.Success)
            {
                var n = double.Parse(experts.Groups[1].Value, CultureInfo.InvariantCulture);
                var each = double.Parse(experts.Groups[2].Value, CultureInfo.InvariantCulture);
                return new ModelSize(id, n * each, "the model name (" + experts.Value + ", experts x size: an upper bound)");
            }

            var billions = Billions.Match(name);
            if (billions.Success)
            {
                return new ModelSize(id, double.Parse(billions.Groups[1].Value, CultureInfo.InvariantCulture), "the model name (" + billions.Value + ")");
            }

            var millions = Millions.Match(name);
            if (millions.Success)
            {
                return new ModelSize(id, double.Parse(millions.Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0, "the model name (" + millions.Value + ")");
            }

            return null;
        }

        /// <summary>
        /// Every size the expressions below read ends in a digit followed by <c>b</c> or <c>m</c> (<c>7b</c>,
        /// <c>1.5b</c>, <c>8x7b</c>, <c>350m</c>): a name without one is not matched against them (the analyzers ask
        /// this of every string of a project).
        /// </summary>
        private static bool HasSizeSuffix(string name)
        {
            for (var i = 1; i < name.Length; i++)
            {
                if ((name[i] == 'b' || name[i] == 'm') && char.IsDigit(name[i - 1]))
                {
                    return true;
                }
            }

            return false;
        }

        private static string LastSegment(string id)
        {
            var trimmed = id.Length > 0 && id[id.Length - 1] == '/' ? id.TrimEnd('/') : id;
            var slash = trimmed.LastIndexOf('/');
            return slash >= 0 ? trimmed.Substring(slash + 1) : trimmed;
        }

        private static KeyValuePair<string, ModelSize>[] Load()
        {
            var table = CsvTable.LoadEmbedded("models.csv");
            return table.Rows
                .Select(r => new KeyValuePair<string, ModelSize>(
                    table.Get(r, "pattern"),
                    new ModelSize(table.Get(r, "pattern"), InstanceCatalog.ParseDouble(table.Get(r, "parameters_billions")) ?? 0, table.Get(r, "source"))))
                // Longest pattern first: "llama-3.1-70b" must win over "llama-3-70b" style prefixes.
                .OrderByDescending(p => p.Key.Length)
                .ToArray();
        }
    }
}
