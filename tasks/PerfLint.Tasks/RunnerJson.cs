using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PerfLint.Tasks
{
    /// <summary>
    /// Reads the JSON the runner writes (`perflint check --format json`, `perflint bench` results.json): one reader for both tasks. The task targets netstandard2.0 with only
    /// Microsoft.Build.* references, so System.Text.Json is not available: objects become
    /// Dictionary&lt;string, object?&gt;, arrays List&lt;object?&gt;, numbers double, plus string, bool and null.
    /// </summary>
    internal sealed class RunnerJson
    {
        private readonly string _text;
        private int _pos;

        private RunnerJson(string text) => _text = text;

        public static object? Parse(string text)
        {
            var parser = new RunnerJson(text);
            var value = parser.ReadValue();
            parser.SkipWhitespace();
            if (parser._pos != text.Length)
            {
                throw parser.Error("unexpected content after the JSON value");
            }

            return value;
        }

        public static string? Str(object? obj, string key) =>
            obj is Dictionary<string, object?> d && d.TryGetValue(key, out var v) ? v as string : null;

        public static int Int(object? obj, string key) =>
            obj is Dictionary<string, object?> d && d.TryGetValue(key, out var v) && v is double n ? (int)n : 0;

        public static object? Get(object? obj, string key) =>
            obj is Dictionary<string, object?> d && d.TryGetValue(key, out var v) ? v : null;

        private object? ReadValue()
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw Error("unexpected end of JSON");
            }

            switch (_text[_pos])
            {
                case '{': return ReadObject();
                case '[': return ReadArray();
                case '"': return ReadString();
                case 't': Expect("true"); return true;
                case 'f': Expect("false"); return false;
                case 'n': Expect("null"); return null;
                default: return ReadNumber();
            }
        }

        private Dictionary<string, object?> ReadObject()
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            _pos++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                var key = ReadString();
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw Error("expected ':'");
                }

                _pos++;
                result[key] = ReadValue();
                SkipWhitespace();
                var c = Peek();
                _pos++;
                if (c == '}')
                {
                    return result;
                }

                if (c != ',')
                {
                    throw Error("expected ',' or '}'");
                }
            }
        }

        private List<object?> ReadArray()
        {
            var result = new List<object?>();
            _pos++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                return result;
            }

            while (true)
            {
                result.Add(ReadValue());
                SkipWhitespace();
                var c = Peek();
                _pos++;
                if (c == ']')
                {
                    return result;
                }

                if (c != ',')
                {
                    throw Error("expected ',' or ']'");
                }
            }
        }

        private string ReadString()
        {
            if (Peek() != '"')
            {
                throw Error("expected a string");
            }

            _pos++;
            var sb = new StringBuilder();
            while (_pos < _text.Length)
            {
                var c = _text[_pos++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                var e = _text[_pos++];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        sb.Append((char)int.Parse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        _pos += 4;
                        break;
                    default: sb.Append(e); break;
                }
            }

            throw Error("unterminated string");
        }

        private double ReadNumber()
        {
            var start = _pos;
            while (_pos < _text.Length && "+-0123456789.eE".IndexOf(_text[_pos]) >= 0)
            {
                _pos++;
            }

            if (start == _pos || !double.TryParse(_text.Substring(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw Error("invalid value");
            }

            return value;
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw Error("invalid literal");
            }

            _pos += word.Length;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
        }

        private FormatException Error(string what) => new FormatException("perflint JSON: " + what + " at offset " + _pos);
    }
}
