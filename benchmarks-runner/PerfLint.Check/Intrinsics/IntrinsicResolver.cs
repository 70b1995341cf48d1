using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PerfLint.Check.Json;
using PerfLint.Check.Templates;

namespace PerfLint.Check.Intrinsics;

/// <summary>
/// Resolves the CloudFormation intrinsic functions that connect resources: <c>Ref</c>, <c>Fn::GetAtt</c>,
/// <c>Fn::Join</c>, <c>Fn::Sub</c>, <c>Fn::Select</c>/<c>Fn::GetAZs</c>/<c>Fn::Split</c>, <c>Fn::FindInMap</c> and
/// <c>Fn::ImportValue</c> across stacks. What is only known at deploy time becomes a token (see <see cref="Tokens"/>),
/// so that two values are equal exactly when they name the same thing.
/// </summary>
public sealed class IntrinsicResolver
{
    private const int MaxDepth = 32;
    private static readonly Regex SubVariable = new(@"\$\{([^}]+)\}", RegexOptions.Compiled);
    private readonly Dictionary<string, (StackTemplate Stack, JsonNode Value)> _exports = new(StringComparer.Ordinal);

    public IntrinsicResolver(CloudAssemblyModel model)
    {
        foreach (var stack in model.Stacks)
        {
            foreach (var output in stack.Section("Outputs")?.Properties ?? Array.Empty<JsonProperty>())
            {
                if (output.Value is JsonObjectNode body && body["Value"] is JsonNode value &&
                    (body["Export"] as JsonObjectNode)?["Name"] is JsonNode exportName &&
                    ResolveString(exportName, stack) is string name && !Tokens.HasToken(name))
                {
                    _exports[name] = (stack, value);
                }
            }
        }
    }

    public string? ResolveString(JsonNode? node, StackTemplate stack) => ResolveString(node, stack, 0);

