using System;
using System.Collections.Generic;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL1003 over the app model: a SageMaker model's container image built for other hardware than the instance type
    /// of the endpoint-config variant that serves it (<see cref="AcceleratorImageRule"/>). Reported on the image, with
    /// the instance type related (check: on the variant's instance type, as the image is in another resource); when the
    /// instance type is one of several candidates (a choice in C#), on that candidate, with the image related.
    /// </summary>
    public sealed class ServedImageAcceleratorRule : AppRule
    {
        public override string RuleId => RuleIds.ImageAcceleratorMismatch;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[] { SageMaker.Model, SageMaker.EndpointConfig };

        public override IReadOnlyList<string> SupportNames => SageMaker.PropsNames;

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            foreach (var served in SageMaker.ServedContainers(app))
            {
                var image = served.Container.Property("Image").SingleString();
                var finding = image == null ? null : AcceleratorImageRule.Evaluate(app.Display(image.Text), served.InstanceType.Text);
                if (finding != null)
                {
                    // One image judged against several candidate instance types: each finding goes to its candidate.
                    yield return served.IsChoice
                        ? new AppFinding(finding, served.Config, served.InstanceType.Where, related: SageMaker.Related(image!))
                        : new AppFinding(finding, served.Config, image!.Where, onResource: served.InstanceType.Where, related: SageMaker.Related(served.InstanceType));
                }
            }
        }
    }
}
