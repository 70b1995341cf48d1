using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Offerings;
using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL1004: weights (parameters x bytes per parameter) plus headroom for KV cache and runtime, against the memory of
    /// the accelerators the server uses. Warning when it cannot fit, with the choices (quantize, a larger instance);
    /// Info when the need is a small fraction of the memory and a cheaper instance fits, and when the model's size is
    /// unknown (<see cref="ModelCatalog"/>): never a guess, but the option that lets it be judged.
    /// </summary>
    public static class ModelFitRule
    {
        private const double GiB = 1024.0 * 1024 * 1024;

        public static RuleFinding? Evaluate(ModelDeployment deployment, RuleOptions? options = null, string? region = null)
        {
            options ??= RuleOptions.Default;
            // Endpoint variants run on SageMaker hosting types: alternatives come from those, in the stack's region.
            var hosting = new InstanceUse(OfferingService.SageMaker, new[] { InstanceUse.Hosting }, region).OrRegion(options.Region);
            options = options.For(hosting);
            var info = InstanceCatalog.Find(deployment.InstanceType);
            if (string.IsNullOrWhiteSpace(deployment.ModelId) || info == null || info.Accelerator.Count == 0 || info.Accelerator.TotalMemoryGiB <= 0)
            {
                return null;
            }

            var devices = Math.Min(deployment.DevicesUsed ?? info.Accelerator.Count, info.Accelerator.Count);
            var available = info.Accelerator.MemoryPerDeviceGiB * devices;
            var size = ModelCatalog.Estimate(deployment.ModelId, options.ModelParameters);
            if (size == null)
            {
                // No size, no verdict: say what would let PerfLint judge it instead of guessing. Not for a model
                // artifact's location (ModelDataUrl, s3://…/model.tar.gz): it names a file, not a model, and most
                // custom models are served from one (`perflint check` never reads it).
                var id = deployment.ModelId!.Trim();
                if (id.IndexOf("://", StringComparison.Ordinal) >= 0)
                {
                    return null;
                }

                return new RuleFinding(RuleIds.ModelDoesNotFitAccelerator, RuleSeverity.Info,
                    "Model size unknown: '" + id + "' is not in PerfLint's model table and its name states no size; set " + RuleOptions.ModelParametersKey +
                    " = " + id + ":<billions> to check that it fits " + devices + "x " + info.Accelerator.Name + " (" + Describe.Number(available) + " GiB) on '" + info.Name + "'");
            }

            var (bytes, why) = deployment.BytesPerParameter;
            var weights = WeightsGiB(size.ParametersBillions, bytes);
            var needed = weights * (1 + options.Headroom);
            var figures = "'" + size.ModelId + "' has ~" + Describe.Number(size.ParametersBillions) + "B parameters (" + size.Source + ") x " +
                          Describe.Number(bytes) + " bytes (" + why + ") = " + Describe.Number(weights) + " GiB of weights, " +
                          Describe.Number(needed) + " GiB with " + Describe.Number(options.Headroom * 100) + "% headroom for KV cache and runtime";
            var memory = devices + " of " + info.Accelerator.Count + "x " + info.Accelerator.Name + " on '" + info.Name + "' = " + Describe.Number(available) + " GiB";

            if (needed > available)
            {
                var choices = "; choices: " + QuantizeChoice(size.ParametersBillions, bytes, options.Headroom, available);
                if (devices < info.Accelerator.Count)
                {
                    choices += "; shard over all " + info.Accelerator.Count + " devices (" + Describe.Number(info.Accelerator.TotalMemoryGiB) + " GiB)";
                }

                var larger = Cheapest(info, hosting, needed, options, mustBeCheaper: false);
                if (larger != null)
                {
                    choices += "; a larger instance such as '" + larger.Name + "' (" + Describe.Hardware(larger) + ", " + Describe.Price(larger, options) + ")";
                }

                return new RuleFinding(RuleIds.ModelDoesNotFitAccelerator, RuleSeverity.Warning,
                    "Model does not fit: " + figures + " > " + memory + choices, larger?.Name.ToString());
            }

            // Only multi-device instances can be grossly over-provisioned in a way a cheaper, smaller type fixes.
            if (options.OverProvisionRatio > 0 && info.Accelerator.Count > 1 && needed <= options.OverProvisionRatio * info.Accelerator.TotalMemoryGiB)
            {
                var smaller = Cheapest(info, hosting, needed, options, mustBeCheaper: true);
                if (smaller != null)
                {
                    return new RuleFinding(RuleIds.ModelDoesNotFitAccelerator, RuleSeverity.Info,
                        "Accelerator memory over-provisioned: " + figures + " uses " + Describe.Number(needed / info.Accelerator.TotalMemoryGiB * 100) + "% of " +
                        Describe.Number(info.Accelerator.TotalMemoryGiB) + " GiB on '" + info.Name + "' (" + Describe.Price(info, options) + "); a smaller instance such as '" +
                        smaller.Name + "' (" + Describe.Hardware(smaller) + ", " + Describe.Price(smaller, options) + ") fits, unless a load test shows the throughput needs more",
                        smaller.Name.ToString());
                }
            }

            return null;
        }

        public static double WeightsGiB(double parametersBillions, double bytesPerParameter) =>
            parametersBillions * 1e9 * bytesPerParameter / GiB;

        private static string QuantizeChoice(double billions, double bytes, double headroom, double available)
        {
            foreach (var (b, name) in new[] { (1.0, "fp8/int8"), (0.5, "awq/gptq (4-bit)") })
            {
                if (b < bytes && WeightsGiB(billions, b) * (1 + headroom) <= available)
                {
                    return "quantize to " + name + " (" + Describe.Number(WeightsGiB(billions, b) * (1 + headroom)) + " GiB fits)";
                }
            }

            return "even 4-bit quantization (" + Describe.Number(WeightsGiB(billions, 0.5) * (1 + headroom)) + " GiB) does not fit";
        }

        /// <summary>
        /// The cheapest type of the same service and accelerator kind whose accelerators hold <paramref name="neededGiB"/>
        /// (cheaper than <paramref name="current"/> when <paramref name="mustBeCheaper"/>): for <c>ml.*</c> a hosting type
        /// offered in the region (never a HyperPod- or training-only type), for EC2 one EC2 offers there. Prices are ranked only against
        /// prices of the same kind: the user file's real prices of the current type's kind first, else the snapshot's
        /// EC2 prices (floors for ml.*), never one against the other.
        /// </summary>
        private static InstanceTypeInfo? Cheapest(InstanceTypeInfo current, InstanceUse hosting, double neededGiB, RuleOptions options, bool mustBeCheaper)
        {
            var sageMaker = current.Service == InstanceService.SageMaker;
            var use = sageMaker ? hosting : new InstanceUse(OfferingService.Ec2, null, hosting.Region);
            var pool = sageMaker ? InstanceCatalog.SageMakerTypes : InstanceCatalog.Ec2Types;
            var fits = pool
                .Where(t => t.Accelerator.Kind == current.Accelerator.Kind && t.Accelerator.TotalMemoryGiB >= neededGiB && !t.Name.Equals(current.Name) &&
                            ServiceOfferings.Offers(use, t.Name) && PreviousGenerationRule.Evaluate(t.Name.ToString(), use) == null)
                .ToList();
            var reference = Describe.Quote(current, options);
            if (reference.IsFromUserFile && Rank(fits, t => Describe.Quote(t, options), reference, mustBeCheaper) is { } priced)
            {
                return priced;
            }

            return Rank(fits, t => PriceBook.SnapshotQuote(t, options.Region), PriceBook.SnapshotQuote(current, options.Region), mustBeCheaper);
        }

        private static InstanceTypeInfo? Rank(List<InstanceTypeInfo> fits, Func<InstanceTypeInfo, PriceQuote> quote, PriceQuote reference, bool mustBeCheaper) =>
            fits.Select(t => (Type: t, Quote: quote(t)))
                .Where(x => x.Quote.IsKnown && (reference.IsKnown ? x.Quote.IsComparableWith(reference) : !mustBeCheaper) &&
                            (!mustBeCheaper || x.Quote.UsdPerHour < reference.UsdPerHour))
                .OrderBy(x => x.Quote.UsdPerHour)
                .ThenBy(x => x.Type.Name.ToString(), StringComparer.Ordinal)
                .Select(x => x.Type)
                .FirstOrDefault();
    }
}
