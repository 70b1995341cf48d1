using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Offerings;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL1006: the accelerator's role (<see cref="AcceleratorRoles"/>) against the work. Training on a chip that
    /// supports inference only is a Warning; training on an inference accelerator that can also train (Inferentia2) is
    /// Info. A real-time endpoint on a training instance whose accelerator memory is many times what its model needs
    /// is Info, with the SageMaker hosting types whose accelerators hold the model (PL1004's need: weights plus
    /// headroom) to benchmark. A model of unknown size is not judged.
    /// </summary>
    public static class AcceleratorRoleRule
    {
        private const int MaxCandidates = 3;

        /// <summary>A training job on <paramref name="instanceType"/> (an <c>ml.*</c> type); null when its role is not inference.</summary>
        public static RuleFinding? Training(string? instanceType)
        {
            var role = AcceleratorRoles.RoleOf(instanceType);
            var chip = AcceleratorRoles.ChipOf(instanceType);
            var trainers = string.Join(", ", AcceleratorRoles.FamiliesOf(AcceleratorRole.Training).Select(AcceleratorRoles.ChipOf).Where(c => c.StartsWith("AWS ", StringComparison.Ordinal)).Distinct());
            switch (role)
            {
                case AcceleratorRole.InferenceOnly:
                    return new RuleFinding(RuleIds.AcceleratorRoleMismatch, RuleSeverity.Warning,
                        "Training job on '" + instanceType + "': " + chip + " supports inference only, so the job cannot train there; train on a training accelerator (" + trainers + ") or a GPU type");
                case AcceleratorRole.Inference:
                    return new RuleFinding(RuleIds.AcceleratorRoleMismatch, RuleSeverity.Info,
                        "Training job on '" + instanceType + "': " + chip + " is an inference accelerator; AWS's training accelerators are " + trainers + ": benchmark the job there");
                default:
                    return null;
            }
        }

        /// <summary>
        /// Candidates run the same software: a GPU image on GPUs; a Trainium model on Inferentia2, whose NeuronCore-v2
        /// is Trainium's (Neuron glossary). Other kinds would need another image (PL1003).
        /// </summary>
        private static bool ServesLike(AcceleratorKind current, AcceleratorKind candidate) =>
            current.IsGpu() ? candidate.IsGpu() : current == AcceleratorKind.Trainium && candidate == AcceleratorKind.Inferentia2;

        /// <summary>A real-time endpoint variant serving <paramref name="deployment"/>; null unless its type is a training instance many times too large.</summary>
        public static RuleFinding? Served(ModelDeployment deployment, RuleOptions? options = null, string? region = null)
        {
            options ??= RuleOptions.Default;
            var hosting = new InstanceUse(OfferingService.SageMaker, new[] { InstanceUse.Hosting }, region).OrRegion(options.Region);
            var info = InstanceCatalog.Find(deployment.InstanceType);
            if (info == null || info.Accelerator.TotalMemoryGiB <= 0 || AcceleratorRoles.RoleOf(deployment.InstanceType) != AcceleratorRole.Training)
            {
                return null;
            }

            var size = ModelCatalog.Estimate(deployment.ModelId, options.ModelParameters);
            if (size == null)
            {
                return null;
            }

            var (bytes, why) = deployment.BytesPerParameter;
            var weights = ModelFitRule.WeightsGiB(size.ParametersBillions, bytes);
            var needed = weights * (1 + options.Headroom);
            var ratio = options.MuchSmallerRatio;
            var memory = info.Accelerator.TotalMemoryGiB;
            if (memory < ratio * needed)
            {
                return null;
            }

            var candidates = InstanceCatalog.SageMakerTypes
                .Where(t => ServesLike(info.Accelerator.Kind, t.Accelerator.Kind) && t.Accelerator.TotalMemoryGiB >= needed && t.Accelerator.TotalMemoryGiB < memory &&
                            AcceleratorRoles.RoleOf(t.Name.ToString()) != AcceleratorRole.Training &&
                            ServiceOfferings.Offers(hosting, t.Name) && PreviousGenerationRule.Evaluate(t.Name.ToString(), hosting) == null)
                .OrderBy(t => t.Accelerator.TotalMemoryGiB)
                .ThenBy(t => t.VCpus ?? int.MaxValue)
                .ThenBy(t => t.MemoryGiB ?? double.MaxValue)
                .ThenBy(t => t.Name.ToString(), StringComparer.Ordinal)
                .Take(MaxCandidates)
                .ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            return new RuleFinding(RuleIds.AcceleratorRoleMismatch, RuleSeverity.Info,
                "Training instance serving a model that fits a much smaller one: '" + size.ModelId + "' needs " + Describe.Number(needed) + " GiB (~" +
                Describe.Number(size.ParametersBillions) + "B parameters x " + Describe.Number(bytes) + " bytes (" + why + ") + " + Describe.Number(options.Headroom * 100) +
                "% headroom), at most 1/" + Describe.Number(ratio) + " of the " + Describe.Number(memory) + " GiB of " + info.Accelerator.Count + "x " + info.Accelerator.Name +
                " on '" + info.Name + "', a training instance; benchmark inference instances whose accelerators hold it: " +
                string.Join(", ", candidates.Select(c => "'" + c.Name + "' (" + Describe.Hardware(c) + ")")),
                candidates[0].Name.ToString());
        }
    }
}
