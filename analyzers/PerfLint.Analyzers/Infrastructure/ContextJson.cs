using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>One member of a CDK context object: a string, a number, or anything else (which shadows but is never a value).</summary>
    internal sealed class ContextEntry
    {
        public ContextEntry(object? value, TextSpan span)
        {
            Value = value;
            Span = span;
        }

        /// <summary>The string or the number (double); null for objects, arrays, booleans and null.</summary>
        public object? Value { get; }

        /// <summary>Where the value is written in its file.</summary>
        public TextSpan Span { get; }
    }

    /// <summary>
    /// Reads the members of a CDK context object with the span of each value: the root object of
    /// <c>cdk.context.json</c>, or the <c>context</c> object of <c>cdk.json</c>. A reader of its own because the
    /// diagnostic's additional location needs each value's position, which the framework's JSON readers analyzers can
    /// carry into every compiler host (DataContractJsonSerializer, JsonReaderWriterFactory) do not give, and
    /// System.Text.Json cannot go into Visual Studio's .NET Framework compiler. Strict JSON, as the CDK CLI parses it;
    /// malformed text gives null (never throws).
    /// </summary>
    internal sealed class ContextJson
    {
        private const int MaxNesting = 64;

        private readonly string _text;
        private int _pos;

        private ContextJson(string text)
        {
            _text = text;
        }

        /// <summary>The members of the root object (<paramref name="member"/> null) or of its object member <paramref name="member"/>; null when malformed.</summary>
        public static Dictionary<string, ContextEntry>? Read(string text, string? member)
        {
            try
            {
                var reader = new ContextJson(text);
                if (reader._text.Length > 0 && reader._text[0] == '\uFEFF')
                {
                    reader._pos = 1;
                }

                var root = reader.Object(0, member == null);
                reader.Space();
                if (root == null || reader._pos != reader._text.Length)
                {
                    return null;
                }

                if (member == null)
                {
                    return root.Entries;
                }

                return root.Entries.TryGetValue(member, out var inner) && inner.Value is JsonObject context ? context.Entries : new Dictionary<string, ContextEntry>(StringComparer.Ordinal);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>An object's members; nested objects are kept (as <see cref="JsonObject"/> values) only one level down, for <c>context</c>.</summary>
        private sealed class JsonObject
        {
            public Dictionary<string, ContextEntry> Entries { get; } = new Dictionary<string, ContextEntry>(StringComparer.Ordinal);
        }

        private JsonObject? Object(int depth, bool leaf)
        {
            Space();
            if (Peek() != '{')
            {
                return null;
            }

            var members = new JsonObject();
            _pos++;
            Space();
            if (Peek() == '}')
            {
                _pos++;
                return members;
            }

            while (true)
            {
                Space();
                var key = String();
                Space();
                Expect(':');
                Space();
                var start = _pos;
                var value = leaf || Peek() != '{' ? Value(depth + 1) : Object(depth + 1, leaf: true);
                // A later duplicate wins, as with JSON.parse.
                members.Entries[key] = new ContextEntry(value, TextSpan.FromBounds(start, _pos));
                Space();
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                Expect('}');
                return members;
            }
        }

        /// <summary>Reads any value; returns the string or number, null for everything else.</summary>
        private object? Value(int depth)
        {
            if (depth > MaxNesting)
            {
                throw new FormatException("nesting");
            }

            var c = Peek();
            switch (c)
            {
                case '"':
                    return String();
                case '{':
                case '[':
                    Container(depth, c == '{' ? '}' : ']');
                    return null;
                case 't':
                    Word("true");
                    return null;
                case 'f':
                    Word("false");
                    return null;
                case 'n':
                    Word("null");
                    return null;
                default:
                    return Number();
            }
        }

        private void Container(int depth, char close)
        {
            _pos++;
            Space();
            if (Peek() == close)
            {
                _pos++;
                return;
            }

            while (true)
            {
                Space();
                if (close == '}')
                {
                    String();
                    Space();
                    Expect(':');
                    Space();
                }

                Value(depth + 1);
                Space();
                if (Peek() != ',')
                {
                    Expect(close);
                    return;
                }

                _pos++;
            }
        }

        private string String()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (true)
            {
                var c = Next();
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw new FormatException("control character in string");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                var escape = Next();
                switch (escape)
                {
                    case '"': case '\\': case '/': builder.Append(escape); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new FormatException("bad \\u escape");
                        }

                        builder.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw new FormatException("bad escape");
                }
            }
        }

        private double Number()
        {
            var start = _pos;
            while (_pos < _text.Length && "+-0123456789.eE".IndexOf(_text[_pos]) >= 0)
            {
                _pos++;
            }

            var token = _text.Substring(start, _pos - start);
            if (token.Length == 0 || token[0] == '+' || !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw new FormatException("bad number");
            }

            return number;
        }

        private void Word(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw new FormatException("bad literal");
            }

            _pos += word.Length;
        }

        private void Space()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r'))
            {
                _pos++;
            }
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private char Next() => _pos < _text.Length ? _text[_pos++] : throw new FormatException("unexpected end");

        private void Expect(char c)
        {
            if (Next() != c)
            {
                throw new FormatException("expected " + c);
            }
        }
    }
}
