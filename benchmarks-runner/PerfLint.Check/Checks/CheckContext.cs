using PerfLint.Check.Config;
using PerfLint.Check.Findings;
using PerfLint.Check.Intrinsics;
using PerfLint.Check.Json;
using PerfLint.Check.Templates;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Checks;

/// <summary>What every template check needs: the app, the resolver, the settings, and where findings go.</summary>
public sealed class CheckContext
{
    private readonly Dictionary<string, List<TemplateResource>> _byType;

    public CheckContext(CloudAssemblyModel model, CheckSettings settings)
    {
        Model = model;
        Settings = settings;
        Resolver = new IntrinsicResolver(model);
        _byType = model.Resources.GroupBy(r => r.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public CloudAssemblyModel Model { get; }

    public CheckSettings Settings { get; }

    public RuleOptions Options => Settings.Options;

    public IntrinsicResolver Resolver { get; }

    public List<Finding> Findings { get; } = new();

    public IReadOnlyList<TemplateResource> OfType(string type) =>
        _byType.TryGetValue(type, out var list) ? list : Array.Empty<TemplateResource>();

    public string? String(TemplateResource resource, JsonNode? node) => Resolver.ResolveString(node, resource.Stack);

    /// <summary>Records a decision of the knowledge base at <paramref name="at"/> (the offending value), unless the rule is off.</summary>
    public void Report(RuleFinding? decision, TemplateResource resource, JsonNode? at, string? property, string? sourceProperty = null, IReadOnlyList<string>? equivalentMessages = null)
    {
        if (decision == null)
        {
            return;
        }

        var severity = Settings.Effective(decision.RuleId, decision.Severity);
        if (severity == null)
        {
            return;
        }

        var node = at ?? resource.Node;
        Findings.Add(new Finding(decision, severity.Value, resource, new SourcePosition(resource.Stack.TemplateFile, node.Line, node.Column), property) { SourceProperty = sourceProperty, EquivalentMessages = equivalentMessages ?? Array.Empty<string>() });
    }

    /// <summary>The construct id the analyzers use for a resource: the last segment of its construct path.</summary>
    public static string ConstructId(TemplateResource resource) => resource.ConstructPath[(resource.ConstructPath.LastIndexOf('/') + 1)..];

    /// <summary>False when the rule cannot produce a reported finding (saves work for rules that are off).</summary>
    public bool IsOn(string ruleId) => Settings.Effective(ruleId, RuleSeverity.Warning) != null;
}

/// <summary>One family of template rules.</summary>
public interface ITemplateCheck
{
    void Run(CheckContext context);
}
