using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL1006 over the app model (<see cref="AcceleratorRoleRule"/>): the instance type of each Step Functions
    /// <c>SageMakerCreateTrainingJob</c> task (<c>ResourceConfig.InstanceType</c>, which CDK writes as <c>ml.</c> plus
    /// the type), and each model an endpoint-config variant serves on a training instance (the model's size as PL1004
    /// finds it). Reported on the instance type.
    /// </summary>
    /// <remarks>
    /// Not judged: HyperPod clusters (<c>AWS::SageMaker::Cluster</c> instance groups; nothing says what a group runs)
    /// and AWS Batch compute environments (nothing ties a job definition to training). `perflint check` sees no
    /// training tasks: a state machine's definition is one string in the template.
    /// </remarks>
    public sealed class AcceleratorRoleUseRule : AppRule
    {
        public override string RuleId => RuleIds.AcceleratorRoleMismatch;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[] { SageMaker.Model, SageMaker.EndpointConfig, CdkConstructTypes.SageMakerTrainingTask };

        /// <summary>Only inference chips (a training job) and training instances (an endpoint) lead to a finding.</summary>
        public override Func<string, bool>? InstanceTypeEvidence => name => AcceleratorRoles.RoleOf(name) != AcceleratorRole.Unknown;

        public override IReadOnlyList<string> SupportNames { get; } = SageMaker.PropsNames.Concat(new[] { "SageMakerCreateTrainingJobProps", "ResourceConfig" }).ToArray();

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            foreach (var task in app.OfType(CdkConstructTypes.SageMakerTrainingTask))
            {
                foreach (var type in task.Property("ResourceConfig").At("InstanceType").Candidates().Where(t => !app.HasPlaceholder(t.Text)))
                {
                    var finding = AcceleratorRoleRule.Training(SageMakerTrainingType(type.Text));
                    if (finding != null)
                    {
                        yield return new AppFinding(finding, task, type.Where);
                    }
                }
            }

            foreach (var served in SageMaker.ServedContainers(app))
            {
                var instanceType = served.InstanceType;
                if (AcceleratorRoles.RoleOf(instanceType.Text) != AcceleratorRole.Training)
                {
                    continue;
                }

                var deployment = ServedModelFitRule.DeploymentOf(app, served.Container, instanceType.Text, out var modelId);
                var finding = deployment == null ? null : AcceleratorRoleRule.Served(deployment, optionsAt(instanceType.Where), served.Config.Region);
                if (finding != null)
                {
                    yield return new AppFinding(finding, served.Config, instanceType.Where, related: SageMaker.Related(modelId!));
                }
            }
        }

        /// <summary>The SageMaker type a task's EC2-spelled type becomes: CDK writes <c>ml.</c> before it (an <c>ml.</c> already written is read as meant).</summary>
        private static string SageMakerTrainingType(string written)
        {
            var text = written.Trim();
            return text.StartsWith("ml.", StringComparison.OrdinalIgnoreCase) ? text : "ml." + text;
        }
    }
}
