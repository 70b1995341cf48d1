using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// What every code body of a compilation says, read from syntax alone (no binding): the identifiers, string and
    /// number literals of each method, constructor, accessor, initializer and top-level program, and the names each
    /// file declares. Built once per compilation (by the first analyzer to start, <see cref="Infrastructure.CdkTypes.Syntax"/>)
    /// by one walk over the declarations of each syntax tree and a scan of each body (<see cref="BodyScanner"/>); the
    /// gates (<see cref="Gates"/>) decide from it which bodies can matter to a rule before anything is bound.
    /// </summary>
    public sealed class SyntaxIndex
    {
        private readonly Dictionary<SyntaxTree, TreeEntry> _byTree = new Dictionary<SyntaxTree, TreeEntry>();

        private SyntaxIndex(IReadOnlyList<TreeEntry> trees)
        {
            Trees = trees;
            foreach (var tree in trees)
            {
                _byTree[tree.Tree] = tree;
            }

            Bodies = trees.SelectMany(t => t.Bodies).ToList();
            DeclaredNames = new HashSet<string>(trees.SelectMany(t => t.Declared), System.StringComparer.Ordinal);
            _byIdentifier = new System.Lazy<Dictionary<string, List<BodyEntry>>>(() => Group(b => b.Tokens.IdentifierArray));
            _byName = new System.Lazy<Dictionary<string, List<BodyEntry>>>(() => Group(b => new[] { b.Name }));
            _byString = new System.Lazy<Dictionary<string, List<BodyEntry>>>(() => Group(b => b.Tokens.StringArray));
            _instanceTypeMentions = new System.Lazy<InstanceTypeMentions>(() => InstanceTypeMentions.Of(this));
        }

        /// <summary>The bodies under each of the keys <paramref name="keysOf"/> gives them.</summary>
        private Dictionary<string, List<BodyEntry>> Group(System.Func<BodyEntry, string[]> keysOf)
        {
            var map = new Dictionary<string, List<BodyEntry>>(System.StringComparer.Ordinal);
            foreach (var body in Bodies)
            {
                foreach (var key in keysOf(body))
                {
                    if (!map.TryGetValue(key, out var bodies))
                    {
                        map.Add(key, bodies = new List<BodyEntry>());
                    }

                    bodies.Add(body);
                }
            }

            return map;
        }

        private readonly System.Lazy<Dictionary<string, List<BodyEntry>>> _byIdentifier;
        private readonly System.Lazy<Dictionary<string, List<BodyEntry>>> _byName;
        private readonly System.Lazy<Dictionary<string, List<BodyEntry>>> _byString;
        private readonly System.Lazy<InstanceTypeMentions> _instanceTypeMentions;

        private TreeOptions? _treeOptions;

        /// <summary>
        /// The distinct options objects <paramref name="provider"/> hands the compilation's trees (by reference: the
        /// compiler hands every tree without editorconfig options of its own the same object), found once per provider.
        /// </summary>
        public IReadOnlyList<AnalyzerConfigOptions> DistinctTreeOptions(AnalyzerConfigOptionsProvider provider)
        {
            var cached = System.Threading.Volatile.Read(ref _treeOptions);
            if (cached == null || !ReferenceEquals(cached.Provider, provider))
            {
                var distinct = new List<AnalyzerConfigOptions>();
                var seen = new HashSet<AnalyzerConfigOptions>(ReferenceComparer.Instance);
                foreach (var tree in Trees)
                {
                    var options = provider.GetOptions(tree.Tree);
                    if (seen.Add(options))
                    {
                        distinct.Add(options);
                    }
                }

                cached = new TreeOptions(provider, distinct);
                System.Threading.Volatile.Write(ref _treeOptions, cached); // a race computes the same list twice
            }

            return cached.Options;
        }

        private sealed class TreeOptions
        {
            public TreeOptions(AnalyzerConfigOptionsProvider provider, IReadOnlyList<AnalyzerConfigOptions> options)
            {
                Provider = provider;
                Options = options;
            }

            public AnalyzerConfigOptionsProvider Provider { get; }

            public IReadOnlyList<AnalyzerConfigOptions> Options { get; }
        }

        private sealed class ReferenceComparer : IEqualityComparer<AnalyzerConfigOptions>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public bool Equals(AnalyzerConfigOptions? x, AnalyzerConfigOptions? y) => ReferenceEquals(x, y);

            public int GetHashCode(AnalyzerConfigOptions obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }

        /// <summary>Where a body's syntax sends its callers' values (<see cref="CallSiteDependence"/>), read once per body for every rule.</summary>
        public CallSiteDependence.MethodFacts CallerFacts(BodyEntry body) => body.CallerFacts(DeclaredNames);

        /// <summary>The bodies reached by a name (<see cref="BodyEntry.Name"/>: overloads, accessors, a type's constructors).</summary>
        public IReadOnlyList<BodyEntry> Declaring(string name) =>
            _byName.Value.TryGetValue(name, out var list) ? list : (IReadOnlyList<BodyEntry>)System.Array.Empty<BodyEntry>();

        /// <summary>The bodies that name an identifier (empty when none does).</summary>
        public IReadOnlyList<BodyEntry> Naming(string identifier) =>
            _byIdentifier.Value.TryGetValue(identifier, out var list) ? list : (IReadOnlyList<BodyEntry>)System.Array.Empty<BodyEntry>();

        /// <summary>Each distinct identifier of the bodies, with the bodies that name it (a gate judges each text once).</summary>
        public IReadOnlyDictionary<string, List<BodyEntry>> ByIdentifier => _byIdentifier.Value;

        /// <summary>Each distinct string literal value of the bodies, with the bodies that hold it.</summary>
        public IReadOnlyDictionary<string, List<BodyEntry>> ByString => _byString.Value;

        /// <summary>The strings and identifiers that may name an instance type (every instance-type gate reads these).</summary>
        public InstanceTypeMentions InstanceTypeMentions => _instanceTypeMentions.Value;

        /// <summary>Every syntax tree of the compilation, in compilation order.</summary>
        public IReadOnlyList<TreeEntry> Trees { get; }

        /// <summary>Every body of every tree.</summary>
        public IReadOnlyList<BodyEntry> Bodies { get; }

        /// <summary>Every type and member name declared in the compilation's source.</summary>
        public HashSet<string> DeclaredNames { get; }

        /// <summary>The entry of a syntax tree of the compilation, or null.</summary>
        public TreeEntry? Find(SyntaxTree tree) => _byTree.TryGetValue(tree, out var entry) ? entry : null;

        public static SyntaxIndex Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var trees = new List<TreeEntry>();
            var scan = new ScanState();
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                trees.Add(IndexTree(tree, scan, cancellationToken));
            }

            return new SyntaxIndex(trees);
        }

        /// <summary>
        /// The nodes whose children may declare something the index records: the walk goes no deeper (not into code,
        /// usings, attributes, parameter lists or type syntax), so it creates few of the tree's nodes.
        /// </summary>
        private static readonly System.Func<SyntaxNode, bool> HoldsDeclarations = n =>
            n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax || n is TypeDeclarationSyntax ||
            n is BasePropertyDeclarationSyntax || n is AccessorListSyntax || n is BaseFieldDeclarationSyntax || n is VariableDeclarationSyntax;

        /// <summary>What the scans of one index share: a buffer each tree's text is copied into, the name table, the scratch tokens.</summary>
        internal sealed class ScanState
        {
            public char[] Buffer = new char[16 * 1024];

            /// <summary>Where each body's tokens are collected before an exact-size copy is taken (<see cref="BodyTokens.Take"/>).</summary>
            public readonly BodyTokens Tokens = new BodyTokens();

            /// <summary>One string per spelling of a word (each identifier repeats many times): later set lookups compare equal references first.</summary>
            public readonly Dictionary<string, string> Names = new Dictionary<string, string>(System.StringComparer.Ordinal);

            /// <summary>The bodies and declared names of the tree being scanned, copied to the tree's entry at its end.</summary>
            public readonly List<BodyEntry> TreeBodies = new List<BodyEntry>();
            public readonly List<string> TreeDeclared = new List<string>();

            /// <summary>Copies a tree's text into the buffer, for <see cref="Span"/>.</summary>
            public void Load(SourceText text)
            {
                if (Buffer.Length < text.Length)
                {
                    Buffer = new char[System.Math.Max(text.Length, Buffer.Length * 2)];
                }

                text.CopyTo(0, Buffer, 0, text.Length);
            }

            public BodyText Span(TextSpan span) => new BodyText(Buffer, span.Start, span.Length, Names);
        }

        private static TreeEntry IndexTree(SyntaxTree tree, ScanState scan, CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            scan.Load(tree.GetText(cancellationToken));
            var entry = new TreeEntry(tree);
            var bodies = scan.TreeBodies;
            var declared = scan.TreeDeclared;
            bodies.Clear();
            declared.Clear();
            var globals = new List<SyntaxNode>();
            foreach (var node in root.DescendantNodesAndSelf(HoldsDeclarations))
            {
                switch (node)
                {
                    case BaseTypeDeclarationSyntax type:
                        declared.Add(type.Identifier.ValueText);
                        break;
                    case DelegateDeclarationSyntax del:
                        declared.Add(del.Identifier.ValueText);
                        break;
                    case GlobalStatementSyntax global:
                        globals.Add(global);
                        break;
                    case BaseMethodDeclarationSyntax method:
                        var methodName = BodyOwners.NameOf(method);
                        declared.Add(methodName);
                        if (method.Body != null || method.ExpressionBody != null || (method as ConstructorDeclarationSyntax)?.Initializer != null)
                        {
                            bodies.Add(BodyEntry.Create(entry, scan, method, methodName));
                        }

                        break;
                    case AccessorDeclarationSyntax accessor when accessor.Body != null || accessor.ExpressionBody != null:
                        bodies.Add(BodyEntry.Create(entry, scan, accessor, BodyOwners.NameOf(accessor)));
                        break;
                    case BasePropertyDeclarationSyntax property:
                        var propertyName = BodyOwners.NameOf(property);
                        declared.Add(propertyName);
                        if (BodyOwners.OwnBodies(property).Any())
                        {
                            bodies.Add(BodyEntry.Create(entry, scan, property, propertyName));
                        }

                        break;
                    case VariableDeclaratorSyntax declarator when declarator.Parent?.Parent is BaseFieldDeclarationSyntax:
                        declared.Add(declarator.Identifier.ValueText);
                        if (declarator.Initializer != null)
                        {
                            bodies.Add(BodyEntry.Create(entry, scan, declarator, declarator.Identifier.ValueText));
                        }

                        break;
                }
            }

            if (globals.Count > 0 && root is CompilationUnitSyntax unit)
            {
                bodies.Add(BodyEntry.Create(entry, scan, unit, "<Main>$"));
            }

            entry.Complete(bodies, declared);
            return entry;
        }
    }

    /// <summary>One syntax tree: its bodies and the type and member names it declares.</summary>
    public sealed class TreeEntry
    {
        internal TreeEntry(SyntaxTree tree)
        {
            Tree = tree;
        }

        public SyntaxTree Tree { get; }

        /// <summary>The tree's bodies, in source order.</summary>
        public IReadOnlyList<BodyEntry> Bodies { get; private set; } = System.Array.Empty<BodyEntry>();

        /// <summary>The names of the types and members the tree declares (a name may repeat: overloads, partial types).</summary>
        public IReadOnlyList<string> Declared { get; private set; } = System.Array.Empty<string>();

        // Arrays of the exact size, set once the tree is scanned: an index has one of each per file of the project, and
        // they live through the compile's collections (lists and sets were three to four objects each).
        internal void Complete(List<BodyEntry> bodies, List<string> declared)
        {
            Bodies = bodies.ToArray();
            Declared = declared.ToArray();
        }
    }

    /// <summary>
    /// One code body (a method, constructor with its initializer, accessor, expression-bodied or initialized property,
    /// field initializer, or the top-level statements): the name it is reached by and what its tokens say.
    /// </summary>
    public sealed class BodyEntry
    {
        private CallSiteDependence.MethodFacts? _callerFacts;

        private BodyEntry(TreeEntry tree, SyntaxNode node, string name, BodyWords tokens)
        {
            TreeEntry = tree;
            Node = node;
            Name = name;
            Tokens = tokens;
        }

        public TreeEntry TreeEntry { get; }

        /// <summary>The body owner: a method/constructor/accessor/property declaration, a field's variable declarator, or the compilation unit.</summary>
        public SyntaxNode Node { get; }

        /// <summary>The name callers and readers use: the method, property or field name; a constructor's type name.</summary>
        public string Name { get; }

        /// <summary>What the body's tokens say (<see cref="BodyScanner"/>).</summary>
        public BodyWords Tokens { get; }

        public IReadOnlyList<string> Identifiers => Tokens.Identifiers;

        /// <summary>String literal values and the text parts of interpolated strings.</summary>
        public IReadOnlyList<string> Strings => Tokens.Strings;

        public IReadOnlyList<double> Numbers => Tokens.Numbers;

        /// <summary>The names the body assigns with <c>=</c> (<see cref="BodyTokens.Assigned"/>).</summary>
        public IReadOnlyList<string> Assigned => Tokens.Assigned;

        internal static BodyEntry Create(TreeEntry tree, SyntaxIndex.ScanState scan, SyntaxNode owner, string name)
        {
            var tokens = scan.Tokens;
            foreach (var part in BodyOwners.OwnBodies(owner))
            {
                // The scan declines where it could misread (a directive, an interpolated string, an escape...): the
                // compiler's tokens are read there instead.
                if (!BodyScanner.TryScan(scan.Span(part.Span), tokens))
                {
                    BodyScanner.ReadTokens(part, tokens);
                }
            }

            return new BodyEntry(tree, owner, name, tokens.Take());
        }

        /// <summary>
        /// Where the body's syntax sends its callers' values, read on first use and kept on the entry (not in a
        /// concurrent dictionary of the index, whose locks would be taken for every body). Two threads may both
        /// read a body at once; the facts are the same and one copy is kept.
        /// </summary>
        internal CallSiteDependence.MethodFacts CallerFacts(HashSet<string> declaredNames)
        {
            var facts = System.Threading.Volatile.Read(ref _callerFacts);
            if (facts == null)
            {
                facts = CallSiteDependence.Read(Node, declaredNames);
                facts = System.Threading.Interlocked.CompareExchange(ref _callerFacts, facts, null) ?? facts;
            }

            return facts;
        }

    }
}
