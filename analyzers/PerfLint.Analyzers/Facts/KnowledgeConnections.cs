using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.App;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// The connections of Knowledge's app model from the wiring calls of a compilation: <c>distribution.AddBehavior(path,
    /// origin)</c> (the distribution fronts the buckets the origin mentions), each call under every call chain of its method.
    /// </summary>
    internal static class KnowledgeConnections
    {
        public static List<AppConnection> Build(KnowledgeModel model)
        {
            var app = model.App;
            var connections = new List<AppConnection>();
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
