using System.Globalization;
using System.Text.Json;
using PerfLint.Json;

namespace PerfLint.Bench.Spec;

/// <summary>
/// Reads a spec file with the shared positioned parser (<see cref="PositionedJsonParser"/>) and turns its tree into
/// <see cref="JsonPosNode"/>s, the shape the spec reader validates; malformed JSON becomes a <see cref="SpecException"/>.
/// </summary>
public static class JsonPosParser
{
    public static JsonPosNode Parse(byte[] utf8, string file)
    {
        try
        {
            return Convert(PositionedJsonParser.Parse(utf8, file));
        }
        catch (JsonSyntaxException e)
        {
            throw new SpecException(file, e.Line, e.Column, e.Reason.StartsWith("empty file", StringComparison.Ordinal) ? "the spec file is empty" : "invalid JSON: " + e.Reason);
        }
    }

    private static JsonPosNode Convert(PerfLint.Json.JsonNode node)
    {
        var pos = new SourcePos(node.Line, node.Column);
        switch (node)
        {
            case JsonObjectNode obj:
            {
                var result = new JsonPosNode { Kind = JsonValueKind.Object, Pos = pos };
                foreach (var property in obj.Properties)
                {
                    var value = Convert(property.Value);
                    value.KeyPos = new SourcePos(property.Line, property.Column);
                    result.Properties.Add(new(property.Name, value));
                }

                return result;
            }
            case JsonArrayNode array:
            {
                var result = new JsonPosNode { Kind = JsonValueKind.Array, Pos = pos };
                foreach (var item in array.Items)
                {
                    var value = Convert(item);
                    value.KeyPos = value.Pos;
                    result.Items.Add(value);
                }

                return result;
            }
            case JsonScalarNode scalar:
                return scalar.Kind switch
                {
                    JsonScalarKind.String => new JsonPosNode { Kind = JsonValueKind.String, Pos = pos, String = scalar.Text },
                    JsonScalarKind.Number => new JsonPosNode { Kind = JsonValueKind.Number, Pos = pos, Number = double.Parse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture) },
                    JsonScalarKind.True => new JsonPosNode { Kind = JsonValueKind.True, Pos = pos },
                    JsonScalarKind.False => new JsonPosNode { Kind = JsonValueKind.False, Pos = pos },
                    _ => new JsonPosNode { Kind = JsonValueKind.Null, Pos = pos },
                };
            default:
                throw new InvalidOperationException("unknown JSON node " + node.GetType().Name);
        }
    }
}
