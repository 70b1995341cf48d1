using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Inference;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL5005 over the app model: the container environment of a model served by a real-time variant (an endpoint
    /// config without <c>AsyncInferenceConfig</c>, a variant without <c>ServerlessConfig</c>), each model-server
    /// setting of <see cref="SageMakerLimits.Settings"/> judged by <see cref="RealTimeLimitRule"/>; reported on the
    /// value, once per model however many configs serve it.
    /// </summary>
    public sealed class RealTimeEndpointLimitsRule : AppRule
    {
        public override string RuleId => RuleIds.RealTimeEndpointBeyondLimits;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[] { SageMaker.Model, SageMaker.EndpointConfig };

        public override IReadOnlyList<string> SupportNames => SageMaker.PropsNames;

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            var judged = new HashSet<AppResource>();
            foreach (var config in app.OfType(SageMaker.EndpointConfig).Where(c => c.Property("AsyncInferenceConfig") == null))
            {
                foreach (var variant in config.Property("ProductionVariants").Items().Where(v => v.Property("ServerlessConfig") == null))
                {
                    foreach (var model in SageMaker.Named(app, variant.Property("ModelName"), SageMaker.Model, "ModelName").Where(judged.Add))
                    {
                        var environment = SageMaker.ContainerOf(model)?.Property("Environment");
                        foreach (var setting in SageMakerLimits.Settings)
                        {
                            var numbers = environment?.Property(setting.Name)?.Numbers() ?? Array.Empty<AppNumber>();
                            foreach (var number in numbers.GroupBy(n => n.Value).Select(g => g.First()))
                            {
                                var finding = RealTimeLimitRule.Evaluate(setting, number.Value, optionsAt(number.Where));
                                if (finding != null)
                                {
                                    yield return new AppFinding(finding, model, number.Where);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
