using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// Ways to decide, from syntax alone, which bodies can matter to a rule. Every gate is a superset of what the rule
    /// can report: it may admit a body in vain (it is then bound and found clean), never turn away one a finding needs.
    /// </summary>
    public static class Gates
    {
        /// <summary>Every body (rules whose subject is everywhere, or that are off by default).</summary>
        public static readonly Func<BodyEntry, bool> All = _ => true;

        /// <summary>No body: the compilation holds nothing the rule could report.</summary>
        public static readonly Func<BodyEntry, bool> None = _ => false;

        /// <summary>
        /// Value flow by name: a body is admitted when it holds a suspicious token itself or names a member whose body
        /// is admitted and passes what it holds on (<see cref="PassesOn"/>): a constant <c>Sizing.Api = "m4.large"</c>
        /// admits every body that names <c>Api</c>; a helper that may hand its caller's values to a property
        /// <paramref name="sinkProperty"/> accepts admits its callers. With <paramref name="context"/>, a body must
        /// also be in the rule's context (it holds a context token, or names a member in context), e.g. PL1002 only
        /// looks where a database or cache is configured.
        /// </summary>
        public static Func<BodyEntry, bool> ValueFlow(SyntaxIndex index, Func<BodyEntry, bool> suspicious, Func<string, bool> sinkProperty,
            Func<BodyEntry, bool>? context = null)
        {
            var admitted = Closure(index, suspicious, sinkProperty);
            if (admitted.Count == 0)
            {
                return None; // nothing to bind: the rule registers nothing for this compilation
            }

            if (context == null)
            {
                return admitted.Contains;
            }

            // Few bodies are admitted, many may be in context (every database construct): ask for each admitted one
            // instead of computing the whole context closure.
            var inContext = new HashSet<BodyEntry>(admitted.Where(b => ReachesContext(index, b, context, sinkProperty)));
            return inContext.Count == 0 ? None : inContext.Contains;
        }

        /// <summary>
        /// The files a whole-app rule must read: those of the <paramref name="seeds"/> (bodies that may hold a finding
        /// or a fact it needs), then every file that names a type or member declared in a file already taken (callers
        /// of helpers and constructors, readers of fields and properties), until nothing changes. None when no body is
        /// a seed.
        /// </summary>
        public static Func<BodyEntry, bool> Files(SyntaxIndex index, Func<BodyEntry, bool> seeds) => Files(index, seeds, seeds);

        /// <summary>
        /// As <see cref="Files(SyntaxIndex, Func{BodyEntry, bool})"/>, but only when some body is an
        /// <paramref name="anchor"/> (may hold a finding); the files then start from the anchors and the
        /// <paramref name="support"/> bodies (may hold a fact a finding depends on: a distribution, a scaling target).
        /// </summary>
        public static Func<BodyEntry, bool> Files(SyntaxIndex index, Func<BodyEntry, bool> anchor, Func<BodyEntry, bool> support)
        {
            var taken = new HashSet<TreeEntry>();
            var anchored = false;
            foreach (var body in index.Bodies)
            {
                var isAnchor = anchor(body);
                anchored |= isAnchor;
                if (isAnchor || support(body))
                {
                    taken.Add(body.TreeEntry);
                }
            }

            if (!anchored)
            {
                return None;
            }

            var pending = new Queue<string>(taken.SelectMany(t => t.Declared));
            var names = new HashSet<string>(pending, StringComparer.Ordinal);
            while (pending.Count > 0)
            {
                foreach (var body in index.Naming(pending.Dequeue()))
                {
                    if (taken.Add(body.TreeEntry))
                    {
                        foreach (var declared in body.TreeEntry.Declared)
                        {
                            if (names.Add(declared))
                            {
                                pending.Enqueue(declared);
                            }
                        }
                    }
                }
            }

            return e => taken.Contains(e.TreeEntry);
        }

        /// <summary>
        /// The bodies that hold an identifier <paramref name="identifier"/> accepts or a string literal
        /// <paramref name="text"/> accepts (<see cref="None"/> when no body does). Each distinct identifier and string of
        /// the compilation is judged once and the bodies come from the index's postings: the cost follows the number of
        /// distinct texts, not of bodies times their tokens.
        /// </summary>
        public static Func<BodyEntry, bool> Holding(SyntaxIndex index, Func<string, bool> identifier, Func<string, bool> text)
        {
            var holding = new HashSet<BodyEntry>();
            foreach (var entry in index.ByIdentifier)
            {
                if (identifier(entry.Key))
                {
                    holding.UnionWith(entry.Value);
                }
            }

            foreach (var entry in index.ByString)
            {
                if (text(entry.Key))
                {
                    holding.UnionWith(entry.Value);
                }
            }

            return holding.Count == 0 ? None : holding.Contains;
        }

        /// <summary>A body that names any of <paramref name="words"/> (type, member or local names).</summary>
        public static Func<BodyEntry, bool> Naming(params string[] words)
        {
            var set = new HashSet<string>(words, StringComparer.Ordinal);
            return b => b.Identifiers.Overlaps(set);
        }

        /// <summary>Bodies that satisfy <paramref name="seed"/>, or name a body that does and passes it on (transitively).</summary>
        private static HashSet<BodyEntry> Closure(SyntaxIndex index, Func<BodyEntry, bool> seed, Func<string, bool> sinkProperty)
        {
            var admitted = new HashSet<BodyEntry>(index.Bodies.Where(seed));
            var names = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Queue<string>();
            foreach (var body in admitted)
            {
                Follow(body);
            }

            while (pending.Count > 0)
            {
                foreach (var body in index.Naming(pending.Dequeue()))
                {
                    if (admitted.Add(body))
                    {
                        Follow(body);
                    }
                }
            }

            return admitted;

            void Follow(BodyEntry body)
            {
                if (body.Name.Length > 0 && !names.Contains(body.Name) && PassesOn(body, index, sinkProperty))
                {
                    names.Add(body.Name);
                    pending.Enqueue(body.Name);
                }
            }
        }

        /// <summary>
        /// Whether <paramref name="body"/> is in the closure of <paramref name="context"/> (as <see cref="Closure"/>
        /// computes it, searched backwards): it is in context itself, or names a body that passes what it holds on and
        /// is, transitively.
        /// </summary>
        private static bool ReachesContext(SyntaxIndex index, BodyEntry body, Func<BodyEntry, bool> context, Func<string, bool> sinkProperty)
        {
            var visited = new HashSet<BodyEntry> { body };
            var pending = new Queue<BodyEntry>(visited);
            while (pending.Count > 0)
            {
                var current = pending.Dequeue();
                if (context(current))
                {
                    return true;
                }

                foreach (var identifier in current.Identifiers)
                {
                    foreach (var named in index.Declaring(identifier))
                    {
                        if (!visited.Contains(named) && PassesOn(named, index, sinkProperty))
                        {
                            visited.Add(named);
                            pending.Enqueue(named);
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the bodies that name an admitted body can get what it holds: they read its value (a field, a
        /// property, a getter, a method that returns one), or they call it with values it may hand to a sink property or
        /// to code declared in source (<see cref="CallSiteDependence"/>). A constructor or void method that uses only
        /// its own values reports them itself, at its own sinks; its callers need not be bound for it.
        /// </summary>
        private static bool PassesOn(BodyEntry body, SyntaxIndex index, Func<string, bool> sinkProperty) =>
            BodyOwners.YieldsValue(body.Node) ||
            CallSiteDependence.MayReachSink(index.CallerFacts(body), sinkProperty);
    }
}
