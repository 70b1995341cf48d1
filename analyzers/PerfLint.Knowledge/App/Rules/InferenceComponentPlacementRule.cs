using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL5008 over the app model: each <c>AWS::SageMaker::InferenceComponent</c> on the endpoint variant it names
    /// (<c>EndpointName</c> by reference or literal, <c>VariantName</c> in that endpoint's config), judged by
    /// <see cref="InferenceComponentRule"/> for each instance type the variant can have. Each finding is reported on
    /// the component's value that asks too much, with the instance type related.
    /// </summary>
    public sealed class InferenceComponentPlacementRule : AppRule
    {
        public const string InferenceComponent = "AWS::SageMaker::InferenceComponent";

        public override string RuleId => RuleIds.InferenceComponentCannotBePlaced;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[] { InferenceComponent, SageMaker.Endpoint, SageMaker.EndpointConfig, SageMaker.Model };

        public override IReadOnlyList<string> SupportNames { get; } = SageMaker.PropsNames.Concat(new[]
        {
            "CfnInferenceComponentProps", "InferenceComponentSpecificationProperty", "InferenceComponentComputeResourceRequirementsProperty",
            "InferenceComponentRuntimeConfigProperty", "InferenceComponentContainerSpecificationProperty", "CfnEndpointProps",
        }).ToArray();

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            foreach (var component in app.OfType(InferenceComponent))
            {
                var variantName = component.Property("VariantName").SingleString()?.Text;
                if (variantName == null || app.HasPlaceholder(variantName))
                {
                    continue;
                }

                var specification = component.Property("Specification");
                var requirements = specification?.Property("ComputeResourceRequirements");
                // A choice of values is judged at its least demanding, the instance count at its largest: a finding holds for every candidate.
                var devices = Smallest(requirements?.Property("NumberOfAcceleratorDevicesRequired"));
                var memory = Smallest(requirements?.Property("MinMemoryRequiredInMb"));
                var copies = Smallest(component.Property("RuntimeConfig")?.Property("CopyCount"));
                var endpoints = SageMaker.Named(app, component.Property("EndpointName"), SageMaker.Endpoint, "EndpointName");
                var variants = endpoints.SelectMany(e => SageMaker.ConfigsOf(app, e)).Distinct()
                    .SelectMany(c => c.Property("ProductionVariants").Items().Select(v => (Config: c, Variant: v)))
                    .Where(x => x.Variant.Property("VariantName").SingleString()?.Text == variantName);
                foreach (var (config, variant) in variants)
                {
                    var instances = Instances(variant);
                    foreach (var instanceType in variant.Property("InstanceType").Candidates().Where(t => !app.HasPlaceholder(t.Text)))
                    {
                        var related = SageMaker.Related(instanceType);
                        if (devices != null && InferenceComponentRule.DevicesPerCopy(instanceType.Text, devices.Value) is { } tooManyDevices)
                        {
                            yield return new AppFinding(tooManyDevices, component, devices.Where, related: related);
                        }

                        if (memory != null && InferenceComponentRule.MemoryPerCopy(instanceType.Text, memory.Value) is { } tooMuchMemory)
                        {
                            yield return new AppFinding(tooMuchMemory, component, memory.Where, related: related);
                        }

                        if (devices != null && copies != null && instances != null &&
                            InferenceComponentRule.Copies(instanceType.Text, copies.Value, devices.Value, instances.Value) is { } tooManyCopies)
                        {
                            yield return new AppFinding(tooManyCopies, component, copies.Where, related: related);
                        }

                        if (devices != null && devices.Value == Math.Floor(devices.Value) && devices.Value >= 1 && ModelFit(app, component, specification!, instanceType.Text,
                                (int)devices.Value, optionsAt(devices.Where), config.Region, out var modelId) is { } doesNotFit)
                        {
                            yield return new AppFinding(doesNotFit, component, devices.Where, related: SageMaker.Related(modelId!));
                        }
                    }
                }
            }
        }

        /// <summary>PL1004's math for the model a copy serves (its own container, else its model's) on the accelerators it is given.</summary>
        private static RuleFinding? ModelFit(AppModel app, AppResource component, IAppValue specification, string instanceType, int devices, RuleOptions options,
            string? region, out AppString? modelId)
        {
            modelId = null;
            var container = specification.Property("Container");
            if (container == null)
            {
                var models = SageMaker.Named(app, specification.Property("ModelName"), SageMaker.Model, "ModelName");
                container = models.Count == 1 ? SageMaker.ContainerOf(models[0]) : null;
            }

            var deployment = container == null ? null : ServedModelFitRule.DeploymentOf(app, container, instanceType, out modelId, devices);
            return deployment == null ? null : InferenceComponentRule.ModelFit(ModelFitRule.Evaluate(deployment, options, region));
        }

        /// <summary>
        /// The most instances the variant runs: managed instance scaling's <c>MaxInstanceCount</c> when it is enabled,
        /// else <c>InitialInstanceCount</c>; null when neither is known.
        /// </summary>
        private static double? Instances(IAppValue variant)
        {
            var scaling = variant.Property("ManagedInstanceScaling");
            if (scaling != null)
            {
                var status = scaling.Property("Status")?.Strings();
                var enabled = status == null || status.Count == 0 || status.Any(s => string.Equals(s.Text, "ENABLED", StringComparison.OrdinalIgnoreCase));
                var max = Largest(scaling.Property("MaxInstanceCount"));
                if (enabled)
                {
                    return max?.Value;
                }
            }

            return Largest(variant.Property("InitialInstanceCount"))?.Value;
        }

        private static AppNumber? Largest(IAppValue? value) =>
            value?.Numbers().OrderByDescending(n => n.Value).FirstOrDefault();

        private static AppNumber? Smallest(IAppValue? value) =>
            value?.Numbers().OrderBy(n => n.Value).FirstOrDefault();
    }
}
