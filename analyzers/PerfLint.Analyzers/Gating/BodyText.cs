using System;
using System.Collections.Generic;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// A span of characters the scanner reads: part of a tree's text copied once into a buffer the index reuses, so that
    /// no body's text becomes a string of its own. Offers the few string operations the scanner needs; the words it
    /// cuts out are interned in the index's table, so every spelling of a name is one string per compilation.
    /// </summary>
    internal readonly struct BodyText
    {
        private readonly char[] _chars;
        private readonly int _start;
        private readonly Dictionary<string, string> _names;

        public BodyText(char[] chars, int start, int length, Dictionary<string, string> names)
        {
            _chars = chars;
            _start = start;
            Length = length;
            _names = names;
        }

        public static BodyText Of(string text) => new BodyText(text.ToCharArray(), 0, text.Length, new Dictionary<string, string>(StringComparer.Ordinal));

        // Both are read for every character: inlined even into callers the JIT would not inline them into by itself.
        public int Length
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            get;
        }

        public char this[int index]
        {
            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            get => _chars[_start + index];
        }

        /// <summary>The first <paramref name="value"/> at or after <paramref name="from"/>, or -1.</summary>
        public int IndexOf(char value, int from) => IndexOf(value, from, Length - from);

        /// <summary>The first <paramref name="value"/> among the <paramref name="count"/> characters from <paramref name="from"/>, or -1.</summary>
        public int IndexOf(char value, int from, int count)
        {
            if (from >= Length || count <= 0)
            {
                return -1; // past the end (an unterminated literal as typed): nothing to find
            }

            var found = System.Array.IndexOf(_chars, value, _start + from, count);
            return found < 0 ? -1 : found - _start;
        }

        /// <summary>The end of a block comment: the first <c>*/</c> at or after <paramref name="from"/>, or -1.</summary>
        public int IndexOfCommentEnd(int from)
        {
            for (var i = IndexOf('*', from); i >= 0 && i + 1 < Length; i = IndexOf('*', i + 1))
            {
                if (this[i + 1] == '/')
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The characters from <paramref name="start"/>, as the one string the name table holds for them.</summary>
        public string Substring(int start, int length)
        {
            var text = new string(_chars, _start + start, length);
            if (_names.TryGetValue(text, out var interned))
            {
                return interned;
            }

            _names.Add(text, text);
            return text;
        }
    }
}
