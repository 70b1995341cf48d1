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
        /// also be in the rule's context the same way (it holds a context token, or names a member in context that
        /// passes it on), e.g. PL1002 only looks where a database or cache is configured.
        /// </summary>
        public static Func<BodyEntry, bool> ValueFlow(SyntaxIndex index, Func<BodyEntry, bool> suspicious, Func<string, bool> sinkProperty,
            Func<BodyEntry, bool>? context = null)
        {
            var seeds = index.Bodies.Where(suspicious).ToList();
            if (seeds.Count == 0)
            {
                return None; // nothing to bind: the rule registers nothing for this compilation
            }

            if (context == null)
            {
                return Closure(index, seeds, sinkProperty, _ => true).Contains;
            }

            var contextSeeds = index.Bodies.Where(context).ToList();
            if (contextSeeds.Count == 0)
            {
                return None;
            }

            // A body is admitted when it is in both closures. Whether a body passes on is read from its syntax
            // (CallSiteDependence), the costly part; most seeds pass nothing on (a stack's constructor holds its own
            // instance types), so the closure of the fewer seeds is taken first and the other is walked only through
            // bodies whose names lead into it: a body from which no chain of names reaches the first closure cannot
            // end in both, and its syntax is not read.
            var (first, second) = seeds.Count <= contextSeeds.Count ? (seeds, contextSeeds) : (contextSeeds, seeds);
            var firstClosure = Closure(index, first, sinkProperty, _ => true);
            var leading = LeadingInto(index, firstClosure);
            var both = Closure(index, second.Where(leading.Contains), sinkProperty, leading.Contains);
            both.IntersectWith(firstClosure);
            return both.Count == 0 ? None : both.Contains;
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

            // A tree's declared names repeat (overloads, a type and its constructors): each name is followed once.
            var names = new HashSet<string>(taken.SelectMany(t => t.Declared), StringComparer.Ordinal);
            var pending = new Queue<string>(names);
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

        /// <summary>A body either gate admits (<see cref="All"/> and <see cref="None"/> kept as such).</summary>
        public static Func<BodyEntry, bool> Either(Func<BodyEntry, bool> first, Func<BodyEntry, bool> second) =>
            first == All || second == All ? All
            : first == None ? second
            : second == None ? first
            : b => first(b) || second(b);

        /// <summary>A body that names any of <paramref name="words"/> (type, member or local names).</summary>
        public static Func<BodyEntry, bool> Naming(params string[] words)
        {
            var set = new HashSet<string>(words, StringComparer.Ordinal);
            return b => b.Tokens.NamesAny(set);
        }

        /// <summary>
        /// The <paramref name="seeds"/> and the bodies that name an admitted body that passes what it holds on
        /// (transitively), taking only bodies <paramref name="within"/> accepts.
        /// </summary>
        private static HashSet<BodyEntry> Closure(SyntaxIndex index, IEnumerable<BodyEntry> seeds, Func<string, bool> sinkProperty, Func<BodyEntry, bool> within)
        {
            var admitted = new HashSet<BodyEntry>(seeds);
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
                    if (within(body) && admitted.Add(body))
                    {
                        Follow(body);
                    }
                }
            }

            return admitted;

            // Whether a body passes on is asked only when a body that names it could still be taken.
            void Follow(BodyEntry body)
            {
                if (body.Name.Length > 0 && !names.Contains(body.Name) && index.Naming(body.Name).Any(n => within(n) && !admitted.Contains(n)) &&
                    PassesOn(body, index, sinkProperty))
                {
                    names.Add(body.Name);
                    pending.Enqueue(body.Name);
                }
            }
        }

        /// <summary>
        /// <paramref name="targets"/> and every body from which a chain of names leads into them (a body named by a
        /// target or by a body already taken), whether or not the bodies on the way pass anything on: a superset of
        /// the bodies whose closure can reach a target, found from the index's postings without reading syntax.
        /// </summary>
        private static HashSet<BodyEntry> LeadingInto(SyntaxIndex index, HashSet<BodyEntry> targets)
        {
            var leading = new HashSet<BodyEntry>(targets);
            var pending = new Queue<BodyEntry>(targets);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (pending.Count > 0)
            {
                foreach (var identifier in pending.Dequeue().Tokens.IdentifierArray)
                {
                    if (!seen.Add(identifier))
                    {
                        continue;
                    }

                    foreach (var named in index.Declaring(identifier))
                    {
                        if (leading.Add(named))
                        {
                            pending.Enqueue(named);
                        }
                    }
                }
            }

            return leading;
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
