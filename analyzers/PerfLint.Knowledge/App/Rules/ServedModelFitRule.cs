using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL1004 over the app model: the model an endpoint-config variant serves, named by its container's environment
    /// (<see cref="ModelDeployment.ModelIdKeys"/>, else <c>ModelDataUrl</c>), judged by <see cref="ModelFitRule"/> on
    /// the variant's instance type in the config's region; reported on the instance type, with the model id related.
    /// </summary>
    public sealed class ServedModelFitRule : AppRule
    {
        private static readonly string[] EnvironmentKeys =
            ModelDeployment.ModelIdKeys.Concat(ModelDeployment.QuantizeKeys).Concat(ModelDeployment.DtypeKeys).Concat(ModelDeployment.DeviceCountKeys).ToArray();

        public override string RuleId => RuleIds.ModelDoesNotFitAccelerator;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[] { SageMaker.Model, SageMaker.EndpointConfig };

        public override IReadOnlyList<string> SupportNames => SageMaker.PropsNames;

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            foreach (var served in SageMaker.ServedContainers(app))
            {
                var instanceType = served.InstanceType;
                var deployment = DeploymentOf(app, served.Container, instanceType.Text, out var modelId);
                var finding = deployment == null ? null : ModelFitRule.Evaluate(deployment, optionsAt(instanceType.Where), served.Config.Region);
                if (finding != null)
                {
                    yield return new AppFinding(finding, served.Config, instanceType.Where, related: SageMaker.Related(modelId!));
                }
            }
        }

        /// <summary>
        /// The model a container serves on <paramref name="instanceType"/>: its environment's model id, quantization,
        /// dtype and device count, else its model artifact (<c>ModelDataUrl</c>, an inference component's <c>ArtifactUrl</c>);
        /// null when it names no model. <paramref name="devices"/>, when given, is the accelerator count the server is
        /// given (an inference component's copy), in place of the environment's.
        /// </summary>
        internal static ModelDeployment? DeploymentOf(AppModel app, IAppValue container, string instanceType, out AppString? modelId, int? devices = null)
        {
            // What deployment alone knows (check's tokens) is no fact about the model.
            var environment = new Dictionary<string, AppString>(StringComparer.Ordinal);
            var variables = container.Property("Environment");
            foreach (var key in EnvironmentKeys)
            {
                var value = variables?.Property(key).SingleString();
                if (value != null && !app.HasPlaceholder(value.Text))
                {
                    environment[key] = value;
                }
            }

            var dataUrl = (container.Property("ModelDataUrl") ?? container.Property("ArtifactUrl")).SingleString();
            dataUrl = dataUrl != null && app.HasPlaceholder(dataUrl.Text) ? null : dataUrl;
            var named = ModelDeployment.ModelIdKeys.Any(environment.ContainsKey);
            modelId = ModelDeployment.ModelIdKeys.Select(k => environment.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v.Text) ? v : null)
                .FirstOrDefault(v => v != null) ?? dataUrl;
            if (modelId == null)
            {
                return null;
            }

            var texts = environment.ToDictionary(p => p.Key, p => p.Value.Text, StringComparer.Ordinal);
            if (devices != null)
            {
                foreach (var key in ModelDeployment.DeviceCountKeys)
                {
                    texts.Remove(key);
                }

                texts[ModelDeployment.DeviceCountKeys[0]] = devices.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return new ModelDeployment(named ? null : dataUrl?.Text, instanceType, texts);
        }
    }
}
