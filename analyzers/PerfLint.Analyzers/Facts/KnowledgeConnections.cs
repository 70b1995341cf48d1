using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.App;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// The connections of Knowledge's app model from the C# of a compilation: those <see cref="ConnectionFacts"/> finds
    /// (security-group rules, grants, endpoints and secrets handed to functions), <c>distribution.AddBehavior(path, origin)</c>
    /// (the distribution fronts the buckets the origin mentions), and <c>db.AddProxy(..)</c> (the proxy targets the
    /// database), each call under every call chain of its method.
    /// </summary>
    internal static class KnowledgeConnections
    {
        public static List<AppConnection> Build(KnowledgeModel model)
        {
            var app = model.App;
            var connections = new List<AppConnection>();
            foreach (var c in ConnectionFacts.Build(app))
            {
                if (model.ResourceOf(c.Client) is AppResource client && model.ResourceOf(c.Server) is AppResource server)
                {
                    connections.Add(new AppConnection(client, server, c.Evidence, c.How));
                }
            }

            foreach (var node in app.OfKind(ConstructKind.DatabaseProxy).Where(p => p.Receiver != null))
            {
                foreach (var database in app.Identity(new Flow(node.Receiver!, node.Context)).Select(model.ResourceOf).OfType<AppResource>())
                {
                    connections.Add(new AppConnection(model.ResourceOf(node)!, database, node.Creation.Syntax.GetLocation(), "AddProxy"));
                }
            }

            foreach (var call in app.WiringCalls.Where(c => c.TargetMethod.Name == "AddBehavior" && c.Instance != null))
            {
                foreach (var context in app.ContextsOf(AppModel.OwnerOf(call)))
                {
                    foreach (var distribution in app.Identity(new Flow(call.Instance!, context)).Select(model.ResourceOf).OfType<AppResource>())
                    {
                        foreach (var origin in call.Arguments.SelectMany(a => app.Mentions(new Flow(a.Value, context))).Select(model.ResourceOf).OfType<AppResource>())
                        {
                            connections.Add(new AppConnection(distribution, origin, call.Syntax.GetLocation(), "AddBehavior"));
                        }
                    }
                }
            }

            return connections;
        }
    }
}
