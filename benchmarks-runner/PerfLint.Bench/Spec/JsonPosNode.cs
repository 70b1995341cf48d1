using System.Text.Json;

namespace PerfLint.Bench.Spec;

/// <summary>Source position (1-based) of a JSON token in the spec file.</summary>
public readonly record struct SourcePos(int Line, int Column);

/// <summary>
/// A tiny JSON tree that remembers where every value and every property name starts, so that spec errors and missed
/// budgets can point at the exact key (System.Text.Json's DOM keeps no positions).
/// </summary>
public sealed class JsonPosNode
{
    public JsonValueKind Kind { get; init; }
    public SourcePos Pos { get; init; }
    /// <summary>For object properties: where the property name starts (the key budgets report).</summary>
    public SourcePos KeyPos { get; set; }
    public string? String { get; init; }
    public double Number { get; init; }
    public bool Bool => Kind == JsonValueKind.True;
    public List<KeyValuePair<string, JsonPosNode>> Properties { get; } = new();
    public List<JsonPosNode> Items { get; } = new();

    public JsonPosNode? this[string name] =>
        Properties.FirstOrDefault(p => p.Key == name).Value;

    public string KindName => Kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a value",
    };
}
