using PerfLint.Check.Intrinsics;
using PerfLint.Check.Json;
using PerfLint.Check.Templates;

namespace PerfLint.Check.Checks;

/// <summary>
/// How resources are connected in the app: security-group membership, ingress rules between groups (with ports),
/// and direct references (one's Ref/GetAtt inside the other's properties or environment). Built once per run.
/// </summary>
public sealed class NetworkGraph
{
    private const string SecurityGroupType = "AWS::EC2::SecurityGroup";
    private readonly Dictionary<TemplateResource, HashSet<TemplateResource>> _groupsOf = new();
    private readonly List<Ingress> _ingress = new();
    private readonly Dictionary<TemplateResource, List<Ingress>> _ingressByGroup = new();
    private readonly Dictionary<TemplateResource, List<ResourceReference>> _references = new();
    private readonly Dictionary<TemplateResource, HashSet<TemplateResource>> _referrers = new();
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

            var references = new List<ResourceReference>();
            foreach (var p in props.Properties)
            {
                var found = context.Resolver.References(p.Value, resource.Stack);
                if (IsGroupProperty(p.Name) || p.Name == "VpcConfig" || p.Name == "NetworkInterfaces")
                {
                    foreach (var group in found.Select(f => f.Target).Where(t => t.Type == SecurityGroupType))
                    {
                        ((HashSet<TemplateResource>)GroupsOf(resource)).Add(group);
                        SetOf(_members, group).Add(resource);
                    }
                }

                references.AddRange(found);
            }

            _references[resource] = references;
            foreach (var reference in references)
            {
                SetOf(_referrers, reference.Target).Add(resource);
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

    public IReadOnlyCollection<TemplateResource> GroupsOf(TemplateResource resource)
    {
        if (!_groupsOf.TryGetValue(resource, out var set))
        {
            _groupsOf[resource] = set = new HashSet<TemplateResource>();
        }

        return set;
    }

    public IReadOnlyList<ResourceReference> ReferencesOf(TemplateResource resource) =>
        _references.TryGetValue(resource, out var list) ? list : Array.Empty<ResourceReference>();

    /// <summary>Every resource connected to <paramref name="resource"/>: referenced, referring, or reachable through an ingress rule either way.</summary>
    public HashSet<TemplateResource> Neighbors(TemplateResource resource)
    {
        var result = new HashSet<TemplateResource>(ReferencesOf(resource).Select(r => r.Target));
        if (_referrers.TryGetValue(resource, out var referrers))
        {
            result.UnionWith(referrers);
        }

        var groups = GroupsOf(resource);
        if (groups.Count > 0)
        {
            foreach (var ingress in groups.SelectMany(IngressOf))
            {
                var other = groups.Contains(ingress.Source) ? ingress.Target : groups.Contains(ingress.Target) ? ingress.Source : null;
                if (other != null && _members.TryGetValue(other, out var members))
                {
                    result.UnionWith(members);
                }
            }
        }

        result.Remove(resource);
        return result;
    }

    private IReadOnlyList<Ingress> IngressOf(TemplateResource group) =>
        _ingressByGroup.TryGetValue(group, out var list) ? list : Array.Empty<Ingress>();

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
            var ingress = new Ingress(source, target, rule, owner);
            _ingress.Add(ingress);
            foreach (var group in new[] { source, target }.Distinct())
            {
                if (!_ingressByGroup.TryGetValue(group, out var list))
                {
                    _ingressByGroup[group] = list = new List<Ingress>();
                }

                list.Add(ingress);
            }
        }
    }

    private static bool IsGroupProperty(string name) =>
        name.Contains("SecurityGroup", StringComparison.OrdinalIgnoreCase) || name == "GroupSet";
}
