using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.App.Rules;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App
{
    /// <summary>Every whole-app rule, evaluated once over the model for both front ends.</summary>
    public static class AppRules
    {
        public static IReadOnlyList<AppRule> All { get; } = new AppRule[]
        {
            new ClusterPlacementRule(),
            new WebsiteBucketRule(),
            new LambdaRdsProxyRule(),
            new EndpointAutoScalingRule(),
            new ServedImageAcceleratorRule(),
            new ServedModelFitRule(),
            new CrossAzRule(),
            new RealTimeEndpointLimitsRule(),
            new ServerlessEndpointRule(),
            new MultiModelEndpointRule(),
            new InferenceComponentPlacementRule(),
            new EfaFleetRule(),
            new ScalingMetricPolicyRule(),
            new AcceleratorRoleUseRule(),
            new TrainingFileSystemRule(),
            new ScheduledEndpointRule(),
        };

        /// <summary>The rule ids the whole-app rules report.</summary>
        public static IReadOnlyList<string> RuleIds { get; } = All.Select(r => r.RuleId).Distinct().ToList();

        /// <summary>The findings of every rule <paramref name="isOn"/> accepts (all when null), rule by rule.</summary>
        public static IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt, Func<string, bool>? isOn = null) =>
            All.Where(r => isOn == null || isOn(r.RuleId)).SelectMany(r => r.Evaluate(app, optionsAt));
    }
}
