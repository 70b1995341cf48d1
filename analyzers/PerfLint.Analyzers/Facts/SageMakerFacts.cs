using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Models;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>A SageMaker model's serving container: image and environment (PL1003, PL1004).</summary>
    public sealed class ModelContainerFacts
    {
        public ModelContainerFacts(ConstructNode model, FactValue? image, IReadOnlyDictionary<string, FactValue> environment, FactValue? modelDataUrl)
        {
            Model = model;
            Image = image;
            Environment = environment;
            ModelDataUrl = modelDataUrl;
        }

        public ConstructNode Model { get; }

        public FactValue? Image { get; }

        /// <summary>The environment entries with compile-time string values.</summary>
        public IReadOnlyDictionary<string, FactValue> Environment { get; }

        public FactValue? ModelDataUrl { get; }

        /// <summary>The value that names the model: the first of <see cref="ModelDeployment.ModelIdKeys"/>, else the model data URL.</summary>
        public FactValue? ModelId =>
            ModelDeployment.ModelIdKeys.Select(k => Environment.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v.Text) ? v : null).FirstOrDefault(v => v != null)
            ?? ModelDataUrl;

        /// <summary>What <see cref="Knowledge.Rules.ModelFitRule"/> judges, for this container on <paramref name="instanceType"/>.</summary>
        public ModelDeployment ToDeployment(string instanceType) =>
            new ModelDeployment(
                ModelDeployment.ModelIdKeys.Any(Environment.ContainsKey) ? null : ModelDataUrl?.Text,
                instanceType,
                Environment.ToDictionary(p => p.Key, p => p.Value.Text ?? string.Empty, StringComparer.Ordinal));
    }

    /// <summary>One production variant of an endpoint config: instance type and the models it serves.</summary>
    public sealed class ProductionVariantFacts
    {
        public ProductionVariantFacts(ConstructNode config, FactValue? instanceType, string? variantName, bool selfScaling, IReadOnlyList<ConstructNode> models)
        {
            Config = config;
            InstanceType = instanceType;
            VariantName = variantName;
            SelfScaling = selfScaling;
            Models = models;
        }

        public ConstructNode Config { get; }

        public FactValue? InstanceType { get; }

        public string? VariantName { get; }

        /// <summary>Serverless (<c>ServerlessConfig</c>) or managed instance scaling: scales without a scalable target.</summary>
        public bool SelfScaling { get; }

        public IReadOnlyList<ConstructNode> Models { get; }
    }

    /// <summary>Reads SageMaker models, endpoint configs and endpoints from an <see cref="AppModel"/>.</summary>
    public static class SageMakerFacts
    {
        /// <summary>Bodies that create or configure SageMaker models and endpoint configurations (what PL1003 and PL1004 read).</summary>
        public static readonly Func<Gating.BodyEntry, bool> ModelsAndConfigs = Gating.Gates.Naming(
            "CfnModel", "CfnModelProps", "CfnEndpointConfig", "CfnEndpointConfigProps", "ContainerDefinitionProperty", "ProductionVariantProperty");

        /// <summary>The container a model serves with: <c>PrimaryContainer</c>, else the only element of <c>Containers</c>.</summary>
        /// <remarks>An inference pipeline (several containers) mixes pre-processing CPU containers with the model server: not judged.</remarks>
        public static ModelContainerFacts? Container(AppModel app, ConstructNode model)
        {
            var container = app.Prop(model, "PrimaryContainer");
            if (container == null)
            {
                var containers = app.Elements(app.Prop(model, "Containers"));
                if (containers.Count != 1)
                {
                    return null;
                }

                container = containers[0];
            }

            var environment = new Dictionary<string, FactValue>(StringComparer.Ordinal);
            foreach (var (key, value) in app.Entries(app.Prop(container, "Environment")))
            {
                var text = app.SingleString(value);
                if (text != null && !environment.ContainsKey(key))
                {
                    environment[key] = text;
                }
            }

            return new ModelContainerFacts(model, app.SingleString(app.Prop(container, "Image")), environment, app.SingleString(app.Prop(container, "ModelDataUrl")));
        }

        /// <summary>The production variants of an endpoint config, each with the models it names.</summary>
        public static IReadOnlyList<ProductionVariantFacts> Variants(AppModel app, ConstructNode config)
        {
            var result = new List<ProductionVariantFacts>();
            foreach (var variant in app.Elements(app.Prop(config, "ProductionVariants")))
            {
                var modelName = app.Prop(variant, "ModelName");
                result.Add(new ProductionVariantFacts(
                    config,
                    app.SingleString(app.Prop(variant, "InstanceType")),
                    app.SingleString(app.Prop(variant, "VariantName"))?.Text,
                    app.Prop(variant, "ServerlessConfig") != null || app.Prop(variant, "ManagedInstanceScaling") != null,
                    modelName == null ? Array.Empty<ConstructNode>() : Named(app, modelName.Value, ConstructKind.SageMakerModel, "ModelName")));
            }

            return result;
        }

        /// <summary>
        /// Every (variant, container) pair the app serves: each endpoint-config variant with an instance type, and the
        /// container of each model it serves. PL1003 and PL1004 judge these pairs.
        /// </summary>
        public static IEnumerable<(ProductionVariantFacts Variant, ModelContainerFacts Container)> ServedContainers(AppModel app)
        {
            foreach (var config in app.OfKind(ConstructKind.SageMakerEndpointConfig))
            {
                foreach (var variant in Variants(app, config))
                {
                    if (variant.InstanceType?.Text == null)
                    {
                        continue;
                    }

                    foreach (var model in variant.Models)
                    {
                        var container = Container(app, model);
                        if (container != null)
                        {
                            yield return (variant, container);
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The constructs of <paramref name="kind"/> a name refers to: the ones it mentions (<c>model.AttrModelName</c>),
        /// else those whose <paramref name="nameProperty"/> has the same compile-time value.
        /// </summary>
        public static IReadOnlyList<ConstructNode> Named(AppModel app, Flow reference, ConstructKind kind, string nameProperty)
        {
            var mentioned = app.Mentions(reference).Where(n => n.Kind == kind).ToList();
            if (mentioned.Count > 0)
            {
                return mentioned;
            }

            var names = app.Strings(reference).Select(v => v.Text).Where(t => t != null).ToList();
            return names.Count == 0
                ? (IReadOnlyList<ConstructNode>)Array.Empty<ConstructNode>()
                : app.OfKind(kind).Where(n => app.Strings(app.Prop(n, nameProperty)).Any(v => names.Contains(v.Text, StringComparer.OrdinalIgnoreCase))).ToList();
        }
    }
}
