using System.Text;
using System.Text.Json;

namespace PerfLint.Check.Json;

/// <summary>Parses a JSON file with <see cref="Utf8JsonReader"/>, recording the line and column of every value.</summary>
public static class PositionedJsonParser
{
    public static JsonNode ParseFile(string path) => Parse(File.ReadAllBytes(path), path);

    public static JsonNode Parse(byte[] utf8, string fileForMessages)
    {
        var lines = new LineTable(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                throw new CheckInputException(fileForMessages + ": empty file, expected a JSON object", fileForMessages, 1, 1);
            }

            var root = ReadValue(ref reader, lines);
            if (reader.Read())
            {
                var (line, column) = lines.Position(reader.TokenStartIndex);
                throw new CheckInputException($"{fileForMessages}({line},{column}): malformed JSON: unexpected data after the root value", fileForMessages, line, column);
            }

            return root;
        }
        catch (JsonException e)
        {
            // JsonException positions are 0-based; editors and compilers count from 1.
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new CheckInputException($"{fileForMessages}({line},{column}): malformed JSON: {FirstSentence(e.Message)}", fileForMessages, line, column);
        }
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, LineTable lines)
    {
        var (line, column) = lines.Position(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObjectNode(line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (nameLine, nameColumn) = lines.Position(reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    obj.Add(new JsonProperty(name, nameLine, nameColumn, ReadValue(ref reader, lines)));
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArrayNode(line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(ReadValue(ref reader, lines));
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

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }

    /// <summary>Byte offset -> 1-based line and column (columns count UTF-8 characters, not bytes).</summary>
    private sealed class LineTable
    {
        private readonly byte[] _utf8;
        private readonly List<int> _lineStarts = new() { 0 };

        public LineTable(byte[] utf8)
        {
            _utf8 = utf8;
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
                index = ~index - 1;
            }

            var start = _lineStarts[index];
            var column = 1;
            for (var i = start; i < offset; i++)
            {
                // Count only the first byte of each UTF-8 sequence.
                if ((_utf8[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            return (index + 1, column);
        }
    }
}
