using System.Text;
using System.Text.Json;

namespace PerfLint.Bench.Spec;

/// <summary>Parses JSON with <see cref="Utf8JsonReader"/> into <see cref="JsonPosNode"/>s carrying line/column.</summary>
public static class JsonPosParser
{
    public static JsonPosNode Parse(byte[] utf8, string file)
    {
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        try
        {
            if (!reader.Read())
                throw new SpecException(file, 1, 1, "the spec file is empty");
            var root = ReadValue(ref reader, lines);
            if (reader.Read())
                throw new SpecException(file, lines.At(reader.TokenStartIndex), "unexpected content after the top-level value");
            return root;
        }
        catch (JsonException ex)
        {
            // Reader positions are 0-based; editors and MSBuild are 1-based.
            throw new SpecException(file, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1,
                "invalid JSON: " + FirstSentence(ex.Message));
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static JsonPosNode ReadValue(ref Utf8JsonReader reader, LineIndex lines)
    {
        var pos = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new JsonPosNode { Kind = JsonValueKind.Object, Pos = pos };
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var keyPos = lines.At(reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    var value = ReadValue(ref reader, lines);
                    value.KeyPos = keyPos;
                    node.Properties.Add(new(name, value));
                }
                return node;
            }
            case JsonTokenType.StartArray:
            {
                var node = new JsonPosNode { Kind = JsonValueKind.Array, Pos = pos };
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = ReadValue(ref reader, lines);
                    item.KeyPos = item.Pos;
                    node.Items.Add(item);
                }
                return node;
            }
            case JsonTokenType.String:
                return new JsonPosNode { Kind = JsonValueKind.String, Pos = pos, String = reader.GetString() };
            case JsonTokenType.Number:
                return new JsonPosNode { Kind = JsonValueKind.Number, Pos = pos, Number = reader.GetDouble() };
            case JsonTokenType.True:
                return new JsonPosNode { Kind = JsonValueKind.True, Pos = pos };
            case JsonTokenType.False:
                return new JsonPosNode { Kind = JsonValueKind.False, Pos = pos };
            default:
                return new JsonPosNode { Kind = JsonValueKind.Null, Pos = pos };
        }
    }

    /// <summary>Maps byte offsets to 1-based line and (character, not byte) column.</summary>
    private sealed class LineIndex
    {
        private readonly byte[] _utf8;
        private readonly List<int> _lineStarts = new() { 0 };

        public LineIndex(byte[] utf8)
        {
            _utf8 = utf8;
            for (var i = 0; i < utf8.Length; i++)
                if (utf8[i] == (byte)'\n') _lineStarts.Add(i + 1);
        }

        public SourcePos At(long offset)
        {
            var idx = _lineStarts.BinarySearch((int)offset);
            if (idx < 0) idx = ~idx - 1;
            var start = _lineStarts[idx];
            // Skip a UTF-8 BOM on the first line so column 1 is the first visible character.
            if (idx == 0 && _utf8.Length >= 3 && _utf8[0] == 0xEF && _utf8[1] == 0xBB && _utf8[2] == 0xBF) start = 3;
            var column = Encoding.UTF8.GetCharCount(_utf8, start, Math.Max(0, (int)offset - start)) + 1;
            return new SourcePos(idx + 1, column);
        }
    }
}
