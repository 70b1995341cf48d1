using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// Per-compilation caches that let value flow read source declared elsewhere in the compilation — the body of a
    /// helper method, the initializer of a constant or static readonly field in another class — without rescanning
    /// the compilation: each declaration is bound once, on first use, and only when a value actually flows through it.
    /// Thread-safe; owned by <see cref="CdkTypes.Flow"/>.
    /// </summary>
    public sealed class SourceFlowCache
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<ISymbol, IOperation?> _bodies = new ConcurrentDictionary<ISymbol, IOperation?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, IOperation?> _initializers = new ConcurrentDictionary<ISymbol, IOperation?>(SymbolEqualityComparer.Default);
        // One table per body that holds a local a value flows through; sized for a large app up front, as growing takes every lock.
        private readonly ConcurrentDictionary<SyntaxNode, LocalTable> _locals = new ConcurrentDictionary<SyntaxNode, LocalTable>(concurrencyLevel: 8, capacity: 1024);
        private readonly ConcurrentDictionary<ISymbol, IReadOnlyList<IOperation>> _typeBodies = new ConcurrentDictionary<ISymbol, IReadOnlyList<IOperation>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _assignedInConstructor = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        internal SourceFlowCache(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>True when the symbol is declared in a syntax tree of this compilation (a helper PerfLint can follow).</summary>
        public bool IsInSource(ISymbol symbol) =>
            symbol.DeclaringSyntaxReferences.Any(r => _compilation.ContainsSyntaxTree(r.SyntaxTree));

        /// <summary>
        /// The bound body of a method, constructor or accessor declared in this compilation (an
        /// <see cref="IMethodBodyOperation"/>, <see cref="IConstructorBodyOperation"/> or block), or null.
        /// </summary>
        public IOperation? GetBody(IMethodSymbol method) =>
            _bodies.GetOrAdd(method.OriginalDefinition, m => BindBody((IMethodSymbol)m));

        /// <summary>
        /// The bound bodies of a method: its body (<see cref="GetBody"/>), or for a primary constructor (C# 12, records)
        /// the bodies of every member of its type, where its parameters are captured.
        /// </summary>
        public IReadOnlyList<IOperation> GetBodies(IMethodSymbol method)
        {
            var body = GetBody(method);
            if (body != null)
            {
                return new[] { body };
            }

            return method.MethodKind == MethodKind.Constructor
                ? _typeBodies.GetOrAdd(method.OriginalDefinition, m => BindTypeBodies((IMethodSymbol)m))
                : System.Array.Empty<IOperation>();
        }

        /// <summary>
        /// The one value a constructor's own body assigns to a member of the object it builds (<c>Type = type;</c>),
        /// or null when it assigns it nowhere or more than once.
        /// </summary>
        public IOperation? GetConstructorAssignment(IMethodSymbol constructor, ISymbol member)
        {
            var body = GetBody(constructor);
            if (body == null)
            {
                return null;
            }

            IOperation? value = null;
            foreach (var op in body.DescendantsAndSelf())
            {
                if (op is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment &&
                    (target.Instance == null || target.Instance is IInstanceReferenceOperation) &&
                    SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member.OriginalDefinition))
                {
                    if (value != null || assignment.IsRef)
                    {
                        return null;
                    }

                    value = assignment.Value;
                }
            }

            return value;
        }

        /// <summary>
        /// The lambda a delegate expression certainly holds: written in place, or the only value of a local or the
        /// initializer of a readonly field no constructor assigns; null otherwise.
        /// </summary>
        public IAnonymousFunctionOperation? GetLambda(IOperation? target)
        {
            for (var step = 0; target != null && step < 8; step++)
            {
                switch (target)
                {
                    case IAnonymousFunctionOperation lambda:
                        return lambda;
                    case IDelegateCreationOperation creation:
                        target = creation.Target;
                        break;
                    case IConversionOperation conversion:
                        target = conversion.Operand;
                        break;
                    case ILocalReferenceOperation local:
                        var assignments = GetLocalAssignments(local);
                        target = assignments?.Count == 1 ? assignments[0] : null;
                        break;
                    case IFieldReferenceOperation field when field.Field.IsReadOnly && !IsAssignedInConstructor(field.Field):
                        target = GetInitializer(field.Field);
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>True for the <c>out</c> argument of <c>collection.TryGetValue(key, out value)</c>: the local gets the entry the key reads.</summary>
        public static bool IsLookupOut(IArgumentOperation argument) =>
            argument.Parameter?.RefKind == RefKind.Out && argument.Parameter.Ordinal == 1 &&
            argument.Parent is IInvocationOperation { TargetMethod: { Name: "TryGetValue" }, Instance: { }, Arguments: { Length: 2 } };

        /// <summary>The value of a field's or auto-property's initializer (<c>= "m4.large"</c>) declared in this compilation, or null.</summary>
        public IOperation? GetInitializer(ISymbol fieldOrProperty) =>
            _initializers.GetOrAdd(fieldOrProperty.OriginalDefinition, BindInitializer);

        /// <summary>
        /// True when a constructor of the symbol's type may assign the field or get-only property (then its initializer
        /// is not its value). Syntactic and conservative: any assignment to that name inside a constructor counts, except
        /// the member assignments of object initializers (they set the created object's members).
        /// </summary>
        public bool IsAssignedInConstructor(ISymbol fieldOrProperty) =>
            _assignedInConstructor.GetOrAdd(fieldOrProperty.OriginalDefinition, symbol =>
            {
                var type = symbol.ContainingType;
                if (type == null)
                {
                    return true;
                }

                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    foreach (var constructor in reference.GetSyntax().DescendantNodes().OfType<ConstructorDeclarationSyntax>())
                    {
                        foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                        {
                            // `new X { Image = .. }` sets a member of the created object, not of this type.
                            if (assignment.Parent is InitializerExpressionSyntax)
                            {
                                continue;
                            }

                            var target = assignment.Left is MemberAccessExpressionSyntax access ? access.Name : assignment.Left as SimpleNameSyntax;
                            if (target?.Identifier.ValueText == symbol.Name)
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            });

        /// <summary>
        /// The values assigned to a local in the body that contains <paramref name="reference"/>: one entry per
        /// assignment (its value operation) or null for an assignment PerfLint cannot see through (out/ref, deconstruction,
        /// compound assignment, foreach, a member of its object written after). Null when the local's declaration is not found.
        /// </summary>
        public IReadOnlyList<IOperation?>? GetLocalAssignments(ILocalReferenceOperation reference)
        {
            IOperation top = reference;
            while (top.Parent != null)
            {
                top = top.Parent;
            }

            if (!(LocalKey.Of(reference.Local) is LocalKey key))
            {
                return null;
            }

            if (!_locals.TryGetValue(top.Syntax, out var table))
            {
                table = _locals.GetOrAdd(top.Syntax, LocalTable.Build(top));
            }

            return table.Assignments.TryGetValue(key, out var list) ? list : null;
        }

        [SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1030:Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer",
            Justification = "Value flow binds only the one helper method or field initializer a value flows through, once per compilation (cached); the analyzer's own context has no model for other files.")]
        private SemanticModel? ModelFor(SyntaxTree tree) =>
            _compilation.ContainsSyntaxTree(tree) ? _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t)) : null;

        private IOperation? BindBody(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var model = ModelFor(reference.SyntaxTree);
                var syntax = reference.GetSyntax();
                if (model == null)
                {
                    continue;
                }

                SyntaxNode? bodyOwner = syntax switch
                {
                    BaseMethodDeclarationSyntax m when m.Body != null || m.ExpressionBody != null => m,
                    AccessorDeclarationSyntax a when a.Body != null || a.ExpressionBody != null => a,
                    ArrowExpressionClauseSyntax arrow => arrow,
                    LocalFunctionStatementSyntax local when local.Body != null || local.ExpressionBody != null => local,
                    AnonymousFunctionExpressionSyntax lambda => lambda,
                    _ => null,
                };
                if (bodyOwner != null)
                {
                    var operation = model.GetOperation(bodyOwner);
                    switch (operation)
                    {
                        case ILocalFunctionOperation localFunction:
                            return localFunction.Body ?? localFunction.IgnoredBody;
                        case IAnonymousFunctionOperation lambda:
                            return lambda.Body;
                    }

                    if (operation != null)
                    {
                        return operation;
                    }
                }
            }

            return null;
        }

        /// <summary>The bound member bodies of the type a primary constructor belongs to (none for other constructors).</summary>
        private IReadOnlyList<IOperation> BindTypeBodies(IMethodSymbol constructor)
        {
            var bodies = new List<IOperation>();
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                var model = ModelFor(reference.SyntaxTree);
                if (model == null || !(reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: { } } type))
                {
                    continue;
                }

                foreach (var member in type.Members)
                {
                    foreach (var root in Gating.BodyOwners.OperationRoots(member).Concat(member is BaseFieldDeclarationSyntax field
                                 ? field.Declaration.Variables.Where(v => v.Initializer != null).Select(v => (SyntaxNode)v.Initializer!)
                                 : member is BasePropertyDeclarationSyntax { AccessorList: { } accessors } ? accessors.Accessors : Enumerable.Empty<SyntaxNode>()))
                    {
                        var operation = model.GetOperation(root);
                        if (operation != null)
                        {
                            bodies.Add(operation);
                        }
                    }
                }
            }

            return bodies;
        }

        private IOperation? BindInitializer(ISymbol symbol)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var model = ModelFor(reference.SyntaxTree);
                if (model == null)
                {
                    continue;
                }

                EqualsValueClauseSyntax? initializer = reference.GetSyntax() switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer,
                    PropertyDeclarationSyntax property => property.Initializer,
                    _ => null,
                };
                if (initializer == null)
                {
                    continue;
                }

                switch (model.GetOperation(initializer))
                {
                    case IFieldInitializerOperation field:
                        return field.Value;
                    case IPropertyInitializerOperation property:
                        return property.Value;
                }
            }

            return null;
        }

        private readonly struct LocalKey : System.IEquatable<LocalKey>
        {
            public LocalKey(SyntaxTree tree, TextSpan span)
            {
                Tree = tree;
                Span = span;
            }

            public SyntaxTree Tree { get; }

            public TextSpan Span { get; }

            /// <summary>The key of a local: where its (first) declaration is written; null when it has none in source.</summary>
            public static LocalKey? Of(ILocalSymbol local)
            {
                var declarations = local.DeclaringSyntaxReferences;
                return declarations.IsEmpty ? (LocalKey?)null : new LocalKey(declarations[0].SyntaxTree, declarations[0].Span);
            }

            public bool Equals(LocalKey other) => Tree == other.Tree && Span == other.Span;

            public override bool Equals(object? obj) => obj is LocalKey other && Equals(other);

            public override int GetHashCode() => Span.GetHashCode();
        }

        /// <summary>Every assignment to every local of one body, found in one walk of that body.</summary>
        private sealed class LocalTable
        {
            public Dictionary<LocalKey, List<IOperation?>> Assignments { get; } = new Dictionary<LocalKey, List<IOperation?>>();

            public static LocalTable Build(IOperation root)
            {
                var table = new LocalTable();
                foreach (var op in root.DescendantsAndSelf())
                {
                    switch (op)
                    {
                        case IVariableDeclaratorOperation declarator:
                            var init = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                            if (init != null)
                            {
                                table.Add(declarator.Symbol, init);
                            }

                            break;
                        case ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target:
                            table.Add(target.Local, assignment.IsRef ? null : assignment.Value);
                            break;
                        case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation written } }:
                            table.Add(written.Local, null); // the object it holds changes after its creation
                            break;
                        case ICompoundAssignmentOperation compound when compound.Target is ILocalReferenceOperation target:
                            table.Add(target.Local, null);
                            break;
                        case ICoalesceAssignmentOperation coalesce when coalesce.Target is ILocalReferenceOperation target:
                            table.Add(target.Local, null);
                            break;
                        case IIncrementOrDecrementOperation increment when increment.Target is ILocalReferenceOperation target:
                            table.Add(target.Local, null);
                            break;
                        case IDeconstructionAssignmentOperation deconstruction:
                            foreach (var local in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                            {
                                table.Add(local.Local, null);
                            }

                            break;
                        case IArgumentOperation argument when IsLookupOut(argument) && LookupLocal(argument) is ILocalSymbol found:
                            table.Add(found, argument);
                            break;
                        case IArgumentOperation argument when argument.Value is ILocalReferenceOperation passed &&
                                                               (argument.Parameter?.RefKind == RefKind.Ref || argument.Parameter?.RefKind == RefKind.Out):
                            table.Add(passed.Local, null);
                            break;
                        case ILocalReferenceOperation declared when declared.IsDeclaration &&
                                                                    !(declared.Parent is IDeclarationExpressionOperation { Parent: IArgumentOperation lookup } && IsLookupOut(lookup)):
                            table.Add(declared.Local, null);
                            break;
                        case IForEachLoopOperation loop:
                            foreach (var local in loop.Locals)
                            {
                                table.Add(local, null);
                            }

                            break;
                    }
                }

                return table;
            }

            /// <summary>The local a <c>TryGetValue</c> writes (<c>out var t</c> or <c>out t</c>).</summary>
            private static ILocalSymbol? LookupLocal(IArgumentOperation argument) =>
                argument.Value switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared.Local,
                    _ => null,
                };

            private void Add(ILocalSymbol local, IOperation? value)
            {
                if (!(LocalKey.Of(local) is LocalKey key))
                {
                    return;
                }

                if (!Assignments.TryGetValue(key, out var list))
                {
                    list = new List<IOperation?>();
                    Assignments[key] = list;
                }

                list.Add(value);
            }
        }
    }
}
