using PerfLint.Check.Templates;
using PerfLint.Knowledge.App;

namespace PerfLint.Check.Checks;

/// <summary>
/// The connections of the app model from the templates (<see cref="NetworkGraph"/>): a reference in one resource's
/// property to another (a security group it joins is membership, not a connection); a reference to a secret attached
/// to a database (<c>AWS::SecretsManager::SecretTargetAttachment</c>) also connects to that database; and each ingress
/// rule between two security groups connects their members, with the rule (its ports).
/// </summary>
internal static class TemplateConnections
{
    public static IReadOnlyList<AppConnection> Build(CheckContext context, TemplateAppModel model)
    {
        var graph = new NetworkGraph(context);
        var attachedTo = context.OfType("AWS::SecretsManager::SecretTargetAttachment")
            .Select(a => (Secret: Target(context, a, "SecretId"), Target: Target(context, a, "TargetId")))
            .Where(p => p.Secret != null && p.Target != null)
            .ToLookup(p => p.Secret!, p => p.Target!);
        var connections = new List<AppConnection>();
        foreach (var resource in context.Model.Resources)
        {
            foreach (var property in resource.Properties?.Properties ?? Enumerable.Empty<PerfLint.Json.JsonProperty>())
            {
                var where = new TemplateWhere(resource, property.Value, property.Name);
                foreach (var target in context.Resolver.References(property.Value, resource.Stack).Select(r => r.Target).Distinct())
                {
                    if (target == resource || target.Type == "AWS::EC2::SecurityGroup")
                    {
                        continue;
                    }

                    connections.Add(new AppConnection(model.ResourceOf(resource), model.ResourceOf(target), where, "reference"));
                    connections.AddRange(attachedTo[target].Select(db => new AppConnection(model.ResourceOf(resource), model.ResourceOf(db), where, "secret")));
                }
            }
        }

        foreach (var ingress in graph.AllIngress)
        {
            var rule = new TemplateValue(model, ingress.Owner, ingress.Rule, null);
            foreach (var client in graph.MembersOf(ingress.Source))
            {
                foreach (var server in graph.MembersOf(ingress.Target).Where(s => s != client))
                {
                    connections.Add(new AppConnection(model.ResourceOf(client), model.ResourceOf(server), new TemplateWhere(ingress.Owner, ingress.Rule, null), "ingress", rule));
                }
            }
        }

        return connections;
    }

    private static TemplateResource? Target(CheckContext context, TemplateResource resource, string property) =>
        context.Resolver.References(resource.Properties?[property], resource.Stack).Select(x => x.Target).FirstOrDefault();
}
