using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.App;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>The connections of Knowledge's app model from the C# of a compilation: those <see cref="ConnectionFacts"/> finds, between resources of the model.</summary>
    internal static class KnowledgeConnections
    {
        public static List<AppConnection> Build(KnowledgeModel model) =>
            ConnectionFacts.Build(model.App)
                .Select(c => (c, Client: model.ResourceOf(c.Client), Server: model.ResourceOf(c.Server)))
                .Where(p => p.Client != null && p.Server != null)
                .Select(p => new AppConnection(p.Client!, p.Server!, p.c.Evidence, p.c.How, p.c.Detail is Flow detail ? new FlowAppValue(model, detail, null) : null))
                .ToList();
    }
}
