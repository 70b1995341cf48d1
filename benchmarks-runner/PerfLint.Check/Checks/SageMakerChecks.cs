using PerfLint.Check.Intrinsics;
using PerfLint.Check.Json;
using PerfLint.Check.Templates;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Checks;

/// <summary>
/// SageMaker scaling rules. PL5002/PL5003: SageMaker scaling policies and targets.
/// </summary>
public sealed class SageMakerChecks : ITemplateCheck
{
    private const string ScalableTargetType = "AWS::ApplicationAutoScaling::ScalableTarget";
    private const string ScalingPolicyType = "AWS::ApplicationAutoScaling::ScalingPolicy";

    public void Run(CheckContext context)
    {
        var sageMakerTargets = context.OfType(ScalableTargetType)
            .Where(t => context.String(t, t.Properties?["ServiceNamespace"]) == "sagemaker")
            .ToList();
        foreach (var target in sageMakerTargets)
        {
            var max = target.Properties?["MaxCapacity"];
            context.Report(ScalingRule.Capacity(context.Resolver.ResolveNumber(target.Properties?["MinCapacity"], target.Stack),
                context.Resolver.ResolveNumber(max, target.Stack)), target, max, "MaxCapacity");
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
        context.Report(ScalingRule.TargetValue(value, metric, context.Options), policy, valueNode, "TargetTrackingScalingPolicyConfiguration.TargetValue");
    }
}
