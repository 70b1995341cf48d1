using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// The SageMaker chain over the model: a model serves in an endpoint config's <c>ProductionVariants[]</c> (named by
    /// reference, else by its literal <c>ModelName</c>), an endpoint serves a config (<c>EndpointConfigName</c>, the same
    /// way), and an Application Auto Scaling target scales an endpoint (<c>ResourceId</c>, see <see cref="EndpointAutoScalingRule"/>).
    /// </summary>
    internal static class SageMaker
    {
        public const string Model = "AWS::SageMaker::Model";
        public const string EndpointConfig = "AWS::SageMaker::EndpointConfig";
        public const string Endpoint = "AWS::SageMaker::Endpoint";
        public const string ScalableTarget = "AWS::ApplicationAutoScaling::ScalableTarget";

        /// <summary>The C# props classes a helper may build apart from the construct (their files hold the facts).</summary>
        public static readonly string[] PropsNames = { "CfnModelProps", "CfnEndpointConfigProps", "ContainerDefinitionProperty", "ProductionVariantProperty" };

        /// <summary>
        /// The resources of <paramref name="cfnType"/> a name refers to: those it mentions (<c>model.AttrModelName</c>, a
        /// <c>Fn::GetAtt</c>), else those whose <paramref name="nameProperty"/> has the same literal value.
        /// </summary>
        public static IReadOnlyList<AppResource> Named(AppModel app, IAppValue? reference, string cfnType, string nameProperty)
        {
            var mentioned = reference.ResourcesOf(cfnType).ToList();
            if (mentioned.Count > 0 || reference == null)
            {
                return mentioned;
            }

            var names = reference.Strings().Select(s => s.Text).ToList();
            return names.Count == 0
                ? mentioned
                : app.OfType(cfnType).Where(r => r.Property(nameProperty)?.Strings().Any(s => names.Contains(s.Text, StringComparer.OrdinalIgnoreCase)) == true).ToList();
        }

        /// <summary>Serverless (<c>ServerlessConfig</c>) or managed instance scaling: the variant scales without a scalable target.</summary>
        public static bool SelfScaling(IAppValue variant) => variant.Property("ServerlessConfig") != null || variant.Property("ManagedInstanceScaling") != null;

        /// <summary>The endpoint configs an endpoint serves.</summary>
        public static IReadOnlyList<AppResource> ConfigsOf(AppModel app, AppResource endpoint) =>
            Named(app, endpoint.Property("EndpointConfigName"), EndpointConfig, "EndpointConfigName");

        /// <summary>
        /// Every (config, variant instance type, container) the app serves: each instance type a variant can have that
        /// is known before deployment (each candidate of a choice), and the container of each model it names. PL1003
        /// and PL1004 judge these.
        /// </summary>
        public static IReadOnlyList<ServedContainer> ServedContainers(AppModel app) =>
            app.Derived(nameof(ServedContainers), a => Serve(a).ToList());

        private static IEnumerable<ServedContainer> Serve(AppModel app)
        {
            foreach (var config in app.OfType(EndpointConfig))
            {
                foreach (var variant in config.Property("ProductionVariants").Items())
                {
                    var candidates = variant.Property("InstanceType").Candidates();
                    var models = Named(app, variant.Property("ModelName"), Model, "ModelName");
                    foreach (var instanceType in candidates.Where(t => !app.HasPlaceholder(t.Text)))
                    {
                        foreach (var model in models)
                        {
                            var container = ContainerOf(model);
                            if (container != null)
                            {
                                yield return new ServedContainer(config, instanceType, container, isChoice: candidates.Count > 1);
                            }
                        }
                    }
                }
            }
        }

        /// <summary>A value as a finding's related location (none when the front end gives no place).</summary>
        public static IReadOnlyList<object>? Related(AppString value) => value.Where == null ? null : new[] { value.Where };

        /// <summary>The container a model serves with: <c>PrimaryContainer</c>, else the only element of <c>Containers</c>.</summary>
        /// <remarks>An inference pipeline (several containers) mixes pre-processing CPU containers with the model server: not judged.</remarks>
        internal static IAppValue? ContainerOf(AppResource model)
        {
            var primary = model.Property("PrimaryContainer");
            if (primary != null)
            {
                return primary;
            }

            var containers = model.Property("Containers").Items();
            return containers.Count == 1 ? containers[0] : null;
        }
    }

    /// <summary>A model's container served on an endpoint config variant's instance type.</summary>
    internal sealed class ServedContainer
    {
        public ServedContainer(AppResource config, AppString instanceType, IAppValue container, bool isChoice)
        {
            Config = config;
            InstanceType = instanceType;
            Container = container;
            IsChoice = isChoice;
        }

        /// <summary>True when the variant's instance type is one of several candidates: a finding is reported where this one is written.</summary>
        public bool IsChoice { get; }

        public AppResource Config { get; }

        public AppString InstanceType { get; }

        public IAppValue Container { get; }
    }
}
