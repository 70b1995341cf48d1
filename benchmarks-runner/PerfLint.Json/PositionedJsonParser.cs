using System.Text;
using System.Text.Json;

namespace PerfLint.Json;

/// <summary>Malformed JSON, with the 1-based line and column where the reader stopped.</summary>
public sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(string file, int line, int column, string reason)
        : base($"{file}({line},{column}): {reason}")
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>What is wrong, without the position (e.g. "'}' is invalid after a property name").</summary>
    public string Reason { get; }
}

/// <summary>Parses JSON with <see cref="Utf8JsonReader"/>, recording the line and column of every value and key.</summary>
public static class PositionedJsonParser
{
    public static JsonNode ParseFile(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses one JSON value (comments and trailing commas allowed); throws <see cref="JsonSyntaxException"/>.</summary>
    public static JsonNode Parse(byte[] utf8, string fileForMessages)
    {
        var lines = new LineTable(utf8);
        var start = HasBom(utf8) ? 3 : 0;
        var reader = new Utf8JsonReader(utf8.AsSpan(start), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                throw new JsonSyntaxException(fileForMessages, 1, 1, "empty file, expected a JSON value");
            }

            var root = ReadValue(ref reader, lines, start);
            if (reader.Read())
            {
                var (line, column) = lines.Position(start + reader.TokenStartIndex);
                throw new JsonSyntaxException(fileForMessages, line, column, "unexpected data after the root value");
            }

            return root;
        }
        catch (JsonException e)
        {
            // JsonException positions are 0-based; editors and compilers count from 1.
            throw new JsonSyntaxException(fileForMessages, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, FirstSentence(e.Message));
        }
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, LineTable lines, int offset)
    {
        var (line, column) = lines.Position(offset + reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObjectNode(line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (nameLine, nameColumn) = lines.Position(offset + reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    obj.Add(new JsonProperty(name, nameLine, nameColumn, ReadValue(ref reader, lines, offset)));
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArrayNode(line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(ReadValue(ref reader, lines, offset));
                }

                return array;
            case JsonTokenType.String:
                return new JsonScalarNode(JsonScalarKind.String, reader.GetString()!, line, column);
            case JsonTokenType.Number:
                return new JsonScalarNode(JsonScalarKind.Number, Encoding.UTF8.GetString(reader.ValueSpan), line, column);
            case JsonTokenType.True:
                return new JsonScalarNode(JsonScalarKind.True, "true", line, column);
            case JsonTokenType.False:
                return new JsonScalarNode(JsonScalarKind.False, "false", line, column);
            default:
                return new JsonScalarNode(JsonScalarKind.Null, "null", line, column);
        }
    }

    private static bool HasBom(byte[] utf8) => utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF;

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " LineNumber:", " Path:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.TrimEnd('.', ' ');
    }

    /// <summary>Byte offset -> 1-based line and column (columns count characters, not UTF-8 bytes; a BOM is not a column).</summary>
    private sealed class LineTable
    {
        private readonly byte[] _utf8;
        private readonly List<int> _lineStarts = new() { 0 };

        public LineTable(byte[] utf8)
        {
            _utf8 = utf8;
            if (HasBom(utf8))
            {
                _lineStarts[0] = 3;
            }

            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Position(long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            if (index < 0)
            {
                index = Math.Max(0, ~index - 1);
            }

            var start = _lineStarts[index];
            return (index + 1, Encoding.UTF8.GetCharCount(_utf8, start, Math.Max(0, (int)offset - start)) + 1);
        }
    }
}
