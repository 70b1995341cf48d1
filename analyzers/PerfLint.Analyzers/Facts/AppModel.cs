using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// The constructs of one compilation at its end, with the means to read them: props by name, the constructs an
    /// expression is or mentions (<see cref="References"/>), and string values (<see cref="ValueResolver"/>) under
    /// each construct's call chain. Built from an <see cref="AppFactCollector"/>'s raw facts; used by one rule.
    /// </summary>
    public sealed partial class AppModel
    {
        /// <summary>How many call chains one helper's constructs are instantiated under (more are cut).</summary>
        public const int MaxContextsPerMethod = 32;

        /// <summary>How many calls out a chain follows.</summary>
        public const int MaxContextDepth = 3;

        // Keyed by syntax (tree, span), not by IOperation: a helper's body bound again for value flow has other operation instances.
        private readonly Dictionary<SyntaxKey, List<ConstructNode>> _nodesByCreation = new Dictionary<SyntaxKey, List<ConstructNode>>();
        private readonly Dictionary<IMethodSymbol, List<IOperation>> _callSites;
        private readonly Dictionary<ISymbol, List<IOperation>> _memberAssignments;
        private readonly Dictionary<IMethodSymbol, List<CallContext?>> _contexts = new Dictionary<IMethodSymbol, List<CallContext?>>(SymbolEqualityComparer.Default);
        private readonly HashSet<IMethodSymbol> _contextsInProgress = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private readonly AnalyzerOptions _options;
        private readonly Dictionary<Flow, IReadOnlyList<ConstructNode>> _mentions = new Dictionary<Flow, IReadOnlyList<ConstructNode>>();

        internal AppModel(CdkTypes cdk, IEnumerable<Creation> creations,
            ConcurrentDictionary<IMethodSymbol, ConcurrentBag<IOperation>> callSites,
            ConcurrentDictionary<ISymbol, ConcurrentBag<IOperation>> memberAssignments,
            IEnumerable<IInvocationOperation> wiringCalls, IEnumerable<ISimpleAssignmentOperation> constructPropertyAssignments,
            AnalyzerOptions options, CancellationToken cancellationToken)
        {
            Cdk = cdk;
            _options = options;
            CancellationToken = cancellationToken;
            // Source order everywhere: diagnostics and the "first evidence" of a connection must not depend on thread timing.
            _callSites = callSites.ToDictionary(p => p.Key, p => p.Value.OrderBy(o => o, SourceOrder.Instance).ToList(), (IEqualityComparer<IMethodSymbol>)SymbolEqualityComparer.Default);
            _memberAssignments = memberAssignments.ToDictionary(p => p.Key, p => p.Value.OrderBy(o => o, SourceOrder.Instance).ToList(), (IEqualityComparer<ISymbol>)SymbolEqualityComparer.Default);
            WiringCalls = wiringCalls.OrderBy(o => o, SourceOrder.Instance).ToImmutableArray();
            ConstructPropertyAssignments = constructPropertyAssignments.OrderBy(o => o, SourceOrder.Instance).ToImmutableArray();

            var nodes = new List<ConstructNode>();
            foreach (var creation in creations.OrderBy(c => c.Operation, SourceOrder.Instance))
            {
                var op = creation.Operation;
                var construct = creation.Construct;
                var list = new List<ConstructNode>();
                foreach (var context in ContextsOf(OwnerOf(op)))
                {
                    var node = CreateNode(op, construct, context);
                    if (node != null)
                    {
                        list.Add(node);
                    }
                }

                _nodesByCreation[Key(op)] = list;
                nodes.AddRange(list);
            }

            Nodes = nodes.ToImmutableArray();
            foreach (var node in Nodes)
            {
                node.Identifier = NameNode;
            }
        }

        public CdkTypes Cdk { get; }

        /// <summary>A sink for this app's findings, reported through <paramref name="report"/> (none in generated code).</summary>
        public AppFindingSink Findings(Action<Diagnostic> report) => new AppFindingSink(Cdk.GeneratedCode.Filter(report, _options, CancellationToken), NoteAt);

        public CancellationToken CancellationToken { get; }

        /// <summary>Every construct, in source order.</summary>
        public ImmutableArray<ConstructNode> Nodes { get; }

        /// <summary>CDK calls that wire constructs together (<c>AllowFrom</c>, <c>Grant*</c>, ...), in source order.</summary>
        public ImmutableArray<IInvocationOperation> WiringCalls { get; }

        /// <summary>Assignments to a construct's CDK properties after its creation (escape hatches), in source order.</summary>
        public ImmutableArray<ISimpleAssignmentOperation> ConstructPropertyAssignments { get; }

        /// <summary>The constructs of one CloudFormation type.</summary>
        public IEnumerable<ConstructNode> OfType(string cfnType) => Nodes.Where(n => n.Is(cfnType));

        /// <summary>The `.editorconfig` options in effect where a diagnostic at <paramref name="location"/> goes.</summary>
        public RuleOptions OptionsFor(Location location) =>
            location.SourceTree == null ? RuleOptions.Default : _options.GetRuleOptions(location.SourceTree);

        /// <summary>The call chains a method runs under: one per call site in this compilation (transitively), or a single null.</summary>
        public IReadOnlyList<CallContext?> ContextsOf(IMethodSymbol? method)
        {
            if (method == null || !_callSites.ContainsKey(method.OriginalDefinition))
            {
                return new CallContext?[] { null };
            }

            var key = method.OriginalDefinition;
            if (_contexts.TryGetValue(key, out var cached))
            {
                return cached;
            }

            // Recursion (a helper that calls itself) ends the chain there.
            if (!_contextsInProgress.Add(key))
            {
                return new CallContext?[] { null };
            }

            var result = new List<CallContext?>();
            foreach (var site in _callSites[key])
            {
                foreach (var outer in ContextsOf(OwnerOf(site)))
                {
                    var context = outer != null && outer.Depth + 1 >= MaxContextDepth ? CallContext.Create(site, null) : CallContext.Create(site, outer);
                    if (context != null && result.Count < MaxContextsPerMethod && !result.Any(r => CallContext.Same(r, context)))
                    {
                        result.Add(context);
                    }
                }
            }

            _contextsInProgress.Remove(key);
            if (result.Count == 0)
            {
                result.Add(null);
            }

            _contexts[key] = result;
            return result;
        }

        /// <summary>The context for code in <paramref name="operation"/>'s method reached from <paramref name="from"/>'s chain.</summary>
        public CallContext? ContextFor(IOperation operation, CallContext? from)
        {
            var owner = OwnerOf(operation);
            for (var c = from; c != null; c = c.Outer)
            {
                if (owner != null && SymbolEqualityComparer.Default.Equals(c.Method, owner.OriginalDefinition))
                {
                    return c;
                }
            }

            var contexts = ContextsOf(owner);
            return contexts.Count == 1 ? contexts[0] : null;
        }

        /// <summary>The constructs created by <paramref name="creation"/> reached under <paramref name="context"/>: the one of that chain, else all.</summary>
        internal IEnumerable<ConstructNode> NodesFor(IOperation creation, CallContext? context)
        {
            if (!_nodesByCreation.TryGetValue(Key(creation), out var nodes))
            {
                return Array.Empty<ConstructNode>();
            }

            if (nodes.Count <= 1)
            {
                return nodes;
            }

            for (var c = context; c != null; c = c.Outer)
            {
                var match = nodes.FirstOrDefault(n => CallContext.Same(n.Context, c));
                if (match != null)
                {
                    return new[] { match };
                }
            }

            return nodes;
        }

        internal bool IsCreation(IOperation operation) =>
            (operation is IObjectCreationOperation || operation is IInvocationOperation) && _nodesByCreation.ContainsKey(Key(operation));

        private static SyntaxKey Key(IOperation operation) => new SyntaxKey(operation.Syntax);

        public IReadOnlyList<IOperation> CallSitesOf(IMethodSymbol method) =>
            _callSites.TryGetValue(method.OriginalDefinition, out var sites) ? sites : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

        internal IReadOnlyList<IOperation> AssignmentsOf(ISymbol member) =>
            _memberAssignments.TryGetValue(member.OriginalDefinition, out var values) ? values : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

        /// <summary>The constructs <paramref name="flow"/> is (<c>db</c>, <c>db.Connections</c>, <c>this.Db</c>, a helper's parameter).</summary>
        public IReadOnlyList<ConstructNode> Identity(Flow flow) => new ReferenceWalker(this, mentions: false).Walk(flow);

        /// <summary>
        /// The constructs <paramref name="flow"/> mentions anywhere inside it (<c>$"{db.DbInstanceEndpointAddress}:5432"</c>,
        /// <c>new S3Origin(bucket)</c>, a local holding <c>new BehaviorOptions { Origin = origin }</c>).
        /// </summary>
        public IReadOnlyList<ConstructNode> Mentions(Flow flow)
        {
            if (!_mentions.TryGetValue(flow, out var nodes))
            {
                _mentions[flow] = nodes = new ReferenceWalker(this, mentions: true).Walk(flow);
            }

            return nodes;
        }

        /// <summary>Like <see cref="Mentions"/>, and whether the walk met a value it could not follow (a parameter with no call site).</summary>
        public (IReadOnlyList<ConstructNode> Nodes, bool SawUnknown) MentionsWithUnknowns(Flow flow)
        {
            var walker = new ReferenceWalker(this, mentions: true);
            var nodes = walker.Walk(flow);
            return (nodes, walker.SawUnknown);
        }

        /// <summary>The method (not lambda) whose body holds <paramref name="operation"/>, or null (field initializers, top-level code).</summary>
        public static IMethodSymbol? OwnerOf(IOperation operation)
        {
            var model = operation.SemanticModel;
            if (model == null)
            {
                return null;
            }

            var symbol = model.GetEnclosingSymbol(operation.Syntax.SpanStart);
            while (symbol is IMethodSymbol method && (method.MethodKind == MethodKind.AnonymousFunction || method.MethodKind == MethodKind.LocalFunction))
            {
                symbol = method.ContainingSymbol;
            }

            return symbol as IMethodSymbol;
        }

        private ConstructNode? CreateNode(IOperation op, INamedTypeSymbol construct, CallContext? context)
        {
            switch (op)
            {
                case IObjectCreationOperation creation when creation.Type != null:
                    return new ConstructNode(op, construct, creation.Type, context,
                        ArgumentNamed(creation.Arguments, "id"), ArgumentNamed(creation.Arguments, "props"), null);
                case IInvocationOperation factory when factory.Instance != null:
                    // Factories: Add*(string id, <options>): the first string is the id, the first CDK-typed object the options.
                    var id = factory.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String)?.Value;
                    var props = factory.Arguments.FirstOrDefault(a => a.Parameter != null && a.Parameter.Type.SpecialType != SpecialType.System_String &&
                                                                      Cdk.IsCdk(a.Parameter.Type))?.Value;
                    return new ConstructNode(op, construct, factory.TargetMethod.ReturnType, context, id, props, factory.Instance);
                default:
                    return null;
            }
        }

        private static IOperation? ArgumentNamed(ImmutableArray<IArgumentOperation> arguments, string name)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private (string, Location) NameNode(ConstructNode node)
        {
            var id = node.Id == null ? null : SingleString(new Flow(node.Id, node.Context));
            return (id?.Text ?? node.Type.Name, id?.Location ?? node.Id?.Syntax.GetLocation() ?? node.Creation.Syntax.GetLocation());
        }
    }
}
