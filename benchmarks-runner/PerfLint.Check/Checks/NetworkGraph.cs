using PerfLint.Check.Intrinsics;
using PerfLint.Check.Json;
using PerfLint.Check.Templates;

namespace PerfLint.Check.Checks;

/// <summary>
/// The security groups of the app: their members and the ingress rules between groups (with ports), for the app
/// model's connections (<see cref="TemplateConnections"/>). Built once per run.
/// </summary>
public sealed class NetworkGraph
{
    private const string SecurityGroupType = "AWS::EC2::SecurityGroup";
    private readonly List<Ingress> _ingress = new();
    private readonly Dictionary<TemplateResource, HashSet<TemplateResource>> _members = new();
    private readonly CheckContext _context;

    public NetworkGraph(CheckContext context)
    {
        _context = context;
        foreach (var resource in context.Model.Resources)
        {
            var props = resource.Properties;
            if (props == null)
            {
                continue;
            }

            foreach (var p in props.Properties.Where(p => IsGroupProperty(p.Name) || p.Name == "VpcConfig" || p.Name == "NetworkInterfaces"))
            {
                foreach (var group in context.Resolver.References(p.Value, resource.Stack).Select(f => f.Target).Where(t => t.Type == SecurityGroupType))
                {
                    SetOf(_members, group).Add(resource);
                }
            }

            if (resource.Type == "AWS::EC2::SecurityGroupIngress")
            {
                AddIngress(resource, props);
            }
            else if (resource.Type == SecurityGroupType)
            {
                foreach (var rule in (props["SecurityGroupIngress"] as JsonArrayNode)?.Items.OfType<JsonObjectNode>() ?? Enumerable.Empty<JsonObjectNode>())
                {
                    AddIngress(resource, rule, resource);
                }
            }
        }
    }

    /// <summary>An allowed flow from members of <see cref="Source"/> to members of <see cref="Target"/> on ports From..To (null = any/unknown).</summary>
    public sealed record Ingress(TemplateResource Source, TemplateResource Target, JsonObjectNode Rule, TemplateResource Owner);

    /// <summary>Every ingress rule between two security groups.</summary>
    public IReadOnlyList<Ingress> AllIngress => _ingress;

    /// <summary>The resources in <paramref name="group"/>.</summary>
    public IReadOnlyCollection<TemplateResource> MembersOf(TemplateResource group) =>
        _members.TryGetValue(group, out var set) ? set : Array.Empty<TemplateResource>();

    private static HashSet<TemplateResource> SetOf(Dictionary<TemplateResource, HashSet<TemplateResource>> map, TemplateResource key)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new HashSet<TemplateResource>();
        }

        return set;
    }

    private void AddIngress(TemplateResource owner, JsonObjectNode rule, TemplateResource? target = null)
    {
        target ??= _context.Resolver.References(rule["GroupId"], owner.Stack).Select(r => r.Target).FirstOrDefault(t => t.Type == SecurityGroupType);
        var source = _context.Resolver.References(rule["SourceSecurityGroupId"], owner.Stack).Select(r => r.Target).FirstOrDefault(t => t.Type == SecurityGroupType);
        if (target != null && source != null)
        {
            _ingress.Add(new Ingress(source, target, rule, owner));
        }
    }

    private static bool IsGroupProperty(string name) =>
        name.Contains("SecurityGroup", StringComparison.OrdinalIgnoreCase) || name == "GroupSet";
}
