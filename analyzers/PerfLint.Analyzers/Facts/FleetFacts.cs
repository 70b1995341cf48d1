using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>A group of EC2 instances of one type: an Auto Scaling group, or standalone instances of the same type.</summary>
    public sealed class Fleet
    {
        public Fleet(ConstructNode node, FactValue instanceType, int instanceCount, bool? inClusterPlacementGroup)
        {
            Node = node;
            InstanceType = instanceType;
            InstanceCount = instanceCount;
            InClusterPlacementGroup = inClusterPlacementGroup;
        }

        public ConstructNode Node { get; }

        public FactValue InstanceType { get; }

        /// <summary>The most instances the group can run (for standalone instances: how many of that type).</summary>
        public int InstanceCount { get; set; }

        /// <summary>True: in a placement group that is (or may be) a cluster one; false: none, or a spread/partition one.</summary>
        public bool? InClusterPlacementGroup { get; }
    }

    /// <summary>
    /// EC2 fleets (PL2002). Auto Scaling groups: instance type from the props or their launch template, size from
    /// Min/Max/DesiredCapacity (L2, default 1) or MinSize/MaxSize/DesiredCapacity (L1), placement from the L1
    /// <c>PlacementGroup</c>, an escape hatch (<c>cfnAsg.PlacementGroup = ..</c>, <c>AddPropertyOverride("PlacementGroup", ..)</c>)
    /// or the launch template's <c>Placement.GroupName</c>. Standalone EC2 instances: grouped by instance type; one
    /// created in a loop counts as two. A placement group whose strategy is not a readable CLUSTER is not a cluster one
    /// only when the strategy reads as something else.
    /// </summary>
    public static class FleetFacts
    {
        public static IReadOnlyList<Fleet> Build(AppModel app)
        {
            var fleets = new List<Fleet>();
            foreach (var group in app.OfKind(ConstructKind.AutoScalingGroup))
            {
                var templates = LaunchTemplates(app, group);
                var type = app.SingleString(app.Prop(group, "InstanceType")) ??
                           templates.Select(t => app.SingleString(app.Prop(t, "InstanceType")) ?? app.SingleString(app.Prop(app.Prop(t, "LaunchTemplateData"), "InstanceType")))
                               .FirstOrDefault(v => v != null);
                var count = GroupSize(app, group);
                if (type?.Text == null || count == null)
                {
                    continue;
                }

                var placement = Placement(app, app.Prop(group, "PlacementGroup"))
                                ?? EscapeHatchPlacement(app, group)
                                ?? templates.Select(t => Placement(app, app.Prop(app.Prop(app.Prop(t, "LaunchTemplateData"), "Placement"), "GroupName"))).FirstOrDefault(p => p != null);
                fleets.Add(new Fleet(group, type, count.Value, placement));
            }

            var standalone = new List<Fleet>();
            foreach (var instance in app.OfKind(ConstructKind.Ec2Instance))
            {
                var type = app.SingleString(app.Prop(instance, "InstanceType"));
                if (type?.Text == null)
                {
                    continue;
                }

                var placement = Placement(app, app.Prop(instance, "PlacementGroup") ?? app.Prop(instance, "PlacementGroupName"));
                standalone.Add(new Fleet(instance, type, InLoop(instance) ? 2 : 1, placement));
            }

            // Standalone instances of one type without a cluster placement group form one fleet.
            foreach (var byType in standalone.Where(f => f.InClusterPlacementGroup != true).GroupBy(f => f.InstanceType.Text, StringComparer.OrdinalIgnoreCase))
            {
                var total = byType.Sum(f => f.InstanceCount);
                foreach (var fleet in byType)
                {
                    fleet.InstanceCount = total;
                    fleets.Add(fleet);
                }
            }

            return fleets;
        }

        /// <summary>
        /// True when some cluster (or unknown-strategy) placement group is referenced by no instance, group or launch
        /// template PerfLint can see: it may be attached in a way PerfLint cannot follow, so fleets may be in it.
        /// </summary>
        public static bool HasUnlinkedClusterGroup(AppModel app)
        {
            var linked = new HashSet<ConstructNode>();
            foreach (var node in app.Nodes.Where(n => n.Kind == ConstructKind.AutoScalingGroup || n.Kind == ConstructKind.Ec2Instance || n.Kind == ConstructKind.LaunchTemplate))
            {
                var values = new[]
                {
                    app.Prop(node, "PlacementGroup"), app.Prop(node, "PlacementGroupName"),
                    app.Prop(app.Prop(app.Prop(node, "LaunchTemplateData"), "Placement"), "GroupName"),
                };
                foreach (var value in values.Where(v => v != null))
                {
                    linked.UnionWith(app.Mentions(value!.Value).Where(n => n.Kind == ConstructKind.PlacementGroup));
                }
            }

            foreach (var assignment in app.ConstructPropertyAssignments)
            {
                if (assignment.Target is Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation p && p.Property.Name == "PlacementGroup")
                {
                    foreach (var context in app.ContextsOf(AppModel.OwnerOf(assignment)))
                    {
                        linked.UnionWith(app.Mentions(new Flow(assignment.Value, context)).Where(n => n.Kind == ConstructKind.PlacementGroup));
                    }
                }
            }

            foreach (var call in app.WiringCalls.Where(c => c.TargetMethod.Name == "AddPropertyOverride" || c.TargetMethod.Name == "AddOverride"))
            {
                foreach (var context in app.ContextsOf(AppModel.OwnerOf(call)))
                {
                    linked.UnionWith(app.Mentions(new Flow(call, context)).Where(n => n.Kind == ConstructKind.PlacementGroup));
                }
            }

            return app.OfKind(ConstructKind.PlacementGroup).Any(g => !linked.Contains(g) && IsCluster(app, g) != false);
        }

        private static IReadOnlyList<ConstructNode> LaunchTemplates(AppModel app, ConstructNode group)
        {
            var value = app.Prop(group, "LaunchTemplate");
            return value == null ? Array.Empty<ConstructNode>() : app.Mentions(value.Value).Where(n => n.Kind == ConstructKind.LaunchTemplate).ToList();
        }

        private static int? GroupSize(AppModel app, ConstructNode group)
        {
            var names = group.IsL1 ? new[] { "MinSize", "MaxSize", "DesiredCapacity" } : new[] { "MinCapacity", "MaxCapacity", "DesiredCapacity" };
            int? max = null;
            foreach (var name in names)
            {
                var property = app.Prop(group, name);
                if (property == null)
                {
                    continue;
                }

                var values = app.Values(property);
                if (values.Count == 0)
                {
                    // A size PerfLint cannot read (a parameter, a computed value): the fleet's size is unknown.
                    return null;
                }

                foreach (var v in values)
                {
                    var n = v.Value.Number ?? (double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : (double?)null);
                    if (n.HasValue)
                    {
                        max = Math.Max(max ?? 0, (int)Math.Min(n.Value, int.MaxValue));
                    }
                }
            }

            return max ?? (group.IsL1 ? (int?)null : 1);
        }

        /// <summary>null: no placement group; true: a cluster one or one PerfLint cannot read; false: a spread/partition one.</summary>
        private static bool? Placement(AppModel app, Flow? value)
        {
            if (value == null)
            {
                return null;
            }

            var groups = app.Mentions(value.Value).Where(n => n.Kind == ConstructKind.PlacementGroup).ToList();
            if (groups.Count == 0)
            {
                // A name PerfLint cannot link (PlacementGroup.FromPlacementGroupName, a string): match by name, else assume cluster.
                var names = app.Strings(value).Select(v => v.Text).ToList();
                groups = app.OfKind(ConstructKind.PlacementGroup)
                    .Where(g => names.Contains(app.SingleString(app.Prop(g, "PlacementGroupName"))?.Text, StringComparer.Ordinal))
                    .ToList();
                if (groups.Count == 0)
                {
                    return true;
                }
            }

            return groups.Any(g => IsCluster(app, g) != false);
        }

        private static bool? EscapeHatchPlacement(AppModel app, ConstructNode group)
        {
            foreach (var assignment in app.ConstructPropertyAssignments)
            {
                if (assignment.Target is Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation property && property.Property.Name == "PlacementGroup" && property.Instance != null)
                {
                    foreach (var context in app.ContextsOf(AppModel.OwnerOf(assignment)))
                    {
                        if (app.Identity(new Flow(property.Instance, context)).Contains(group))
                        {
                            return Placement(app, new Flow(assignment.Value, context));
                        }
                    }
                }
            }

            foreach (var call in app.WiringCalls)
            {
                if ((call.TargetMethod.Name == "AddPropertyOverride" || call.TargetMethod.Name == "AddOverride") && call.Instance != null && call.Arguments.Length >= 2)
                {
                    foreach (var context in app.ContextsOf(AppModel.OwnerOf(call)))
                    {
                        var path = app.SingleString(new Flow(call.Arguments[0].Value, context))?.Text;
                        if (path != null && path.EndsWith("PlacementGroup", StringComparison.Ordinal) &&
                            app.Identity(new Flow(call.Instance, context)).Contains(group))
                        {
                            return Placement(app, new Flow(call.Arguments[1].Value, context));
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>True for strategy CLUSTER/"cluster", false for another readable strategy, null when unknown.</summary>
        private static bool? IsCluster(AppModel app, ConstructNode group)
        {
            var values = app.Values(app.Prop(group, "Strategy"));
            if (values.Count == 0)
            {
                return null;
            }

            return values.Any(v => string.Equals(v.Value.MemberName ?? v.Text, "cluster", StringComparison.OrdinalIgnoreCase));
        }

        private static bool InLoop(ConstructNode node)
        {
            for (var syntax = node.Creation.Syntax.Parent; syntax != null; syntax = syntax.Parent)
            {
                switch (syntax.Kind())
                {
                    case SyntaxKind.ForStatement: case SyntaxKind.ForEachStatement: case SyntaxKind.WhileStatement: case SyntaxKind.DoStatement:
                        return true;
                    case SyntaxKind.MethodDeclaration: case SyntaxKind.ConstructorDeclaration: case SyntaxKind.ParenthesizedLambdaExpression: case SyntaxKind.SimpleLambdaExpression:
                        return false;
                }
            }

            return false;
        }
    }
}
