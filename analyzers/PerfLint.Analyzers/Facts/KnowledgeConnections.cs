using System.Collections.Generic;
using PerfLint.Knowledge.App;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>The connections of Knowledge's app model from the C# of a compilation: those <see cref="ConnectionFacts"/> finds, between resources of the model.</summary>
    internal static class KnowledgeConnections
    {
        public static List<AppConnection> Build(KnowledgeModel model)
        {
            var connections = new List<AppConnection>();
            foreach (var connection in ConnectionFacts.Build(model.App))
            {
                var client = model.ResourceOf(connection.Client);
                var server = model.ResourceOf(connection.Server);
                if (client != null && server != null)
                {
                    connections.Add(new AppConnection(client, server, connection.Evidence, connection.How,
                        connection.Detail is Flow detail ? new FlowAppValue(model, detail, null) : null));
                }
            }

            return connections;
        }
    }
}
