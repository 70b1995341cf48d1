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
    public sealed class AppModel
    {
        /// <summary>How many call chains one helper's constructs are instantiated under (more are cut).</summary>
        public const int MaxContextsPerMethod = 32;

        /// <summary>How many calls out a chain follows.</summary>
        public const int MaxContextDepth = 3;

        // Keyed by syntax (tree, span), not by IOperation: a helper's body bound again for value flow has other operation instances.
        private readonly Dictionary<(SyntaxTree, TextSpan), List<ConstructNode>> _nodesByCreation = new Dictionary<(SyntaxTree, TextSpan), List<ConstructNode>>();
        private readonly Dictionary<IMethodSymbol, List<IOperation>> _callSites;
        private readonly Dictionary<ISymbol, List<IOperation>> _memberAssignments;
        private readonly Dictionary<IMethodSymbol, List<CallContext?>> _contexts = new Dictionary<IMethodSymbol, List<CallContext?>>(SymbolEqualityComparer.Default);
        private readonly HashSet<IMethodSymbol> _contextsInProgress = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private readonly AnalyzerOptions _options;

        internal AppModel(ConstructTypes types, IEnumerable<(IOperation Op, ConstructKind Kind, bool IsL1)> creations,
            ConcurrentDictionary<IMethodSymbol, ConcurrentBag<IOperation>> callSites,
            ConcurrentDictionary<ISymbol, ConcurrentBag<IOperation>> memberAssignments,
            IEnumerable<IInvocationOperation> wiringCalls, IEnumerable<ISimpleAssignmentOperation> constructPropertyAssignments,
            AnalyzerOptions options, CancellationToken cancellationToken)
        {
            Types = types;
            Cdk = types.Cdk;
            _options = options;
            CancellationToken = cancellationToken;
            // Source order everywhere: diagnostics and the "first evidence" of a connection must not depend on thread timing.
            _callSites = callSites.ToDictionary(p => p.Key, p => p.Value.OrderBy(Position).ToList(), (IEqualityComparer<IMethodSymbol>)SymbolEqualityComparer.Default);
            _memberAssignments = memberAssignments.ToDictionary(p => p.Key, p => p.Value.OrderBy(Position).ToList(), (IEqualityComparer<ISymbol>)SymbolEqualityComparer.Default);
            WiringCalls = wiringCalls.OrderBy(Position).ToImmutableArray();
            ConstructPropertyAssignments = constructPropertyAssignments.OrderBy(Position).ToImmutableArray();

            var nodes = new List<ConstructNode>();
            foreach (var (op, kind, isL1) in creations.OrderBy(c => Position(c.Op)))
            {
                var list = new List<ConstructNode>();
                foreach (var context in ContextsOf(OwnerOf(op)))
                {
                    var node = CreateNode(op, kind, isL1, context);
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

        public ConstructTypes Types { get; }

        public CdkTypes Cdk { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>Every construct, in source order.</summary>
        public ImmutableArray<ConstructNode> Nodes { get; }

        /// <summary>CDK calls that wire constructs together (<c>AllowFrom</c>, <c>Grant*</c>, ...), in source order.</summary>
        public ImmutableArray<IInvocationOperation> WiringCalls { get; }

        /// <summary>Assignments to a construct's CDK properties after its creation (escape hatches), in source order.</summary>
        public ImmutableArray<ISimpleAssignmentOperation> ConstructPropertyAssignments { get; }

        /// <summary>The constructs of one kind.</summary>
        public IEnumerable<ConstructNode> OfKind(ConstructKind kind) => Nodes.Where(n => n.Kind == kind);

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

        private static (SyntaxTree, TextSpan) Key(IOperation operation) => (operation.Syntax.SyntaxTree, operation.Syntax.Span);

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
        public IReadOnlyList<ConstructNode> Mentions(Flow flow) => new ReferenceWalker(this, mentions: true).Walk(flow);

        /// <summary>Like <see cref="Mentions"/>, and whether the walk met a value it could not follow (a parameter with no call site).</summary>
        public (IReadOnlyList<ConstructNode> Nodes, bool SawUnknown) MentionsWithUnknowns(Flow flow)
        {
            var walker = new ReferenceWalker(this, mentions: true);
            var nodes = walker.Walk(flow);
            return (nodes, walker.SawUnknown);
        }

        /// <summary>The string values of <paramref name="flow"/>, each with the location a diagnostic about it belongs on.</summary>
        public IReadOnlyList<FactValue> Strings(Flow? flow) =>
            Values(flow).Where(v => v.Value.Kind == ResolvedValueKind.String || v.Value.Kind == ResolvedValueKind.InstanceType).ToList();

        /// <summary>The single string value of <paramref name="flow"/>, or null when there is none or they differ.</summary>
        public FactValue? SingleString(Flow? flow)
        {
            var values = Strings(flow);
            return values.Count > 0 && values.All(v => v.Text == values[0].Text) ? values[0] : null;
        }

        /// <summary>Every compile-time value of <paramref name="flow"/> (strings, numbers, enum members, instance types).</summary>
        public IReadOnlyList<FactValue> Values(Flow? flow)
        {
            if (flow == null)
            {
                return Array.Empty<FactValue>();
            }

            var f = flow.Value;
            var tree = f.Operation.Syntax.SyntaxTree;
            var values = ValueResolver.Resolve(f.Operation, Cdk, CancellationToken, f.Context?.Bindings, tree);
            var result = new List<FactValue>(values.Length);
            foreach (var value in values)
            {
                result.Add(new FactValue(value, ReportLocation(f, value)));
            }

            return result;
        }

        /// <summary>
        /// Where a value is reported: when it came through a helper's parameter (<c>Image = image</c>), at the
        /// call site holding it (the literal there, else the argument expression: a shared constant is reported where
        /// this call passes it, not on its declaration); otherwise at <see cref="ResolvedValue.Node"/> (the literal, or
        /// the nearest expression of the construct's file that leads to it).
        /// </summary>
        private Location ReportLocation(Flow flow, ResolvedValue value)
        {
            var anchor = AnchorOperation(flow);
            if (anchor != ReferenceWalker.Unwrap(flow.Operation))
            {
                var node = value.Node;
                return node.SyntaxTree == anchor.Syntax.SyntaxTree && anchor.Syntax.Span.Contains(node.Span)
                    ? node.GetLocation()
                    : anchor.Syntax.GetLocation();
            }

            return value.Location;
        }

        /// <summary>
        /// Where to report about an expression that is not a single value (a mention of a construct): the expression
        /// itself, or, when it is a helper's parameter bound by the call chain, the argument at the call site.
        /// </summary>
        public Location Anchor(Flow flow) => AnchorOperation(flow).Syntax.GetLocation();

        private IOperation AnchorOperation(Flow flow)
        {
            var op = ReferenceWalker.Unwrap(flow.Operation);
            var context = flow.Context;
            for (var depth = 0; op is IParameterReferenceOperation parameter && depth < MaxContextDepth + 2; depth++)
            {
                IArgumentOperation? argument = null;
                var c = context;
                while (c != null && !c.Bindings.TryGetArgument(parameter.Parameter, out argument))
                {
                    c = c.Outer;
                }

                if (c == null || argument == null)
                {
                    break;
                }

                op = ReferenceWalker.Unwrap(argument.Value);
                context = c.Outer;
            }

            return op ?? flow.Operation;
        }

        /// <summary>The value of a property set in an object initializer: <c>Prop(props, "InstanceType")</c>, following locals and parameters to the object.</summary>
        public Flow? Prop(Flow? obj, string name)
        {
            if (obj == null)
            {
                return null;
            }

            foreach (var creation in ObjectsOf(obj.Value, 0))
            {
                if (creation.Operation is IObjectCreationOperation created && created.Initializer != null)
                {
                    foreach (var init in created.Initializer.Initializers)
                    {
                        if (init is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation target &&
                            !target.Property.IsIndexer && target.Property.Name == name)
                        {
                            var value = new Flow(assignment.Value, creation.Context);
                            return IsNull(value) ? (Flow?)null : value;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>True when every value the flow can have is <c>null</c> (<c>Prop = null</c>, a helper called with <c>null</c>): the property is not set.</summary>
        public bool IsNull(Flow flow)
        {
            var any = false;
            foreach (var obj in ObjectsOf(flow, 0))
            {
                if (!obj.Operation.ConstantValue.HasValue || obj.Operation.ConstantValue.Value != null)
                {
                    return false;
                }

                any = true;
            }

            return any;
        }

        /// <summary>The property <paramref name="name"/> of a construct's props.</summary>
        public Flow? Prop(ConstructNode node, string name) => Prop(node.PropsFlow, name);

        /// <summary>The elements of an array or list value (<c>new[] { a, b }</c>, <c>new List&lt;T&gt; { a }</c>); a non-collection value is its own single element.</summary>
        public IReadOnlyList<Flow> Elements(Flow? value)
        {
            var result = new List<Flow>();
            if (value == null)
            {
                return result;
            }

            foreach (var obj in ObjectsOf(value.Value, 0))
            {
                switch (obj.Operation)
                {
                    case IArrayCreationOperation array when array.Initializer != null:
                        result.AddRange(array.Initializer.ElementValues.Select(e => new Flow(e, obj.Context)));
                        break;
                    case IObjectCreationOperation list when list.Initializer != null && list.Initializer.Initializers.All(i => i is IInvocationOperation):
                        foreach (var add in list.Initializer.Initializers.OfType<IInvocationOperation>())
                        {
                            if (add.Arguments.Length == 1)
                            {
                                result.Add(new Flow(add.Arguments[0].Value, obj.Context));
                            }
                        }

                        if (list.Initializer.Initializers.Length > 0)
                        {
                            break;
                        }

                        result.Add(obj);
                        break;
                    // C# 12 collection expressions ([a, b]) have no operation type in Roslyn 4.8: their children are the elements.
                    case IOperation collection when collection.Syntax.IsKind(SyntaxKind.CollectionExpression):
                        result.AddRange(collection.ChildOperations.Select(e => new Flow(e, obj.Context)));
                        break;
                    default:
                        result.Add(obj);
                        break;
                }
            }

            return result;
        }

        /// <summary>The entries of a dictionary value (<c>{ ["K"] = v }</c> or <c>{ { "K", v } }</c>), keys resolved to strings.</summary>
        public IReadOnlyList<(string Key, Flow Value)> Entries(Flow? dictionary)
        {
            var result = new List<(string, Flow)>();
            if (dictionary == null)
            {
                return result;
            }

            foreach (var obj in ObjectsOf(dictionary.Value, 0))
            {
                if (!(obj.Operation is IObjectCreationOperation created) || created.Initializer == null)
                {
                    continue;
                }

                foreach (var init in created.Initializer.Initializers)
                {
                    IOperation? key = null, value = null;
                    if (init is IInvocationOperation add && add.Arguments.Length == 2)
                    {
                        key = add.Arguments[0].Value;
                        value = add.Arguments[1].Value;
                    }
                    else if (init is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation indexer &&
                             indexer.Property.IsIndexer && indexer.Arguments.Length == 1)
                    {
                        key = indexer.Arguments[0].Value;
                        value = assignment.Value;
                    }

                    var keyText = key == null ? null : SingleString(new Flow(key, obj.Context))?.Text;
                    if (keyText != null && value != null)
                    {
                        result.Add((keyText, new Flow(value, obj.Context)));
                    }
                }
            }

            return result;
        }

        /// <summary>The object, array or factory expressions a value comes from (through conversions, locals, parameters, fields).</summary>
        internal IEnumerable<Flow> ObjectsOf(Flow flow, int depth)
        {
            var op = ReferenceWalker.Unwrap(flow.Operation);
            if (op == null || depth > 8)
            {
                yield break;
            }

            switch (op)
            {
                case ILocalReferenceOperation local:
                    var assignments = Cdk.Flow.GetLocalAssignments(local);
                    if (assignments != null && assignments.Count == 1 && assignments[0] != null)
                    {
                        foreach (var f in ObjectsOf(new Flow(assignments[0]!, flow.Context), depth + 1))
                        {
                            yield return f;
                        }
                    }

                    break;
                case IParameterReferenceOperation parameter:
                    if (flow.Context != null && flow.Context.Bindings.TryGetArgument(parameter.Parameter, out var argument))
                    {
                        foreach (var f in ObjectsOf(new Flow(argument.Value, flow.Context.Outer), depth + 1))
                        {
                            yield return f;
                        }
                    }

                    break;
                case IFieldReferenceOperation field when field.Instance == null || field.Instance is IInstanceReferenceOperation:
                    foreach (var value in MemberValues(field.Field))
                    {
                        foreach (var f in ObjectsOf(new Flow(value, ContextFor(value, flow.Context)), depth + 1))
                        {
                            yield return f;
                        }
                    }

                    break;
                case IPropertyReferenceOperation property when (property.Instance == null || property.Instance is IInstanceReferenceOperation) && !Cdk.IsCdk(property.Property):
                    foreach (var value in MemberValues(property.Property))
                    {
                        foreach (var f in ObjectsOf(new Flow(value, ContextFor(value, flow.Context)), depth + 1))
                        {
                            yield return f;
                        }
                    }

                    break;
                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    foreach (var f in ObjectsOf(new Flow(conditional.WhenTrue, flow.Context), depth + 1).Concat(ObjectsOf(new Flow(conditional.WhenFalse, flow.Context), depth + 1)))
                    {
                        yield return f;
                    }

                    break;
                default:
                    yield return new Flow(op, flow.Context);
                    break;
            }
        }

        /// <summary>The values a field or property declared in source is given: its initializer and assignments (not in the same object's initializer).</summary>
        internal IEnumerable<IOperation> MemberValues(ISymbol member)
        {
            if (!Cdk.Flow.IsInSource(member))
            {
                yield break;
            }

            var initializer = Cdk.Flow.GetInitializer(member);
            if (initializer != null)
            {
                yield return initializer;
            }

            foreach (var value in AssignmentsOf(member))
            {
                yield return value;
            }
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

        private static (string, int) Position(IOperation operation) =>
            (operation.Syntax.SyntaxTree.FilePath ?? string.Empty, operation.Syntax.SpanStart);

        private ConstructNode? CreateNode(IOperation op, ConstructKind kind, bool isL1, CallContext? context)
        {
            switch (op)
            {
                case IObjectCreationOperation creation when creation.Type != null:
                    return new ConstructNode(op, kind, isL1, creation.Type, context,
                        ArgumentNamed(creation.Arguments, "id"), ArgumentNamed(creation.Arguments, "props"), null);
                case IInvocationOperation factory when factory.Instance != null:
                    // Factories: Add*(string id, <options>): the first string is the id, the first CDK-typed object the options.
                    var id = factory.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String)?.Value;
                    var props = factory.Arguments.FirstOrDefault(a => a.Parameter != null && a.Parameter.Type.SpecialType != SpecialType.System_String &&
                                                                      Cdk.IsCdk(a.Parameter.Type))?.Value;
                    return new ConstructNode(op, kind, isL1, factory.TargetMethod.ReturnType, context, id, props, factory.Instance);
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
