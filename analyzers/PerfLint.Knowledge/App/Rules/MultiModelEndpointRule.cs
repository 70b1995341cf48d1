using System;
using System.Collections.Generic;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL5007 over the app model: a model whose container has <c>Mode = MultiModel</c>, served on an endpoint-config
    /// variant's GPU instance type, with a known image that is not the Triton image (<see cref="MultiModelImageRule"/>).
    /// Reported on the image with the instance type related (on the candidate instance type when it is a choice), as PL1003.
    /// </summary>
    public sealed class MultiModelEndpointRule : AppRule
    {
        public override string RuleId => RuleIds.MultiModelEndpointWithoutTriton;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[] { SageMaker.Model, SageMaker.EndpointConfig };

        public override IReadOnlyList<string> SupportNames => SageMaker.PropsNames;

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            foreach (var served in SageMaker.ServedContainers(app))
            {
                // The image is resolved only for a multi-model container: most containers are single-model.
                var mode = served.Container.Property("Mode").SingleString();
                var image = mode != null && string.Equals(mode.Text, "MultiModel", StringComparison.Ordinal) ? served.Container.Property("Image").SingleString() : null;
                if (image == null)
                {
                    continue;
                }

                var finding = MultiModelImageRule.Evaluate(app.Display(image.Text), served.InstanceType.Text);
                if (finding != null)
                {
                    yield return served.IsChoice
                        ? new AppFinding(finding, served.Config, served.InstanceType.Where, related: SageMaker.Related(image))
                        : new AppFinding(finding, served.Config, image.Where, onResource: served.InstanceType.Where, related: SageMaker.Related(served.InstanceType));
                }
            }
        }
    }
}
