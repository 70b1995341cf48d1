using PerfLint.Check.Intrinsics;
using PerfLint.Check.Json;
using PerfLint.Check.Templates;
using PerfLint.Knowledge.Capacity;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Checks;

/// <summary>
/// The scaling rules decided per value (<see cref="ScalingRule"/>): PL5002 on SageMaker target-tracking policies
/// (whose service may be named only by their scalable target), PL5003 on every scalable target.
/// </summary>
public sealed class SageMakerChecks : ITemplateCheck
{
    private const string ScalableTargetType = "AWS::ApplicationAutoScaling::ScalableTarget";
    private const string ScalingPolicyType = "AWS::ApplicationAutoScaling::ScalingPolicy";

    public void Run(CheckContext context)
    {
        foreach (var target in context.OfType(ScalableTargetType))
        {
            var max = target.Properties?["MaxCapacity"];
            context.Report(ScalingRule.Capacity(context.Resolver.ResolveNumber(target.Properties?["MinCapacity"], target.Stack),
                context.Resolver.ResolveNumber(max, target.Stack), target.Properties?["ScheduledActions"] != null), target, max, "MaxCapacity");
        }

        foreach (var policy in context.OfType(ScalingPolicyType))
        {
            CheckPolicyTarget(context, policy);
        }
    }

    private static void CheckPolicyTarget(CheckContext context, TemplateResource policy)
    {
        var configuration = policy.Properties?["TargetTrackingScalingPolicyConfiguration"] as JsonObjectNode;
        if (configuration?["TargetValue"] is not JsonNode valueNode || context.Resolver.ResolveNumber(valueNode, policy.Stack) is not double value)
        {
            return;
        }

        var target = context.Resolver.References(policy.Properties?["ScalingTargetId"], policy.Stack).Select(r => r.Target).FirstOrDefault(t => t.Type == ScalableTargetType);
        var serviceNamespace = context.String(policy, policy.Properties?["ServiceNamespace"]) ?? (target == null ? null : context.String(target, target.Properties?["ServiceNamespace"]));
        if (serviceNamespace != "sagemaker")
        {
            return;
        }

        var metric = context.String(policy, (configuration["PredefinedMetricSpecification"] as JsonObjectNode)?["PredefinedMetricType"])
                     ?? context.String(policy, (configuration["CustomizedMetricSpecification"] as JsonObjectNode)?["MetricName"]);
        const string at = "TargetTrackingScalingPolicyConfiguration.TargetValue";
        var resourceId = context.String(policy, policy.Properties?["ResourceId"]) ?? (target == null ? null : context.String(target, target.Properties?["ResourceId"]));
        if (metric == ScalingRule.InvocationsPerInstanceMetric && Measured(context, resourceId) is { } measured)
        {
            // A measurement replaces the documentation-example check for this endpoint.
            context.Report(ScalingRule.TargetValueAgainstCapacity(value, measured.Endpoint, measured.Entry, context.Settings.Capacity!.Value.Name), policy, valueNode, at);
            return;
        }

        context.Report(ScalingRule.TargetValue(value, metric, context.Options), policy, valueNode, at);
    }

    /// <summary>The capacity file's entry for <c>endpoint/&lt;endpoint&gt;/variant/&lt;variant&gt;</c>, keyed by either name; null without one.</summary>
    private static (string Endpoint, CapacityEntry Entry)? Measured(CheckContext context, string? resourceId)
    {
        var parts = resourceId?.Split('/');
        if (context.Settings.Capacity is not { } capacity || parts is not ["endpoint", var endpoint, "variant", var variant])
        {
            return null;
        }

        return capacity.File.Find(endpoint) is { } byEndpoint ? (endpoint, byEndpoint)
            : capacity.File.Find(variant) is { } byVariant ? (variant, byVariant)
            : null;
    }
}