    public double? ResolveNumber(JsonNode? node, StackTemplate stack)
    {
        var text = ResolveString(node, stack);
        return text != null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public IReadOnlyList<string>? ResolveList(JsonNode? node, StackTemplate stack) => ResolveList(node, stack, 0);

    /// <summary>The resources a value refers to (Ref, GetAtt, Sub variables), following Fn::ImportValue into the exporting stack.</summary>
    public List<ResourceReference> References(JsonNode? node, StackTemplate stack)
    {
        var found = new List<ResourceReference>();
        CollectReferences(node, stack, found, 0);
        return found;
    }

    private string? ResolveString(JsonNode? node, StackTemplate stack, int depth)
    {
        if (node == null || depth > MaxDepth)
        {
            return null;
        }

        switch (node)
        {
            case JsonScalarNode { Kind: JsonScalarKind.Null }:
                return null;
            case JsonScalarNode scalar:
                return scalar.Text;
            case JsonObjectNode { Properties.Count: 1 } fn:
                return ResolveFunction(fn.Properties[0].Name, fn.Properties[0].Value, stack, depth + 1);
            default:
                return null;
        }
    }

    private string? ResolveFunction(string name, JsonNode args, StackTemplate stack, int depth)
    {
        switch (name)
        {
            case "Ref":
                return ResolveRef(Text(args), stack, depth);
            case "Fn::GetAtt":
                var (target, attribute) = GetAttArguments(args, stack, depth);
                return target == null || attribute == null ? null : Tokens.GetAtt(stack, target, attribute);
            case "Fn::Join":
                if (args is JsonArrayNode { Items.Count: 2 } join && ResolveList(join.Items[1], stack, depth) is { } parts)
                {
                    return string.Join(ResolveString(join.Items[0], stack, depth) ?? string.Empty, parts);
                }

                return null;
            case "Fn::Sub":
                return ResolveSub(args, stack, depth);
            case "Fn::Select":
                if (args is JsonArrayNode { Items.Count: 2 } select &&
                    int.TryParse(ResolveString(select.Items[0], stack, depth), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) &&
                    ResolveList(select.Items[1], stack, depth) is { } list && index >= 0 && index < list.Count)
                {
                    return list[index];
                }

                return Tokens.Unknown;
            case "Fn::ImportValue":
                var exportName = ResolveString(args, stack, depth);
                return exportName != null && _exports.TryGetValue(exportName, out var export)
                    ? ResolveString(export.Value, export.Stack, depth)
                    : Tokens.Import(exportName ?? "?");
            case "Fn::FindInMap":
                return FindInMap(args, stack, depth) is JsonNode mapped ? ResolveString(mapped, stack, depth) : Tokens.Unknown;
            case "Fn::Base64":
                return ResolveString(args, stack, depth);
            default:
                // Fn::If, Fn::GetAZs as a string, Fn::Cidr, ...: known only at deploy time.
                return Tokens.Unknown;
        }
    }

    private string? ResolveRef(string? name, StackTemplate stack, int depth)
    {
        if (name == null)
        {
            return null;
        }

        if (name.StartsWith("AWS::", StringComparison.Ordinal))
        {
            return Tokens.Pseudo(name);
        }

        if (stack.ByLogicalId.ContainsKey(name))
        {
            return Tokens.Ref(stack, name);
        }

        if ((stack.Section("Parameters")?[name] as JsonObjectNode)?["Default"] is JsonNode defaultValue)
        {
            return ResolveString(defaultValue, stack, depth + 1);
        }

        return Tokens.Parameter(stack, name);
    }

    private string? ResolveSub(JsonNode args, StackTemplate stack, int depth)
    {
        string? template;
        JsonObjectNode? variables = null;
        if (args is JsonArrayNode { Items.Count: 2 } withMap)
        {
            template = Text(withMap.Items[0]);
            variables = withMap.Items[1] as JsonObjectNode;
        }
        else
        {
            template = Text(args);
        }

        if (template == null)
        {
            return null;
        }

        return SubVariable.Replace(template, m =>
        {
            var variable = m.Groups[1].Value;
            if (variable.StartsWith('!'))
            {
                return "${" + variable[1..] + "}";
            }

            if (variables?[variable] is JsonNode value)
            {
                return ResolveString(value, stack, depth + 1) ?? Tokens.Unknown;
            }

            var dot = variable.IndexOf('.');
            if (dot > 0 && stack.ByLogicalId.ContainsKey(variable[..dot]))
            {
                return Tokens.GetAtt(stack, variable[..dot], variable[(dot + 1)..]);
            }

            return ResolveRef(variable, stack, depth + 1) ?? Tokens.Unknown;
        });
    }

    private IReadOnlyList<string>? ResolveList(JsonNode? node, StackTemplate stack, int depth)
    {
        if (node == null || depth > MaxDepth)
        {
            return null;
        }

        if (node is JsonArrayNode array)
        {
            return array.Items.Select(i => ResolveString(i, stack, depth + 1) ?? Tokens.Unknown).ToList();
        }

        if (node is JsonObjectNode { Properties.Count: 1 } fn)
        {
            var (name, args) = (fn.Properties[0].Name, fn.Properties[0].Value);
            switch (name)
            {
                case "Fn::GetAZs":
                    // Unknown until deploy, but index i always names the same AZ of that region.
                    var region = ResolveString(args, stack, depth + 1);
                    region = string.IsNullOrEmpty(region) ? Tokens.Pseudo("AWS::Region") : region;
                    return Enumerable.Range(0, 6).Select(i => Tokens.AvailabilityZone(region, i)).ToList();
                case "Fn::Split":
                    if (args is JsonArrayNode { Items.Count: 2 } split && ResolveString(split.Items[0], stack, depth + 1) is { Length: > 0 } delimiter &&
                        ResolveString(split.Items[1], stack, depth + 1) is string whole)
                    {
                        return whole.Split(delimiter);
                    }

                    return null;
                case "Ref" when (Text(args) is string parameter && (stack.Section("Parameters")?[parameter] as JsonObjectNode)?["Default"] is JsonNode d):
                    return ResolveString(d, stack, depth + 1)?.Split(',').Select(s => s.Trim()).ToList();
                case "Fn::FindInMap":
                    return FindInMap(args, stack, depth + 1) is JsonNode mapped ? ResolveList(mapped, stack, depth + 1) : null;
            }
        }

        return ResolveString(node, stack, depth + 1) is string single ? new[] { single } : null;
    }

    private JsonNode? FindInMap(JsonNode args, StackTemplate stack, int depth)
    {
        if (args is not JsonArrayNode { Items.Count: >= 3 } a)
        {
            return null;
        }

        var map = ResolveString(a.Items[0], stack, depth);
        var top = ResolveString(a.Items[1], stack, depth);
        var second = ResolveString(a.Items[2], stack, depth);
        if (map == null || top == null || second == null)
        {
            return null;
        }

        return ((stack.Section("Mappings")?[map] as JsonObjectNode)?[top] as JsonObjectNode)?[second];
    }

    private (string? Target, string? Attribute) GetAttArguments(JsonNode args, StackTemplate stack, int depth)
    {
        if (args is JsonArrayNode { Items.Count: 2 } pair)
        {
            return (Text(pair.Items[0]), ResolveString(pair.Items[1], stack, depth));
        }

        // YAML-style "Logical.Attr" string form.
        var text = Text(args);
        var dot = text?.IndexOf('.') ?? -1;
        return dot > 0 ? (text![..dot], text[(dot + 1)..]) : (null, null);
    }

    private void CollectReferences(JsonNode? node, StackTemplate stack, List<ResourceReference> found, int depth)
    {
        if (node == null || depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonArrayNode array:
                foreach (var item in array.Items)
                {
                    CollectReferences(item, stack, found, depth + 1);
                }

                break;
            case JsonObjectNode obj:
                if (obj.Properties.Count == 1 && IsFunction(obj.Properties[0].Name))
                {
                    CollectFunctionReferences(obj.Properties[0].Name, obj.Properties[0].Value, stack, found, depth);
                    return;
                }

                foreach (var p in obj.Properties)
                {
                    CollectReferences(p.Value, stack, found, depth + 1);
                }

                break;
        }
    }

    private void CollectFunctionReferences(string name, JsonNode args, StackTemplate stack, List<ResourceReference> found, int depth)
    {
        switch (name)
        {
            case "Ref":
                if (Text(args) is string id && stack.ByLogicalId.TryGetValue(id, out var byRef))
                {
                    found.Add(new ResourceReference(byRef, null));
                }

                return;
            case "Fn::GetAtt":
                var (target, attribute) = GetAttArguments(args, stack, depth);
                if (target != null && stack.ByLogicalId.TryGetValue(target, out var byAtt))
                {
                    found.Add(new ResourceReference(byAtt, attribute));
                }

                return;
            case "Fn::Sub":
                var template = args is JsonArrayNode { Items.Count: 2 } withMap ? Text(withMap.Items[0]) : Text(args);
                foreach (Match m in SubVariable.Matches(template ?? string.Empty))
                {
                    var variable = m.Groups[1].Value;
                    var dot = variable.IndexOf('.');
                    var logical = dot > 0 ? variable[..dot] : variable;
                    if (stack.ByLogicalId.TryGetValue(logical, out var bySub))
                    {
                        found.Add(new ResourceReference(bySub, dot > 0 ? variable[(dot + 1)..] : null));
                    }
                }

                if (args is JsonArrayNode { Items.Count: 2 } subArgs)
                {
                    CollectReferences(subArgs.Items[1], stack, found, depth + 1);
                }

                return;
            case "Fn::ImportValue":
                if (ResolveString(args, stack, depth) is string exportName && _exports.TryGetValue(exportName, out var export))
                {
                    CollectReferences(export.Value, export.Stack, found, depth + 1);
                }

                return;
            default:
                CollectReferences(args, stack, found, depth + 1);
                return;
        }
    }

    private static bool IsFunction(string name) => name == "Ref" || name.StartsWith("Fn::", StringComparison.Ordinal);

    private static string? Text(JsonNode? node) => node is JsonScalarNode { Kind: JsonScalarKind.String } s ? s.Text : null;
}

/// <summary>A value's reference to a resource, with the attribute for Fn::GetAtt.</summary>
public sealed record ResourceReference(TemplateResource Target, string? Attribute);

/// <summary>
/// Placeholders for values known only at deploy time. They carry the identity of what they stand for, so the same
/// resource attribute reached through different stacks (Fn::ImportValue) gives the same token.
/// </summary>
public static class Tokens
{
    public const string Unknown = "{{?}}";

