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
                // What deployment alone knows (check's tokens) is no fact about the model.
                var environment = new Dictionary<string, AppString>(StringComparer.Ordinal);
                var variables = served.Container.Property("Environment");
                foreach (var key in EnvironmentKeys)
                {
                    var value = variables?.Property(key).SingleString();
                    if (value != null && !app.HasPlaceholder(value.Text))
                    {
                        environment[key] = value;
                    }
                }

                var dataUrl = served.Container.Property("ModelDataUrl").SingleString();
                dataUrl = dataUrl != null && app.HasPlaceholder(dataUrl.Text) ? null : dataUrl;
                var named = ModelDeployment.ModelIdKeys.Any(environment.ContainsKey);
                var modelId = ModelDeployment.ModelIdKeys.Select(k => environment.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v.Text) ? v : null)
                    .FirstOrDefault(v => v != null) ?? dataUrl;
                if (modelId == null)
                {
                    continue;
                }

                var instanceType = served.InstanceType;
                var deployment = new ModelDeployment(named ? null : dataUrl?.Text, instanceType.Text, environment.ToDictionary(p => p.Key, p => p.Value.Text, StringComparer.Ordinal));
                var finding = ModelFitRule.Evaluate(deployment, optionsAt(instanceType.Where), served.Config.Region);
                if (finding != null)
                {
                    yield return new AppFinding(finding, served.Config, instanceType.Where, related: SageMaker.Related(modelId));
                }
            }
        }
    }
}
