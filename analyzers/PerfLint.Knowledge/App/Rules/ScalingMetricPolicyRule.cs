using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL5009 over the app model: a target-tracking <c>AWS::ApplicationAutoScaling::ScalingPolicy</c> whose
    /// <c>CustomizedMetricSpecification</c> names a host metric (<see cref="ScalingMetricRule"/>) and whose scalable
    /// target (<c>ScalingTargetId</c>, else the policy's own <c>ResourceId</c>) scales a SageMaker variant served on an
    /// accelerated instance type. Reported on the metric name, with the instance type related. The variant is found by
    /// the target's <c>endpoint/&lt;name&gt;/variant/&lt;variant&gt;</c>: the endpoint by reference or literal name,
    /// the variant by <c>VariantName</c> (every variant of the endpoint's configs when the name cannot be read).
    /// A CDK L2 policy (<c>target.ScaleToTrackMetric(..)</c>, <c>TargetTrackingScalingPolicy</c>) is read from its
    /// <c>CustomMetric</c> (a <c>Metric</c>'s props) and its target (the receiver, or <c>ScalingTarget</c>); a template
    /// has it as the L1 it synthesizes. Metric math (<c>Metrics</c>, <c>MathExpression</c>) is not read (silent).
    /// </summary>
    public sealed class ScalingMetricPolicyRule : AppRule
    {
        public const string ScalingPolicy = "AWS::ApplicationAutoScaling::ScalingPolicy";

        public override string RuleId => RuleIds.AcceleratedEndpointScalesOnHostMetric;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[] { ScalingPolicy, SageMaker.ScalableTarget, SageMaker.Endpoint, SageMaker.EndpointConfig };

        public override Func<string, bool>? InstanceTypeEvidence => ScalingMetricRule.IsAcceleratedSageMakerType;

        public override IReadOnlyList<string> SupportNames { get; } =
            SageMaker.PropsNames.Concat(new[]
            {
                "TargetTrackingScalingPolicyConfigurationProperty", "CustomizedMetricSpecificationProperty", "CfnScalingPolicyProps",
                "BasicTargetTrackingScalingPolicyProps", "TargetTrackingScalingPolicyProps", "MetricProps",
            }).ToArray();

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            foreach (var policy in app.OfType(ScalingPolicy))
            {
                var metric = policy.IsL1 ? policy.Props.At("TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification") : policy.Property("CustomMetric");
                var ns = metric?.Property("Namespace").SingleString();
                if (metric == null || ns == null)
                {
                    continue;
                }

                foreach (var name in metric.Property("MetricName").Candidates())
                {
                    foreach (var instanceType in VariantInstanceTypes(app, policy))
                    {
                        var finding = ScalingMetricRule.Evaluate(instanceType.Text, ns.Text, name.Text, optionsAt(name.Where));
                        if (finding != null)
                        {
                            yield return new AppFinding(finding, policy, name.Where, sourceProperty: "MetricName", related: SageMaker.Related(instanceType));
                        }
                    }
                }
            }
        }

        /// <summary>The candidate instance types of the SageMaker variants the policy's target scales (distinct by text).</summary>
        private static IEnumerable<AppString> VariantInstanceTypes(AppModel app, AppResource policy)
        {
            var target = policy.IsL1 ? policy.Property("ScalingTargetId") : policy.Property("ScalingTarget") ?? policy.Receiver;
            var targets = target.ResourcesOf(SageMaker.ScalableTarget).ToList();
            var resourceIds = targets.Count > 0
                ? targets.Where(EndpointAutoScalingRule.IsSageMakerTarget).Select(t => t.Property("ResourceId")).ToList()
                : new List<IAppValue?> { policy.IsL1 ? policy.Property("ResourceId") : null };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var resourceId in resourceIds.Where(r => r != null))
            {
                var texts = resourceId!.Strings().Select(s => s.Text).ToList();
                var endpoints = resourceId.ResourcesOf(SageMaker.Endpoint).ToList();
                if (endpoints.Count == 0)
                {
                    var names = texts.Select(EndpointAutoScalingRule.EndpointNameOf).Where(n => n != null && !app.HasPlaceholder(n)).ToList();
                    endpoints = app.OfType(SageMaker.Endpoint)
                        .Where(e => e.Property("EndpointName")?.Strings().Any(s => names.Contains(s.Text, StringComparer.OrdinalIgnoreCase)) == true).ToList();
                }

                var variantNames = texts.Select(VariantNameOf).Where(n => n != null && !app.HasPlaceholder(n)).ToList();
                foreach (var variant in endpoints.SelectMany(e => SageMaker.ConfigsOf(app, e)).SelectMany(c => c.Property("ProductionVariants").Items()))
                {
                    var variantName = variant.Property("VariantName").SingleString()?.Text;
                    if (variantNames.Count > 0 && variantName != null && !variantNames.Contains(variantName, StringComparer.Ordinal))
                    {
                        continue;
                    }

                    foreach (var type in variant.Property("InstanceType").Candidates().Where(t => !app.HasPlaceholder(t.Text) && seen.Add(t.Text)))
                    {
                        yield return type;
                    }
                }
            }
        }

        /// <summary>The variant name in <c>endpoint/&lt;name&gt;/variant/&lt;variant&gt;</c>, or null.</summary>
        private static string? VariantNameOf(string resourceId)
        {
            const string Marker = "/variant/";
            var at = resourceId.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
            return at < 0 || at + Marker.Length >= resourceId.Length ? null : resourceId.Substring(at + Marker.Length);
        }
    }
}