    public static string Ref(StackTemplate stack, string logicalId) => "{{ref:" + stack.Name + "|" + logicalId + "}}";

    public static string GetAtt(StackTemplate stack, string logicalId, string attribute) => "{{att:" + stack.Name + "|" + logicalId + "." + attribute + "}}";

    public static string Pseudo(string name) => "{{" + name + "}}";

    public static string Parameter(StackTemplate stack, string name) => "{{param:" + stack.Name + "|" + name + "}}";

    public static string Import(string exportName) => "{{import:" + exportName + "}}";

    /// <summary>Zone <paramref name="index"/> of <paramref name="region"/> (<c>Fn::Select</c> over <c>Fn::GetAZs</c>), as Knowledge compares and words it.</summary>
    public static string AvailabilityZone(string region, int index) => PerfLint.Knowledge.App.Rules.AvailabilityZones.Indexed(region, index);

    public static bool HasToken(string value) => value.Contains("{{", StringComparison.Ordinal) && !value.Contains("{{resolve:", StringComparison.Ordinal);

    public static bool IsUnknown(string value) => value.Contains(Unknown, StringComparison.Ordinal) || value.Contains("{{import:", StringComparison.Ordinal) || value.Contains("{{param:", StringComparison.Ordinal);

    /// <summary>Readable text for messages: tokens become CloudFormation-like placeholders.</summary>
    public static string Display(string value)
    {
        var sb = new StringBuilder(value);
        return Regex.Replace(sb.ToString(), @"\{\{(?:ref|att):[^|}]*\|([^}]*)\}\}", "${$1}").Replace("{{", "${").Replace("}}", "}");
    }
}
