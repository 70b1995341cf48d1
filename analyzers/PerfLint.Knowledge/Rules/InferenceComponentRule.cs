using System;
using System.Globalization;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// PL5008: an inference component asks for more than the instances of its endpoint variant have. Each check is a
    /// fact of the instance type's row (accelerator count, memory): a copy's accelerators or memory above one instance's,
    /// or all copies' accelerators above those of every instance the variant can run. The model fit per copy is
    /// <see cref="ModelFitRule"/>'s math on the accelerators a copy is given.
    /// </summary>
    public static class InferenceComponentRule
    {
        private const string Prefix = "Inference component cannot be placed: ";

        /// <summary>A copy's accelerators (<c>NumberOfAcceleratorDevicesRequired</c>) above the instance's.</summary>
        public static RuleFinding? DevicesPerCopy(string instanceType, double devices)
        {
            var info = InstanceCatalog.Find(instanceType);
            if (info == null || devices <= info.Accelerator.Count)
            {
                return null;
            }

            return Warning("each copy needs " + Describe.Number(devices) + " accelerator devices (NumberOfAcceleratorDevicesRequired) but '" + info.Name + "' has " +
                           Accelerators(info) + "; give a copy at most " + info.Accelerator.Count + " or choose an instance type with more accelerators");
        }

        /// <summary>
        /// A copy's minimum memory (<c>MinMemoryRequiredInMb</c>) above the instance's memory. Compared with the memory
        /// in the larger of the two readings of "MB" (10^6 bytes), so a value that fits in either reading is silent.
        /// </summary>
        public static RuleFinding? MemoryPerCopy(string instanceType, double minMemoryMb)
        {
            var info = InstanceCatalog.Find(instanceType);
            if (info?.MemoryGiB == null)
            {
                return null;
            }

            var megabytes = info.MemoryGiB.Value * 1024 * 1024 * 1024 / 1e6;
            if (minMemoryMb <= megabytes)
            {
                return null;
            }

            return Warning("each copy needs at least " + Count(minMemoryMb) + " MB of memory (MinMemoryRequiredInMb) but '" + info.Name + "' has " +
                           Describe.Number(info.MemoryGiB.Value) + " GiB (" + Count(Math.Floor(megabytes)) + " MB)");
        }

        /// <summary>
        /// All copies' accelerators (<c>CopyCount</c> x <c>NumberOfAcceleratorDevicesRequired</c>) above those of the most
        /// instances the variant runs (<c>InitialInstanceCount</c>, or managed instance scaling's <c>MaxInstanceCount</c>).
        /// </summary>
        public static RuleFinding? Copies(string instanceType, double copies, double devices, double instances)
        {
            var info = InstanceCatalog.Find(instanceType);
            if (info == null || info.Accelerator.Count == 0 || devices > info.Accelerator.Count)
            {
                // No accelerators, or a copy too large for one instance: DevicesPerCopy says it once.
                return null;
            }

            var available = instances * info.Accelerator.Count;
            var needed = copies * devices;
            if (needed <= available)
            {
                return null;
            }

            return Warning(Count(copies) + " copies x " + Describe.Number(devices) + " accelerator devices = " + Describe.Number(needed) + " > " +
                           Count(instances) + " instance" + (instances == 1 ? string.Empty : "s") + " x " + Accelerators(info) + " = " + Describe.Number(available) +
                           "; lower CopyCount to " + Count(Math.Floor(available / devices)) + " or run more instances");
        }

        /// <summary>PL1004's verdict on the accelerators a copy is given, restated as this rule's: only the cannot-fit Warning.</summary>
        public static RuleFinding? ModelFit(RuleFinding? modelFit)
        {
            const string ModelFitPrefix = "Model does not fit: ";
            if (modelFit == null || modelFit.Severity != RuleSeverity.Warning || !modelFit.Message.StartsWith(ModelFitPrefix, StringComparison.Ordinal))
            {
                return null;
            }

            return Warning("the model does not fit the accelerators a copy is given: " + modelFit.Message.Substring(ModelFitPrefix.Length));
        }

        private static string Accelerators(InstanceTypeInfo info) =>
            info.Accelerator.Count == 0 ? "no accelerators" : info.Accelerator.Count + "x " + info.Accelerator.Name;

        private static string Count(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

        private static RuleFinding Warning(string message) =>
            new RuleFinding(RuleIds.InferenceComponentCannotBePlaced, RuleSeverity.Warning, Prefix + message);
    }
}
