using System;
using System.Collections.Generic;

namespace PerfLint.Knowledge.Catalog
{
    /// <summary>What an accelerator family is for.</summary>
    public enum AcceleratorRole
    {
        /// <summary>No row: PerfLint says nothing about its role.</summary>
        Unknown,

        /// <summary>The chip cannot train (Inferentia).</summary>
        InferenceOnly,

        /// <summary>Built for inference, though it can train (Inferentia2).</summary>
        Inference,

        /// <summary>Built for training (Trainium, the GPU instances a source names as training instances).</summary>
        Training,
    }

    /// <summary>
    /// The embedded accelerator roles (<c>Data/accelerator-roles.csv</c>, source and date per row), by instance family
    /// (<c>ml.</c> or EC2 spelling). Loaded once, on first use; thread-safe.
    /// </summary>
    public static class AcceleratorRoles
    {
        public const string FileName = "accelerator-roles.csv";

        private static readonly Lazy<Dictionary<string, (AcceleratorRole Role, string Chip)>> Data =
            new Lazy<Dictionary<string, (AcceleratorRole, string)>>(Load);

        /// <summary>The role of the family of <paramref name="instanceType"/> (<c>ml.inf2.xlarge</c>, <c>trn1.32xlarge</c>).</summary>
        public static AcceleratorRole RoleOf(string? instanceType) => Find(instanceType).Role;

        /// <summary>The chip the family's row names (<c>AWS Inferentia2</c>); empty when there is no row.</summary>
        public static string ChipOf(string? instanceType) => Find(instanceType).Chip;

        /// <summary>The families of <paramref name="role"/>, in file order.</summary>
        public static IEnumerable<string> FamiliesOf(AcceleratorRole role)
        {
            foreach (var pair in Data.Value)
            {
                if (pair.Value.Role == role)
                {
                    yield return pair.Key;
                }
            }
        }

        private static (AcceleratorRole Role, string Chip) Find(string? instanceType)
        {
            var family = FamilyOf(instanceType);
            return family != null && Data.Value.TryGetValue(family, out var row) ? row : (AcceleratorRole.Unknown, string.Empty);
        }

        private static string? FamilyOf(string? instanceType)
        {
            if (string.IsNullOrWhiteSpace(instanceType))
            {
                return null;
            }

            var text = instanceType!.Trim().ToLowerInvariant();
            if (text.StartsWith("ml.", StringComparison.Ordinal))
            {
                text = text.Substring(3);
            }

            var dot = text.IndexOf('.');
            return dot > 0 ? text.Substring(0, dot) : text;
        }

        private static Dictionary<string, (AcceleratorRole, string)> Load()
        {
            var csv = CsvTable.LoadEmbedded(FileName);
            var roles = new Dictionary<string, (AcceleratorRole, string)>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in csv.Rows)
            {
                var role = csv.Get(row, "role").Trim() switch
                {
                    "inference_only" => AcceleratorRole.InferenceOnly,
                    "inference" => AcceleratorRole.Inference,
                    "training" => AcceleratorRole.Training,
                    _ => AcceleratorRole.Unknown,
                };
                roles[csv.Get(row, "family").Trim()] = (role, csv.Get(row, "chip").Trim());
            }

            return roles;
        }
    }
}
