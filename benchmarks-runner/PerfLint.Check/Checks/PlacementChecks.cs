using PerfLint.Check.Json;
using PerfLint.Check.Templates;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Checks;

/// <summary>
/// PL2002: accelerated/HPC fleets without a cluster placement group. A fleet is an Auto Scaling group (its MaxSize
/// counts) or the stand-alone instances of one instance type in one stack (what a helper loop creates).
/// </summary>
public sealed class PlacementChecks : ITemplateCheck
{
    public void Run(CheckContext context)
    {
        if (!context.IsOn(RuleIds.FleetWithoutClusterPlacementGroup))
        {
            return;
        }

        foreach (var group in context.OfType("AWS::AutoScaling::AutoScalingGroup"))
        {
            CheckAutoScalingGroup(context, group);
        }

        var standalone = context.OfType("AWS::EC2::Instance")
            .Select(i => (Instance: i, Node: i.Properties?["InstanceType"], Type: context.String(i, i.Properties?["InstanceType"])))
            .Where(i => i.Type != null && PlacementRule.NeedsClusterPlacement(i.Type) && !InClusterGroup(context, i.Instance, i.Instance.Properties?["PlacementGroupName"]))
            .GroupBy(i => (i.Instance.Stack, i.Type));
        foreach (var fleet in standalone)
        {
            var members = fleet.ToList();
            foreach (var member in members)
            {
                context.Report(PlacementRule.Evaluate(member.Type, members.Count, hasClusterPlacementGroup: false, context.Options), member.Instance, member.Node, "InstanceType");
            }
        }
    }

    private static void CheckAutoScalingGroup(CheckContext context, TemplateResource group)
    {
        var props = group.Properties;
        var launchTemplate = context.Resolver.References((props?["LaunchTemplate"] as JsonObjectNode)?["LaunchTemplateId"] ?? (props?["LaunchTemplate"] as JsonObjectNode)?["LaunchTemplateName"]
                                                         ?? ((props?["MixedInstancesPolicy"] as JsonObjectNode)?["LaunchTemplate"] as JsonObjectNode)?["LaunchTemplateSpecification"], group.Stack)
            .Select(r => r.Target).FirstOrDefault(t => t.Type == "AWS::EC2::LaunchTemplate");
        var launchConfiguration = context.Resolver.References(props?["LaunchConfigurationName"], group.Stack)
            .Select(r => r.Target).FirstOrDefault(t => t.Type == "AWS::AutoScaling::LaunchConfiguration");
        var data = launchTemplate?.Properties?["LaunchTemplateData"] as JsonObjectNode;
        var source = launchTemplate ?? launchConfiguration;
        var typeNode = launchTemplate != null ? data?["InstanceType"] : launchConfiguration?.Properties?["InstanceType"];
        var instanceType = source == null ? null : context.String(source, typeNode);
        var maxSize = context.Resolver.ResolveNumber(props?["MaxSize"], group.Stack);
        if (instanceType == null || maxSize == null)
        {
            return;
        }

        var clustered = InClusterGroup(context, group, props?["PlacementGroup"]) ||
                        (launchTemplate != null && InClusterGroup(context, launchTemplate, (data?["Placement"] as JsonObjectNode)?["GroupName"]));
        context.Report(PlacementRule.Evaluate(instanceType, (int)maxSize.Value, clustered, context.Options), group, props?["MaxSize"], "MaxSize", sourceProperty: "InstanceType");
    }

    /// <summary>Does the value name a placement group with strategy "cluster" (by reference or by its GroupName)?</summary>
    private static bool InClusterGroup(CheckContext context, TemplateResource owner, JsonNode? groupNode)
    {
        if (groupNode == null)
        {
            return false;
        }

        var referenced = context.Resolver.References(groupNode, owner.Stack).Select(r => r.Target).FirstOrDefault(t => t.Type == "AWS::EC2::PlacementGroup");
        if (referenced != null)
        {
            return context.String(referenced, referenced.Properties?["Strategy"]) == "cluster";
        }

        // A name of a group created elsewhere: PerfLint cannot see its strategy, so give the benefit of the doubt.
        return context.String(owner, groupNode) != null;
    }
}
