using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Knowledge.App;
using AppModelOfKnowledge = PerfLint.Knowledge.App.AppModel;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// Builds the whole-app model of Knowledge from the constructs of a compilation: every construct whose CDK class is
    /// an L1 (<c>Cfn*</c>) or an L2 Knowledge knows becomes a resource of that CloudFormation type, its props read lazily
    /// through value flow (<see cref="FlowAppValue"/>), escape hatches merged in, and one created in a loop counts twice.
    /// </summary>
    internal sealed class KnowledgeModel
    {
        private readonly Dictionary<ConstructNode, AppResource> _resources = new Dictionary<ConstructNode, AppResource>();
        private readonly Dictionary<AppResource, ConstructNode> _constructs = new Dictionary<AppResource, ConstructNode>();

        private KnowledgeModel(AppModel app)
        {
            App = app;
        }

        public AppModel App { get; }

        /// <param name="model">The construct behind each resource (<see cref="IdLocation"/>: a finding about the resource itself goes on its construct id).</param>
        public static AppModelOfKnowledge Build(AppModel app, out KnowledgeModel model)
        {
            model = new KnowledgeModel(app);
            var regions = app.Cdk.StackRegions(app.CancellationToken);
            var hatches = model.EscapeHatchesByConstruct();
            var resources = new List<AppResource>();
            foreach (var node in app.Nodes)
            {
                if (node.CfnType == null)
                {
                    continue;
                }

                var where = node.Creation.Syntax.GetLocation();
                hatches.TryGetValue(node, out var hatch);
                var resource = new AppResource(node.CfnType, node.IsL1, () => node.Name, path: null, stack: null, regions.For(node.Creation.Syntax), where,
                    new FlowAppValue(model, node.PropsFlow, hatch, where), InLoop(node) ? 2 : 1,
                    node.Receiver == null ? null : new FlowAppValue(model, new Flow(node.Receiver, node.Context), null));
                model._resources[node] = resource;
                model._constructs[resource] = node;
                resources.Add(resource);
            }

            // C# can attach a resource in ways value flow does not follow: an unreferenced one may still be in use.
            return new AppModelOfKnowledge(resources, referencesComplete: false, KnowledgeConnections.Build(model));
        }

        /// <summary>Where a resource's construct id is written (what a finding names).</summary>
        public Location? IdLocation(AppResource resource) => _constructs.TryGetValue(resource, out var node) ? node.Location : null;

        public AppResource? ResourceOf(ConstructNode node) => _resources.TryGetValue(node, out var resource) ? resource : null;

        /// <summary>Escape hatches on each construct, in source order, under every call chain of the code that writes them.</summary>
        private Dictionary<ConstructNode, EscapeHatches> EscapeHatchesByConstruct()
        {
            var byNode = new Dictionary<ConstructNode, EscapeHatches>();
            void Write(IOperation instance, CallContext? context, IReadOnlyList<string> path, Flow value)
            {
                foreach (var node in App.Identity(new Flow(instance, context)))
                {
                    if (!byNode.TryGetValue(node, out var hatches))
                    {
                        byNode[node] = hatches = new EscapeHatches();
                    }

                    hatches.Write(path, value);
                }
            }

            foreach (var assignment in App.ConstructPropertyAssignments)
            {
                if (assignment.Target is IPropertyReferenceOperation property && property.Instance != null)
                {
                    foreach (var context in App.ContextsOf(AppModel.OwnerOf(assignment)))
                    {
                        Write(property.Instance, context, new[] { property.Property.Name }, new Flow(assignment.Value, context));
                    }
                }
            }

            foreach (var call in App.WiringCalls)
            {
                var name = call.TargetMethod.Name;
                if ((name == "AddPropertyOverride" || name == "AddOverride") && call.Instance != null && call.Arguments.Length >= 2)
                {
                    foreach (var context in App.ContextsOf(AppModel.OwnerOf(call)))
                    {
                        var path = App.SingleString(new Flow(call.Arguments[0].Value, context))?.Text;
                        const string Properties = "Properties.";
                        if (path != null && name == "AddOverride")
                        {
                            path = path.StartsWith(Properties, StringComparison.Ordinal) ? path.Substring(Properties.Length) : null;
                        }

                        if (!string.IsNullOrEmpty(path))
                        {
                            Write(call.Instance, context, path!.Split('.'), new Flow(call.Arguments[1].Value, context));
                        }
                    }
                }
            }

            return byNode;
        }

        /// <summary>Created in a loop of the method that creates it: at least two such resources.</summary>
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
