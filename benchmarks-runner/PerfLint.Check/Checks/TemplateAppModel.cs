using PerfLint.Check.Intrinsics;
using PerfLint.Check.Json;
using PerfLint.Check.Templates;
using PerfLint.Knowledge.App;

namespace PerfLint.Check.Checks;

/// <summary>Where a value is in a template: its resource, its JSON node and its dotted property path (null: the resource).</summary>
public sealed record TemplateWhere(TemplateResource Resource, JsonNode Node, string? Path);

/// <summary>
/// Knowledge's app model of a cloud assembly: every template resource, generically, its properties read on demand
/// through the intrinsic functions (<see cref="IntrinsicResolver"/>). A template shows every reference, so the model's
/// references are complete.
/// </summary>
public sealed class TemplateAppModel
{
    private readonly Dictionary<TemplateResource, AppResource> _resources = new();

    private TemplateAppModel(IntrinsicResolver resolver)
    {
        Resolver = resolver;
    }

    internal IntrinsicResolver Resolver { get; }

    /// <param name="connections">The connections between the model's resources, when a rule needs them.</param>
    public static AppModel Build(CloudAssemblyModel assembly, IntrinsicResolver resolver, Func<TemplateAppModel, IReadOnlyList<AppConnection>>? connections = null)
    {
        var model = new TemplateAppModel(resolver);
        foreach (var r in assembly.Resources)
        {
            var props = r.Properties is { } properties ? new TemplateValue(model, r, properties, null) : null;
            model._resources[r] = new AppResource(r.Type, isL1: true, () => CheckContext.ConstructId(r), r.ConstructPath, r.Stack.Name, r.Stack.Region,
                new TemplateWhere(r, r.Node["Type"] ?? r.Node, null), props);
        }

        // Step Functions tasks the app model knows as constructs (a SageMaker training job), read from the definitions.
        var tasks = new List<AppResource>();
        foreach (var machine in assembly.Resources)
        {
            foreach (var (type, state, parameters, shownAt, path) in StateMachineTasks.Of(machine, resolver))
            {
                // Shown at the definition string (or, written as an object, the task's parameters): a task has no place of its own.
                var props = new TemplateValue(model, machine, parameters, path, shownAt);
                tasks.Add(new AppResource(type, isL1: false, () => state, machine.ConstructPath, machine.Stack.Name, machine.Stack.Region,
                    new TemplateWhere(machine, shownAt, path), props));
            }
        }

        return new AppModel(model._resources.Values.Concat(tasks).ToList(), referencesComplete: true, connections?.Invoke(model)) { Display = Tokens.Display };
    }

    internal AppResource ResourceOf(TemplateResource resource) => _resources[resource];
}

/// <summary>A template value for the app model: members and items by JSON structure, strings, numbers and references resolved.</summary>
internal sealed class TemplateValue : IAppValue
{
    private readonly TemplateAppModel _model;
    private readonly TemplateResource _owner;
    private readonly JsonNode _node;
    private readonly string? _path;
    private readonly JsonNode? _shownAt;

    /// <param name="shownAt">Where every part of a value parsed out of a template string is shown (the string itself), or null.</param>
    public TemplateValue(TemplateAppModel model, TemplateResource owner, JsonNode node, string? path, JsonNode? shownAt = null)
    {
        _model = model;
        _owner = owner;
        _node = node;
        _path = path;
        _shownAt = shownAt;
    }

    public object? Where => new TemplateWhere(_owner, _shownAt ?? _node, _path);

    public bool IsKnown => _node is JsonObjectNode or JsonArrayNode || Strings().Count > 0;

    public IAppValue? Property(string name) =>
        _node is JsonObjectNode obj && obj[name] is { } child && child is not JsonScalarNode { Kind: JsonScalarKind.Null }
            ? new TemplateValue(_model, _owner, child, _shownAt != null ? _path : _path == null ? name : _path + "." + name, _shownAt)
            : null;

    public IReadOnlyList<IAppValue> Elements() =>
        _node is JsonArrayNode array
            ? array.Items.Select((item, i) => (IAppValue)new TemplateValue(_model, _owner, item, _shownAt != null ? _path : _path + "[" + i + "]", _shownAt)).ToList()
            : new IAppValue[] { this };

    /// <summary>The resolved string, unless only deploy time knows it (a parameter, an import, <c>Fn::If</c>).</summary>
    public IReadOnlyList<AppString> Strings() =>
        _model.Resolver.ResolveString(_node, _owner.Stack) is { } text && !Tokens.IsUnknown(text) ? new[] { new AppString(text, Where) } : Array.Empty<AppString>();

    public IReadOnlyList<AppNumber> Numbers() =>
        _model.Resolver.ResolveNumber(_node, _owner.Stack) is { } number ? new[] { new AppNumber(number, Where) } : Array.Empty<AppNumber>();

    public IReadOnlyList<AppResource> Resources() =>
        _model.Resolver.References(_node, _owner.Stack).Select(r => _model.ResourceOf(r.Target)).Distinct().ToList();
}
