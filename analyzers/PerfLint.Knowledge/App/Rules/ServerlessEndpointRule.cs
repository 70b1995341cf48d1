using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL5006 over the app model: each endpoint-config variant with a <c>ServerlessConfig</c>, judged by
    /// <see cref="ServerlessInferenceRule"/>: its <c>ProvisionedConcurrency</c> against <c>MaxConcurrency</c> (reported
    /// on the provisioned value), and each model it serves: the container image (reported on the image) and the model
    /// named in the container environment against <c>MemorySizeInMB</c> (reported on the model id).
    /// </summary>
    public sealed class ServerlessEndpointRule : AppRule
    {
        private static readonly string[] EnvironmentKeys = ModelDeployment.ModelIdKeys.Concat(ModelDeployment.QuantizeKeys).Concat(ModelDeployment.DtypeKeys).ToArray();

        public override string RuleId => RuleIds.ServerlessInferenceCannotWork;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[] { SageMaker.Model, SageMaker.EndpointConfig };

        public override IReadOnlyList<string> SupportNames { get; } = SageMaker.PropsNames.Concat(new[] { "ServerlessConfigProperty" }).ToArray();

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            var reported = new HashSet<(object?, string)>();
            foreach (var config in app.OfType(SageMaker.EndpointConfig))
            {
                foreach (var variant in config.Property("ProductionVariants").Items())
                {
                    var serverless = variant.Property("ServerlessConfig");
                    if (serverless == null)
                    {
                        continue;
                    }

                    var findings = Concurrency(config, serverless)
                        .Concat(SageMaker.Named(app, variant.Property("ModelName"), SageMaker.Model, "ModelName").SelectMany(m => Model(app, config, serverless, m, optionsAt)));
                    foreach (var finding in findings.Where(f => reported.Add((f.Where, f.Finding.Message))))
                    {
                        yield return finding;
                    }
                }
            }
        }

        private static IEnumerable<AppFinding> Concurrency(AppResource config, IAppValue serverless)
        {
            var max = serverless.Property("MaxConcurrency")?.Numbers() ?? Array.Empty<AppNumber>();
            foreach (var provisioned in serverless.Property("ProvisionedConcurrency")?.Numbers() ?? Array.Empty<AppNumber>())
            {
                foreach (var limit in max)
                {
                    var finding = ServerlessInferenceRule.EvaluateConcurrency(provisioned.Value, limit.Value);
                    if (finding != null)
                    {
                        yield return new AppFinding(finding, config, provisioned.Where, related: limit.Where == null ? null : new[] { limit.Where });
                    }
                }
            }
        }

        private static IEnumerable<AppFinding> Model(AppModel app, AppResource config, IAppValue serverless, AppResource model, Func<object?, RuleOptions> optionsAt)
        {
            var container = SageMaker.ContainerOf(model);
            if (container == null)
            {
                yield break;
            }

            var image = container.Property("Image").SingleString();
            var imageFinding = image == null ? null : ServerlessInferenceRule.EvaluateImage(app.Display(image.Text));
            if (imageFinding != null)
            {
                yield return new AppFinding(imageFinding, config, image!.Where, onResource: serverless.Where);
            }

            // What deployment alone knows (check's tokens) is no fact about the model.
            var environment = new Dictionary<string, AppString>(StringComparer.Ordinal);
            foreach (var key in EnvironmentKeys)
            {
                var value = container.Property("Environment")?.Property(key).SingleString();
                if (value != null && !app.HasPlaceholder(value.Text) && !string.IsNullOrWhiteSpace(value.Text))
                {
                    environment[key] = value;
                }
            }

            var modelId = ModelDeployment.ModelIdKeys.Select(k => environment.TryGetValue(k, out var v) ? v : null).FirstOrDefault(v => v != null);
            var memory = (serverless.Property("MemorySizeInMB") ?? serverless.Property("MemorySizeInMb"))?.Numbers() ?? Array.Empty<AppNumber>();
            if (modelId == null)
            {
                yield break;
            }

            var deployment = new ModelDeployment(null, null, environment.ToDictionary(p => p.Key, p => p.Value.Text, StringComparer.Ordinal));
            foreach (var size in memory.GroupBy(n => n.Value).Select(g => g.First()))
            {
                var finding = ServerlessInferenceRule.EvaluateModelSize(deployment, size.Value, optionsAt(modelId.Where));
                if (finding != null)
                {
                    yield return new AppFinding(finding, config, modelId.Where, onResource: size.Where, related: size.Where == null ? null : new[] { size.Where });
                }
            }
        }
    }
}
