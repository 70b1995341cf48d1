using PerfLint.Check.Intrinsics;
using PerfLint.Check.Json;
using PerfLint.Check.Templates;
using PerfLint.Knowledge.Models;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Checks;

/// <summary>
/// Cross-resource SageMaker rules. PL1003/PL1004: model container (image, environment) -> endpoint config variant ->
/// instance type, reported at the variant's InstanceType. PL5002/PL5003: SageMaker scaling policies and targets.
/// </summary>
public sealed class SageMakerChecks : ITemplateCheck
{
    private const string ModelType = "AWS::SageMaker::Model";
    private const string EndpointConfigType = "AWS::SageMaker::EndpointConfig";
    private const string ScalableTargetType = "AWS::ApplicationAutoScaling::ScalableTarget";
    private const string ScalingPolicyType = "AWS::ApplicationAutoScaling::ScalingPolicy";

    public void Run(CheckContext context)
    {
        if (context.IsOn(RuleIds.ImageAcceleratorMismatch) || context.IsOn(RuleIds.ModelDoesNotFitAccelerator))
        {
            CheckModelsOnInstances(context);
        }

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

    private static void CheckModelsOnInstances(CheckContext context)
    {
        foreach (var config in context.OfType(EndpointConfigType))
        {
            foreach (var (path, variantNode) in PropertyPaths.Find(config.Properties, "ProductionVariants[]"))
            {
                if (variantNode is not JsonObjectNode variant || variant["InstanceType"] is not JsonNode instanceNode ||
                    context.String(config, instanceNode) is not string instanceType || Tokens.HasToken(instanceType))
                {
                    continue;
                }

                var model = FindModel(context, config, variant["ModelName"]);
                var container = model?.Properties?["PrimaryContainer"] as JsonObjectNode
                                ?? (model?.Properties?["Containers"] as JsonArrayNode)?.Items.FirstOrDefault() as JsonObjectNode;
                if (model == null || container == null)
                {
                    continue;
                }

                var image = context.String(model, container["Image"]) is string resolved ? Tokens.Display(resolved) : null;
                var environment = Environment(context, model, container["Environment"] as JsonObjectNode);
                var property = path + ".InstanceType";
                context.Report(AcceleratorImageRule.Evaluate(image, instanceType), config, instanceNode, property);
                context.Report(ModelFitRule.Evaluate(new ModelDeployment(null, instanceType, environment), context.Options, config.Stack.Region), config, instanceNode, property);
            }
        }
    }

    /// <summary>The model a variant names: by Ref/GetAtt (any stack, through imports), else by its literal ModelName.</summary>
    private static TemplateResource? FindModel(CheckContext context, TemplateResource config, JsonNode? modelName)
    {
        var referenced = context.Resolver.References(modelName, config.Stack).Select(r => r.Target).FirstOrDefault(t => t.Type == ModelType);
        if (referenced != null)
        {
            return referenced;
        }

        var name = context.String(config, modelName);
        return name == null ? null : context.OfType(ModelType).FirstOrDefault(m => context.String(m, m.Properties?["ModelName"]) == name);
    }

    private static Dictionary<string, string> Environment(CheckContext context, TemplateResource model, JsonObjectNode? environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in environment?.Properties ?? Array.Empty<JsonProperty>())
        {
            if (context.String(model, p.Value) is string v && !Tokens.HasToken(v))
            {
                values[p.Name] = v;
            }
        }

        return values;
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
