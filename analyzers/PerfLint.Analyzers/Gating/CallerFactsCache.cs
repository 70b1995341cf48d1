using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// The caller facts of body owners (<see cref="CallSiteDependence"/>), kept across the compilations of one process
    /// by the owner's text. The compiler server and the IDE analyze the same unchanged code again and again, each time
    /// in new syntax trees, and reading those owners' syntax is the largest part of the gates there, plus the red nodes
    /// it allocates. A fresh compiler has nothing to reuse, so nothing is kept for the first compilation of a set of
    /// declared names (it would copy the app's text for nobody): the second compilation of that set
    /// keeps what it reads, the third and later ones reuse it.
    /// </summary>
    /// <remarks>
    /// Exact, never approximate: an entry answers only for the same text of the same kind of declaration, parsed with
    /// the same language version, with the same answer about its base type, in a compilation that declares exactly the
    /// same type and member names (the facts depend on them; each distinct set is a <see cref="Generation"/>). Only
    /// methods, constructors and operators are kept, whose parameters are in their own text (an accessor's indexer
    /// parameters are not), and none whose text holds a directive (preprocessor symbols change its syntax).
    /// Bounded: at most <see cref="MaxChars"/> characters of text over all generations; the least recently used
    /// generation goes first, and one that fills the budget alone starts over.
    /// </remarks>
    public static class CallerFactsCache
    {
        /// <summary>About 4 MB of text: room for several generations of a large app's kept declarations.</summary>
        public const int MaxChars = 2 * 1024 * 1024;

        /// <summary>Sets of declared names kept at once (a solution's projects, one compiler server).</summary>
        public const int MaxGenerations = 16;

        private static readonly object Lock = new object();
        private static readonly List<Generation> Recent = new List<Generation>(); // least recently used first
        private static int _chars;

        [ThreadStatic]
        private static char[]? _buffer;

        /// <summary>The entries of one set of declared names.</summary>
        internal sealed class Generation
        {
            // The compilations that asked for this set, the one it was created for included (written under the lock).
            private int _compilations = 1;

            internal Generation(HashSet<string> names) => Names = names;

            internal HashSet<string> Names { get; }

            /// <summary>True when what is read is worth keeping: a second compilation asked for the set (read without the lock: a stale false only skips keeping).</summary>
            internal bool Keeps => Volatile.Read(ref _compilations) >= 2;

            /// <summary>Another compilation asked for the set (under the lock).</summary>
            internal void Seen() => Volatile.Write(ref _compilations, _compilations + 1);

            internal Dictionary<int, List<Entry>> Entries { get; } = new Dictionary<int, List<Entry>>();

            internal int Chars { get; set; }
        }

        internal sealed class Entry
        {
            internal Entry(string text, int kind, LanguageVersion version, bool baseInSource, CallSiteDependence.MethodFacts facts)
            {
                Text = text;
                Kind = kind;
                Version = version;
                BaseInSource = baseInSource;
                Facts = facts;
            }

            internal string Text { get; }

            internal int Kind { get; }

            internal LanguageVersion Version { get; }

            internal bool BaseInSource { get; }

            internal CallSiteDependence.MethodFacts Facts { get; }
        }

        /// <summary>The generation of a compilation's declared names (an equal set seen before, or a new one); once per compilation.</summary>
        internal static Generation For(HashSet<string> declaredNames)
        {
            lock (Lock)
            {
                for (var i = Recent.Count - 1; i >= 0; i--)
                {
                    var generation = Recent[i];
                    if (generation.Names.Count == declaredNames.Count && generation.Names.SetEquals(declaredNames))
                    {
                        Recent.RemoveAt(i);
                        Recent.Add(generation);
                        generation.Seen();
                        return generation;
                    }
                }

                // An IDE makes a new set at every keystroke that renames a member: keep the last few only.
                if (Recent.Count == MaxGenerations)
                {
                    Evict(Recent[0]);
                }

                // The index's own set, not a copy: it is not changed after the index is built, and a fresh compiler
                // (the usual first and only sighting) should not pay for a copy.
                var created = new Generation(declaredNames);
                Recent.Add(created);
                return created;
            }
        }

        /// <summary>
        /// The facts of <paramref name="owner"/> kept for its text in <paramref name="generation"/>, or those
        /// <paramref name="read"/> returns, kept for the next compilation when the owner may be kept.
        /// </summary>
        internal static CallSiteDependence.MethodFacts GetOrRead(Generation generation, SyntaxNode owner, bool baseInSource, Func<CallSiteDependence.MethodFacts> read)
        {
            var span = owner.Span;
            if (!generation.Keeps || !(owner is BaseMethodDeclarationSyntax) || owner.ContainsDirectives || span.Length > MaxChars / 8 ||
                !(owner.SyntaxTree.Options is CSharpParseOptions options))
            {
                return read();
            }

            var buffer = _buffer;
            if (buffer == null || buffer.Length < span.Length)
            {
                _buffer = buffer = new char[Math.Max(span.Length, 4096)];
            }

            owner.SyntaxTree.GetText().CopyTo(span.Start, buffer, 0, span.Length);
            var kind = owner.RawKind;
            var version = options.LanguageVersion;
            var hash = Hash(buffer, span.Length, kind, version, baseInSource);
            lock (Lock)
            {
                if (generation.Entries.TryGetValue(hash, out var bucket))
                {
                    foreach (var entry in bucket)
                    {
                        if (entry.Kind == kind && entry.Version == version && entry.BaseInSource == baseInSource && Same(entry.Text, buffer, span.Length))
                        {
                            return entry.Facts;
                        }
                    }
                }
            }

            var facts = read();
            var text = new string(buffer, 0, span.Length);
            lock (Lock)
            {
                if (!Recent.Contains(generation))
                {
                    return facts; // evicted while this compilation ran: keep nothing for it
                }

                MakeRoom(generation, text.Length);
                if (!generation.Entries.TryGetValue(hash, out var bucket))
                {
                    generation.Entries.Add(hash, bucket = new List<Entry>(1));
                }

                bucket.Add(new Entry(text, kind, version, baseInSource, facts));
                generation.Chars += text.Length;
                _chars += text.Length;
            }

            return facts;
        }

        /// <summary>The characters kept over all generations (tests).</summary>
        public static int Chars
        {
            get
            {
                lock (Lock)
                {
                    return _chars;
                }
            }
        }

        // Under the lock: drop the least recently used other generations, then this one's entries, until the text fits.
        private static void MakeRoom(Generation keep, int length)
        {
            while (_chars + length > MaxChars && Recent.Count > 1)
            {
                Evict(ReferenceEquals(Recent[0], keep) ? Recent[1] : Recent[0]);
            }

            if (_chars + length > MaxChars)
            {
                _chars -= keep.Chars;
                keep.Entries.Clear();
                keep.Chars = 0;
            }
        }

        // Under the lock.
        private static void Evict(Generation generation)
        {
            _chars -= generation.Chars;
            Recent.Remove(generation);
        }

        private static int Hash(char[] text, int length, int kind, LanguageVersion version, bool baseInSource)
        {
            unchecked
            {
                var hash = (int)2166136261;
                for (var i = 0; i < length; i++)
                {
                    hash = (hash ^ text[i]) * 16777619;
                }

                return ((hash * 31 + kind) * 31 + (int)version) * 2 + (baseInSource ? 1 : 0);
            }
        }

        private static bool Same(string kept, char[] text, int length)
        {
            if (kept.Length != length)
            {
                return false;
            }

            for (var i = 0; i < length; i++)
            {
                if (kept[i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
