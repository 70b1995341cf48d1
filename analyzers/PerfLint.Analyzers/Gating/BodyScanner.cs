using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// Reads a code body's identifiers, string literals and numbers straight from its text, for
    /// <see cref="SyntaxIndex"/>: walking the tokens of every body of a project builds the red syntax tree of all of it
    /// and cost the index most of its time; a scan of the characters does the same job several times faster. It covers
    /// the plain subset of C# that code bodies are mostly written in, and declines (returns false, and the caller walks
    /// the tokens instead) wherever the text could be read otherwise: preprocessor directives, interpolated and raw
    /// strings, escapes it does not decode, a backslash or a non-ASCII character outside a literal, an unterminated
    /// literal or comment, a number it cannot read exactly. (Inside string literals any character is taken as written.)
    /// </summary>
    /// <remarks>
    /// What it gives is what the token walk gives, except that it also lists contextual keywords used as keywords
    /// (<c>from</c>, <c>await</c>, <c>global</c>): more identifiers only ever make a gate admit more, never less.
    /// Reserved keywords are left out, as the compiler does not make identifiers of them.
    /// </remarks>
    public static class BodyScanner
    {
        /// <summary>Adds what <paramref name="text"/> holds to <paramref name="into"/>; false (possibly partly filled) when it declines.</summary>
        public static bool TryScan(string text, BodyTokens into) => TryScan(BodyText.Of(text), into);

        /// <summary>The same over a span of a tree's text (<see cref="SyntaxIndex"/>).</summary>
        internal static bool TryScan(BodyText text, BodyTokens into)
        {
            var identifiers = into.Identifiers;
            var strings = into.Strings;
            var numbers = into.Numbers;
            var i = 0;
            var n = text.Length;
            while (i < n)
            {
                var c = text[i];
                if (IsSpace(c))
                {
                    i++;
                }
                else if (c == '/' && i + 1 < n && text[i + 1] == '/')
                {
                    i = text.IndexOf('\n', i);
                    i = i < 0 ? n : i;
                }
                else if (c == '/' && i + 1 < n && text[i + 1] == '*')
                {
                    var end = text.IndexOfCommentEnd(i + 2);
                    if (end < 0)
                    {
                        return false;
                    }

                    i = end + 2;
                }
                else if (IsIdentifierStart(c) || (c == '@' && i + 1 < n && IsIdentifierStart(text[i + 1])))
                {
                    var verbatim = c == '@';
                    var start = verbatim ? i + 1 : i;
                    i = start + 1;
                    while (i < n && IsIdentifierPart(text[i]))
                    {
                        i++;
                    }

                    var word = text.Substring(start, i - start);
                    if (verbatim || SyntaxFacts.GetKeywordKind(word) == SyntaxKind.None)
                    {
                        identifiers.Add(word);
                        if (MayBeAssigned(text, i))
                        {
                            into.Assigned.Add(word);
                            into.AddAssignment(word, AssignedNumber(text, i));
                        }
                    }
                }
                else if (c == '"')
                {
                    if (i + 2 < n && text[i + 1] == '"' && text[i + 2] == '"')
                    {
                        return false; // raw string literal
                    }

                    if (!TryRegularString(text, ref i, strings))
                    {
                        return false;
                    }
                }
                else if (c == '@' && i + 1 < n && text[i + 1] == '"')
                {
                    i++;
                    if (!TryVerbatimString(text, ref i, strings))
                    {
                        return false;
                    }
                }
                else if (c == '\'')
                {
                    if (!TrySkipCharacter(text, ref i))
                    {
                        return false;
                    }
                }
                else if (IsDigit(c) || (c == '.' && i + 1 < n && IsDigit(text[i + 1]) && (i == 0 || text[i - 1] != '.')))
                {
                    if (!TryNumber(text, ref i, out var number))
                    {
                        return false;
                    }

                    numbers.Add(number);
                }
                else if (c == '#' || c == '$' || c == '\\' || c > '~')
                {
                    return false; // a directive, an interpolated string, an escape or a character the scan does not judge
                }
                else
                {
                    i++;
                }
            }

            return true;
        }

        /// <summary>The value of a numeric literal token as a double (as the index keeps numbers), or null.</summary>
        public static double? NumberOf(SyntaxToken token) =>
            token.IsKind(SyntaxKind.NumericLiteralToken) && token.Value != null
                ? System.Convert.ToDouble(token.Value, CultureInfo.InvariantCulture)
                : (double?)null;

        /// <summary>The same from the compiler's tokens of <paramref name="part"/>: what the scan must agree with, and its fallback.</summary>
        public static void ReadTokens(SyntaxNode part, BodyTokens into)
        {
            string? previousIdentifier = null;
            foreach (var token in part.DescendantTokens())
            {
                if (token.IsMissing)
                {
                    continue; // put in by the parser where code is incomplete: it has no text
                }

                var identifier = previousIdentifier;
                previousIdentifier = null;
                switch (token.Kind())
                {
                    case SyntaxKind.IdentifierToken:
                        into.Identifiers.Add(token.ValueText);
                        previousIdentifier = token.ValueText;
                        break;
                    case SyntaxKind.EqualsToken when identifier != null:
                        into.Assigned.Add(identifier);
                        var value = token.GetNextToken();
                        into.AddAssignment(identifier, NumberOf(value) is double assigned && EndsValue(value.GetNextToken()) ? assigned : (double?)null);
                        break;
                    case SyntaxKind.StringLiteralToken:
                    case SyntaxKind.InterpolatedStringTextToken:
                    case SyntaxKind.SingleLineRawStringLiteralToken:
                    case SyntaxKind.MultiLineRawStringLiteralToken:
                    case SyntaxKind.Utf8StringLiteralToken:
                        into.Strings.Add(token.ValueText);
                        break;
                    case SyntaxKind.NumericLiteralToken when NumberOf(token) is double number:
                        into.Numbers.Add(number);
                        break;
                }
            }
        }

        // The helpers the scan calls for every character or identifier are inlined into it: left to the JIT, the big
        // optimized scan called some of them (IsIdentifierStart), and a fresh compiler runs a called helper as unoptimized
        // tier-0 code for the whole build.

        /// <summary>
        /// Whether the identifier that ends at <paramref name="i"/> is followed by <c>=</c> (not <c>==</c> or
        /// <c>=&gt;</c>): it is assigned (<c>AvailabilityZone = ...</c>). A comment in between counts as a yes.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool MayBeAssigned(BodyText text, int i)
        {
            i = SkipSpaces(text, i);
            return i < text.Length && (text[i] == '/' ||
                                       (text[i] == '=' && (i + 1 == text.Length || (text[i + 1] != '=' && text[i + 1] != '>'))));
        }

        /// <summary>
        /// The number assigned by the <c>=</c> after the identifier that ends at <paramref name="i"/> when it is a lone
        /// numeric literal ending the value (<c>MinCapacity = 1,</c>); null for anything else, or a comment in the way.
        /// </summary>
        private static double? AssignedNumber(BodyText text, int i)
        {
            i = SkipSpaces(text, i);
            if (i >= text.Length || text[i] != '=')
            {
                return null;
            }

            i = SkipSpaces(text, i + 1);
            if (i >= text.Length || !IsDigit(text[i]) || !TryNumber(text, ref i, out var number))
            {
                return null;
            }

            i = SkipSpaces(text, i);
            return i < text.Length && EndsValue(text[i]) ? number : (double?)null;
        }

        private static bool EndsValue(char c) => c == ',' || c == '}' || c == ';';

        private static bool EndsValue(SyntaxToken token) =>
            token.IsKind(SyntaxKind.CommaToken) || token.IsKind(SyntaxKind.CloseBraceToken) || token.IsKind(SyntaxKind.SemicolonToken);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static int SkipSpaces(BodyText text, int i)
        {
            while (i < text.Length && IsSpace(text[i]))
            {
                i++;
            }

            return i;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);

        /// <summary>A <c>"..."</c> literal at <paramref name="i"/> with the simple escapes; moves past it.</summary>
        private static bool TryRegularString(BodyText text, ref int i, HashSet<string> strings)
        {
            // Most literals hold no escape: their value is their text.
            for (var j = i + 1; j < text.Length; j++)
            {
                var c = text[j];
                if (c == '"')
                {
                    strings.Add(text.Substring(i + 1, j - i - 1));
                    i = SkipUtf8Suffix(text, j + 1);
                    return true;
                }

                if (c == '\\')
                {
                    break;
                }

                if (c == '\n' || c == '\r')
                {
                    return false;
                }
            }

            var value = new System.Text.StringBuilder();
            for (var j = i + 1; j < text.Length; j++)
            {
                var c = text[j];
                if (c == '"')
                {
                    strings.Add(value.ToString());
                    i = SkipUtf8Suffix(text, j + 1);
                    return true;
                }

                if (c == '\n' || c == '\r')
                {
                    return false;
                }

                if (c == '\\')
                {
                    if (++j >= text.Length)
                    {
                        return false;
                    }

                    switch (text[j])
                    {
                        case '\\': value.Append('\\'); break;
                        case '"': value.Append('"'); break;
                        case '\'': value.Append('\''); break;
                        case '0': value.Append('\0'); break;
                        case 'a': value.Append('\a'); break;
                        case 'b': value.Append('\b'); break;
                        case 'f': value.Append('\f'); break;
                        case 'n': value.Append('\n'); break;
                        case 'r': value.Append('\r'); break;
                        case 't': value.Append('\t'); break;
                        case 'v': value.Append('\v'); break;
                        default: return false; // \u, \U, \x, \e: left to the compiler's lexer
                    }

                    continue;
                }

                value.Append(c);
            }

            return false;
        }

        /// <summary>An <c>@"..."</c> literal whose opening quote is at <paramref name="i"/>; moves past it.</summary>
        private static bool TryVerbatimString(BodyText text, ref int i, HashSet<string> strings)
        {
            var value = new System.Text.StringBuilder();
            for (var j = i + 1; j < text.Length; j++)
            {
                var c = text[j];
                if (c == '"')
                {
                    if (j + 1 < text.Length && text[j + 1] == '"')
                    {
                        value.Append('"');
                        j++;
                        continue;
                    }

                    strings.Add(value.ToString());
                    i = SkipUtf8Suffix(text, j + 1);
                    return true;
                }

                value.Append(c);
            }

            return false;
        }

        /// <summary>Past the <c>u8</c> of a UTF-8 string literal (<c>"gp2"u8</c>), which is part of the literal, not an identifier.</summary>
        private static int SkipUtf8Suffix(BodyText text, int i) =>
            i + 1 < text.Length && (text[i] == 'u' || text[i] == 'U') && text[i + 1] == '8' && (i + 2 == text.Length || !IsIdentifierPart(text[i + 2])) ? i + 2 : i;

        /// <summary>A character literal (<c>'x'</c>, <c>'\''</c>): skipped, the index does not keep characters.</summary>
        private static bool TrySkipCharacter(BodyText text, ref int i)
        {
            var j = i + 1;
            if (j < text.Length && text[j] == '\\')
            {
                j++;
            }

            j++;
            var end = text.IndexOf('\'', j);
            if (end < 0 || end - i > 12 || text.IndexOf('\n', i, end - i) >= 0)
            {
                return false;
            }

            i = end + 1;
            return true;
        }

        /// <summary>
        /// A numeric literal as the compiler reads it (<c>70</c>, <c>1.5f</c>, <c>1_000</c>, <c>0x1F</c>, <c>2e3</c>,
        /// <c>10m</c>), as the double <see cref="NumberOf"/> makes of its value.
        /// </summary>
        private static bool TryNumber(BodyText text, ref int i, out double value)
        {
            value = 0;
            var n = text.Length;
            var start = i;
            if (text[i] == '0' && i + 1 < n && (text[i + 1] == 'x' || text[i + 1] == 'X' || text[i + 1] == 'b' || text[i + 1] == 'B'))
            {
                var hex = text[i + 1] == 'x' || text[i + 1] == 'X';
                i += 2;
                var digits = new System.Text.StringBuilder();
                while (i < n && (IsDigit(text[i]) || text[i] == '_' || (hex && IsHexLetter(text[i]))))
                {
                    if (text[i] != '_')
                    {
                        digits.Append(text[i]);
                    }

                    i++;
                }

                SkipIntegerSuffix(text, ref i);
                if (digits.Length == 0 || (i < n && IsIdentifierPart(text[i])))
                {
                    return false;
                }

                try
                {
                    value = System.Convert.ToUInt64(digits.ToString(), hex ? 16 : 2);
                    return true;
                }
                catch (System.Exception e) when (e is System.OverflowException || e is System.FormatException)
                {
                    return false; // too large, or a binary literal with a digit above 1 (the compiler reports it)
                }
            }

            var real = false;
            SkipDigits(text, ref i);
            if (i + 1 < n && text[i] == '.' && IsDigit(text[i + 1]))
            {
                real = true;
                i++;
                SkipDigits(text, ref i);
            }

            if (i < n && (text[i] == 'e' || text[i] == 'E'))
            {
                var j = i + 1;
                if (j < n && (text[j] == '+' || text[j] == '-'))
                {
                    j++;
                }

                if (j < n && IsDigit(text[j]))
                {
                    real = true;
                    i = j;
                    SkipDigits(text, ref i);
                }
            }

            var literal = text.Substring(start, i - start).Replace("_", string.Empty);
            var suffix = i < n ? char.ToLowerInvariant(text[i]) : '\0';
            if (suffix == 'f')
            {
                i++;
                value = float.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            else if (suffix == 'd' || suffix == 'm')
            {
                i++;
                value = suffix == 'm'
                    ? (double)decimal.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            else if (real)
            {
                value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            else
            {
                SkipIntegerSuffix(text, ref i);
                if (!ulong.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
                {
                    return false;
                }

                value = integer;
            }

            if (i < n && IsIdentifierPart(text[i]))
            {
                return false; // an unknown suffix: not a literal this scan reads
            }

            return true;
        }

        private static bool IsHexLetter(char c) => (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static void SkipDigits(BodyText text, ref int i)
        {
            while (i < text.Length && (IsDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }
        }

        private static void SkipIntegerSuffix(BodyText text, ref int i)
        {
            for (var k = 0; k < 2 && i < text.Length && (text[i] == 'u' || text[i] == 'U' || text[i] == 'l' || text[i] == 'L'); k++)
            {
                i++;
            }
        }
    }

    /// <summary>
    /// What a code body's tokens say, as the scan collects it: its identifiers, string values and numbers, and the names
    /// it assigns with <c>=</c>. The index collects every body in one instance and keeps a compact copy
    /// (<see cref="Take"/>).
    /// </summary>
    public sealed class BodyTokens
    {
        private readonly List<Assignment> _assignments = new List<Assignment>();

        public BodyTokens()
        {
            Identifiers = new HashSet<string>(System.StringComparer.Ordinal);
            Strings = new HashSet<string>(System.StringComparer.Ordinal);
            Numbers = new HashSet<double>();
            Assigned = new HashSet<string>(System.StringComparer.Ordinal);
        }

        public HashSet<string> Identifiers { get; }

        /// <summary>String literal values and the text parts of interpolated strings.</summary>
        public HashSet<string> Strings { get; }

        public HashSet<double> Numbers { get; }

        /// <summary>
        /// Identifiers written right before <c>=</c>: properties set in object initializers and by assignment
        /// (<c>new InstanceProps { AvailabilityZone = zone }</c>, <c>props.SubnetId = id</c>), and locals declared with
        /// a value. A CDK prop the code only reads is not among them.
        /// </summary>
        public HashSet<string> Assigned { get; }

        /// <summary>
        /// Each <c>name = value</c> of <see cref="Assigned"/>, in order, with the value when it is a lone number literal
        /// (<c>MinCapacity = 1,</c>) and null for anything else (an expression, or a comment the scan does not look past).
        /// </summary>
        public IReadOnlyList<Assignment> Assignments => _assignments;

        internal void AddAssignment(string name, double? number) => _assignments.Add(new Assignment(name, number));

        /// <summary>What this scratch instance collected, as compact arrays (<see cref="BodyWords"/>); it is then emptied for the next body (its capacity kept).</summary>
        internal BodyWords Take()
        {
            var words = new BodyWords(ToArray(Identifiers), ToArray(Strings), ToArray(Numbers), ToArray(Assigned), _assignments.ToArray());
            Identifiers.Clear();
            Strings.Clear();
            Numbers.Clear();
            Assigned.Clear();
            _assignments.Clear();
            return words;
        }

        private static T[] ToArray<T>(HashSet<T> set)
        {
            if (set.Count == 0)
            {
                return System.Array.Empty<T>();
            }

            var array = new T[set.Count];
            set.CopyTo(array);
            return array;
        }
    }
}
