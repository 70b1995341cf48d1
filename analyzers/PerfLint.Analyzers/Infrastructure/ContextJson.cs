using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>One member of a JSON object: its value (<see cref="ContextJson"/>) and where it is written.</summary>
    internal sealed class ContextEntry
    {
        public ContextEntry(object? value, TextSpan span)
        {
            Value = value;
            Span = span;
        }

        /// <summary>A string, a number (double), an object's members, or null (arrays, booleans, null).</summary>
        public object? Value { get; }

        /// <summary>True for a string or a number: what a rule can judge.</summary>
        public bool IsScalar => Value is string || Value is double;

        /// <summary>Where the value is written in its file.</summary>
        public TextSpan Span { get; }
    }

    /// <summary>
    /// Reads the members of a CDK context object with the span of each value: the root object of
    /// <c>cdk.context.json</c>, or the <c>context</c> object of <c>cdk.json</c>. A reader of its own because the
    /// diagnostic's additional location needs each value's position, which the JSON readers every compiler host has
    /// (DataContractJsonSerializer, JsonReaderWriterFactory) do not give, and System.Text.Json cannot go into Visual
    /// Studio's .NET Framework compiler. Strict JSON, as the CDK CLI parses it; malformed text gives null (never throws).
    /// </summary>
    internal sealed class ContextJson
    {
        private const int MaxNesting = 64;

        private readonly string _text;
        private int _pos;

        private ContextJson(string text)
        {
            _text = text;
            _pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        }

        /// <summary>The members of the root object (<paramref name="member"/> null) or of its object member <paramref name="member"/>; null when malformed.</summary>
        public static Dictionary<string, ContextEntry>? Read(string text, string? member)
        {
            try
            {
                var reader = new ContextJson(text);
                var root = reader.Value(0) as Dictionary<string, ContextEntry>;
                reader.Space();
                if (root == null || reader._pos != text.Length)
                {
                    return null;
                }

                return member == null ? root
                    : root.TryGetValue(member, out var inner) && inner.Value is Dictionary<string, ContextEntry> context ? context
                    : new Dictionary<string, ContextEntry>(StringComparer.Ordinal);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>A string, a number (double), an object's members, or null (arrays, booleans, null).</summary>
        private object? Value(int depth)
        {
            Space();
            var c = Peek();
            if (depth > MaxNesting)
            {
                throw new FormatException("nesting");
            }

            switch (c)
            {
                case '"': return String();
                case '{': return Members(depth);
                case '[':
                    _pos++;
                    Space();
                    if (Peek() == ']')
                    {
                        _pos++;
                        return null;
                    }

                    do
                    {
                        Value(depth + 1);
                        Space();
                    }
                    while (Next() == ',' || Fail(']', _text[_pos - 1]));

                    return null;
                case 't': return Word("true");
                case 'f': return Word("false");
                case 'n': return Word("null");
                default: return Number();
            }
        }

        private Dictionary<string, ContextEntry> Members(int depth)
        {
            var members = new Dictionary<string, ContextEntry>(StringComparer.Ordinal);
            _pos++;
            Space();
            if (Peek() == '}')
            {
                _pos++;
                return members;
            }

            do
            {
                Space();
                var key = String();
                Space();
                Expect(':');
                Space();
                var start = _pos;
                var value = Value(depth + 1);
                // A later duplicate wins, as with JSON.parse.
                members[key] = new ContextEntry(value, TextSpan.FromBounds(start, _pos));
                Space();
            }
            while (Next() == ',' || Fail('}', _text[_pos - 1]));

            return members;
        }

        private string String()
        {
            Expect('"');
            var builder = new StringBuilder();
            for (var c = Next(); c != '"'; c = Next())
            {
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
                var index = "\"\\/bfnrt".IndexOf(escape);
                if (index >= 0)
                {
                    builder.Append("\"\\/\b\f\n\r\t"[index]);
                }
                else if (escape == 'u' && _pos + 4 <= _text.Length &&
                         int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    builder.Append((char)code);
                    _pos += 4;
                }
                else
                {
                    throw new FormatException("bad escape");
                }
            }

            return builder.ToString();
        }

        private double Number()
        {
            var start = _pos;
            while (_pos < _text.Length && "+-0123456789.eE".IndexOf(_text[_pos]) >= 0)
            {
                _pos++;
            }

            var token = _text.Substring(start, _pos - start);
            return token.Length > 0 && token[0] != '+' && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new FormatException("bad number");
        }

        private object? Word(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw new FormatException("bad literal");
            }

            _pos += word.Length;
            return null;
        }

        private void Space()
        {
            while (_pos < _text.Length && " \t\n\r".IndexOf(_text[_pos]) >= 0)
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

        /// <summary>Ends a list: false when <paramref name="found"/> is the <paramref name="close"/> expected, else malformed.</summary>
        private static bool Fail(char close, char found) => found == close ? false : throw new FormatException("expected " + close);
    }
}
