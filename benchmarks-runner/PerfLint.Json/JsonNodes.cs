namespace PerfLint.Json;

/// <summary>
/// A JSON value with the 1-based line and column where it starts. System.Text.Json's JsonDocument keeps no positions,
/// and findings must point at the template line of the offending property.
/// </summary>
public abstract class JsonNode
{
    protected JsonNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}

public sealed class JsonObjectNode : JsonNode
{
    private readonly List<JsonProperty> _properties = new();

    public JsonObjectNode(int line, int column) : base(line, column)
    {
    }

    public IReadOnlyList<JsonProperty> Properties => _properties;

    internal void Add(JsonProperty property) => _properties.Add(property);

    /// <summary>The property of that exact name (CloudFormation names are case-sensitive), or null.</summary>
    public JsonProperty? Property(string name)
    {
        foreach (var p in _properties)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        return null;
    }

    public JsonNode? this[string name] => Property(name)?.Value;
}

/// <summary>One member of an object: its name, where the name is written, and its value.</summary>
public sealed record JsonProperty(string Name, int Line, int Column, JsonNode Value);

public sealed class JsonArrayNode : JsonNode
{
    private readonly List<JsonNode> _items = new();

    public JsonArrayNode(int line, int column) : base(line, column)
    {
    }

    public IReadOnlyList<JsonNode> Items => _items;

    internal void Add(JsonNode item) => _items.Add(item);
}

public enum JsonScalarKind
{
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A string, number, boolean or null. <see cref="Text"/> is the string value or the number as written.</summary>
public sealed class JsonScalarNode : JsonNode
{
    public JsonScalarNode(JsonScalarKind kind, string text, int line, int column) : base(line, column)
    {
        Kind = kind;
        Text = text;
    }

    public JsonScalarKind Kind { get; }

    public string Text { get; }
}
