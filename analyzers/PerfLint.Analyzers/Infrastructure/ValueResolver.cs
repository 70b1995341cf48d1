using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Knowledge.Cdk;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// Resolves an expression (an argument, a property initializer value) to the compile-time values it can have,
    /// following: literals and constants; <c>const</c>, <c>readonly</c> and <c>static readonly</c> fields and get-only
    /// properties with initializers (that no constructor assigns) or expression bodies in any class of the
    /// compilation; locals assigned once; string concatenation
    /// and interpolation; conversions; choices (<c>?:</c>, <c>??</c>, switch expressions and statements, collection
    /// lookups: see <c>ValueResolver.Choices.cs</c>); the members of objects created in source (records and classes:
    /// <c>ValueResolver.Objects.cs</c>); enum members (CDK jsii
    /// enums keep the member symbol, e.g. <c>InstanceClass.STANDARD4</c>); static members of jsii enum-like classes
    /// (<c>Architecture.ARM_64</c>); <c>InstanceType.Of(cls, size)</c> and <c>new InstanceType("m5.large")</c>; the
    /// return values of helper methods, local functions and lambdas declared in source (their parameters bound to the
    /// call's arguments); and,
    /// under <see cref="ParameterBindings"/>, the parameters of the method being walked.
    /// A parameter without bindings is unknown: the value is resolved at each call site instead (see
    /// <see cref="CdkSinkAnalysis"/>). Depth- and cycle-bounded; never throws on incomplete code.
    /// </summary>
    public static partial class ValueResolver
    {
        /// <summary>How many nested steps (conversions, locals, fields, calls) one resolution follows.</summary>
        public const int MaxDepth = 24;

        /// <summary>How many source methods deep value flow follows calls.</summary>
        public const int MaxCallDepth = 4;

        /// <summary>At most this many values per expression (a product of concatenated branches is cut here).</summary>
        public const int MaxValues = 32;

        /// <summary>
        /// At most this many steps per resolution: bounds the work on pathological code (<c>a2 = a1 + a1; a3 = a2 + a2 ..</c>
        /// re-resolves each local twice per level) so that one expression never costs more than a few milliseconds.
        /// </summary>
        public const int MaxSteps = 4096;

        /// <summary>
        /// The values of <paramref name="value"/>. <paramref name="bindings"/> binds the parameters of the method
        /// whose body holds <paramref name="value"/> (null: parameters are unknown). Diagnostics belong in
        /// <paramref name="reportTree"/> (default: the call site's file under bindings, else the value's file).
        /// </summary>
        public static ImmutableArray<ResolvedValue> Resolve(IOperation? value, CdkTypes cdk, CancellationToken cancellationToken,
            ParameterBindings? bindings = null, SyntaxTree? reportTree = null)
        {
            if (value == null || cdk == null)
            {
                return ImmutableArray<ResolvedValue>.Empty;
            }

            var walker = new Walker(cdk, reportTree ?? value.Syntax.SyntaxTree, cancellationToken);
            var result = walker.Resolve(value, bindings, null, 0, fromCallSite: false);
            return result.Count == 0 ? ImmutableArray<ResolvedValue>.Empty : result.ToImmutableArray();
        }

        /// <summary>
        /// A C# 12 collection expression (<c>["a", "b"]</c>): Roslyn 4.8 has no operation type for it (a newer
        /// compiler has), so it is known by its syntax; either way its children are the elements.
        /// </summary>
        internal static bool IsCollectionExpression(IOperation op) => op.Syntax.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CollectionExpression);

        /// <summary>The strings among the values of <paramref name="value"/> (convenience for string-valued properties).</summary>
        public static IEnumerable<ResolvedValue> ResolveStrings(IOperation? value, CdkTypes cdk, CancellationToken cancellationToken,
            ParameterBindings? bindings = null, SyntaxTree? reportTree = null) =>
            Resolve(value, cdk, cancellationToken, bindings, reportTree).Where(v => v.Kind == ResolvedValueKind.String);

        private sealed partial class Walker
        {
            private static readonly List<ResolvedValue> None = new List<ResolvedValue>();

            private readonly CdkTypes _cdk;
            private readonly SyntaxTree _reportTree;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<ISymbol> _visiting = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            private int _steps;

            public Walker(CdkTypes cdk, SyntaxTree reportTree, CancellationToken cancellationToken)
            {
                _cdk = cdk;
                _reportTree = reportTree;
                _cancellationToken = cancellationToken;
            }

            /// <param name="anchor">The last node on the path that lies in the report tree (where a value from another file is reported).</param>
            /// <param name="fromCallSite">True once the path went through the analyzed call site's bindings.</param>
            public List<ResolvedValue> Resolve(IOperation? op, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                if (op == null || depth > MaxDepth || ++_steps > MaxSteps)
                {
                    return None;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                if (op.Syntax != null && op.Syntax.SyntaxTree == _reportTree)
                {
                    anchor = op.Syntax;
                }

                var choices = Choices(op, bindings, depth, fromCallSite);
                if (choices != null)
                {
                    return Choose(choices, anchor, depth);
                }

                switch (op)
                {
                    case IConversionOperation conversion when !conversion.Conversion.IsUserDefined:
                        return Resolve(conversion.Operand, bindings, anchor, depth + 1, fromCallSite);
                    case IArgumentOperation argument:
                        return Resolve(argument.Value, bindings, anchor, depth + 1, fromCallSite);
                    case IFieldReferenceOperation field:
                        return ResolveField(field, bindings, anchor, depth, fromCallSite);
                    case IPropertyReferenceOperation property:
                        return ResolveProperty(property, bindings, anchor, depth, fromCallSite);
                    case ILocalReferenceOperation local:
                        return ResolveLocal(local, bindings, anchor, depth, fromCallSite);
                    case IParameterReferenceOperation parameter:
                        return ResolveParameter(parameter, bindings, anchor, depth, fromCallSite);
                    case IInterpolatedStringOperation interpolated:
                        return ResolveInterpolation(interpolated, bindings, anchor, depth, fromCallSite);
                    case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add &&
                                                      binary.Type?.SpecialType == SpecialType.System_String &&
                                                      !binary.ConstantValue.HasValue:
                        return Concatenate(op, new[] { binary.LeftOperand, binary.RightOperand }, bindings, anchor, depth, fromCallSite);
                    case IArrayCreationOperation array when array.Initializer != null:
                        return Union(array.Initializer.ElementValues, bindings, anchor, depth, fromCallSite);
                    case IOperation _ when IsCollectionExpression(op):
                        return Union(op.ChildOperations, bindings, anchor, depth, fromCallSite);
                    case IInvocationOperation invocation:
                        return ResolveInvocation(invocation, bindings, anchor, depth, fromCallSite);
                    case IObjectCreationOperation creation:
                        return ResolveCreation(creation, bindings, anchor, depth, fromCallSite);
                }

                if (op.ConstantValue.HasValue && op.ConstantValue.Value != null)
                {
                    var constant = ResolvedValue.FromConstant(op.ConstantValue.Value, Leaf(op, anchor), op.Syntax!, fromCallSite);
                    return constant == null ? None : new List<ResolvedValue> { constant };
                }

                return None;
            }

            /// <summary>
            /// Where a value found at <paramref name="op"/> is reported: op itself in the report file, else the last
            /// node of the path in the report file, else op (outside the report file: the caller filters it out).
            /// </summary>
            private SyntaxNode Leaf(IOperation op, SyntaxNode? anchor) =>
                op.Syntax.SyntaxTree == _reportTree ? op.Syntax : anchor ?? op.Syntax;

            private List<ResolvedValue> ResolveField(IFieldReferenceOperation reference, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                var field = reference.Field;
                if (field.ContainingType?.TypeKind == TypeKind.Enum)
                {
                    return new List<ResolvedValue> { ResolvedValue.FromMember(field, Leaf(reference, anchor), reference.Syntax, fromCallSite) };
                }

                var read = ReadMember(reference.Instance, field, anchor, bindings, depth, fromCallSite);
                if (read != null)
                {
                    return read;
                }

                // const, or readonly with an initializer no constructor overrides.
                if (field.IsConst || (field.IsReadOnly && !_cdk.Flow.IsAssignedInConstructor(field)))
                {
                    var followed = FollowInitializer(field, anchor, depth, fromCallSite);
                    if (followed.Count > 0)
                    {
                        return followed;
                    }
                }

                if (field.IsConst && field.HasConstantValue)
                {
                    var constant = ResolvedValue.FromConstant(field.ConstantValue, Leaf(reference, anchor), reference.Syntax, fromCallSite);
                    return constant == null ? None : new List<ResolvedValue> { constant };
                }

                return StaticCdkMember(reference, field, anchor, fromCallSite);
            }

            private List<ResolvedValue> ResolveProperty(IPropertyReferenceOperation reference, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                var property = reference.Property;
                if (_cdk.IsCdk(property))
                {
                    return StaticCdkMember(reference, property, anchor, fromCallSite);
                }

                var read = property.IsIndexer ? null : ReadMember(reference.Instance, property, anchor, bindings, depth, fromCallSite);
                if (read != null)
                {
                    return read;
                }

                // Read without its object: only get-only properties, as a setter (init included) lets object
                // initializers replace the value.
                if (property.IsIndexer || property.SetMethod != null || _cdk.Flow.IsAssignedInConstructor(property))
                {
                    return None;
                }

                var followed = FollowInitializer(property, anchor, depth, fromCallSite);
                if (followed.Count > 0 || property.GetMethod == null)
                {
                    return followed;
                }

                // Expression-bodied or block getter: its return values.
                return FollowReturns(property.GetMethod, null, anchor, depth, fromCallSite);
            }

            /// <summary>A static, get-only member of a CDK enum-like class (<c>Architecture.ARM_64</c>) is a value in itself.</summary>
            private List<ResolvedValue> StaticCdkMember(IOperation reference, ISymbol member, SyntaxNode? anchor, bool fromCallSite)
            {
                if (!member.IsStatic || !_cdk.IsCdk(member))
                {
                    return None;
                }

                return new List<ResolvedValue> { ResolvedValue.FromMember(member, Leaf(reference, anchor), reference.Syntax, fromCallSite) };
            }

            private List<ResolvedValue> FollowInitializer(ISymbol symbol, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                if (!_cdk.Flow.IsInSource(symbol) || !_visiting.Add(symbol))
                {
                    return None;
                }

                try
                {
                    var initializer = _cdk.Flow.GetInitializer(symbol);
                    return initializer == null ? None : Resolve(initializer, null, anchor, depth + 1, fromCallSite);
                }
                finally
                {
                    _visiting.Remove(symbol);
                }
            }

            private List<ResolvedValue> ResolveLocal(ILocalReferenceOperation reference, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                if (!_visiting.Add(reference.Local))
                {
                    return None;
                }

                try
                {
                    var assignments = _cdk.Flow.GetLocalAssignments(reference);
                    if (assignments == null || assignments.Count == 0 || assignments.Any(a => a == null))
                    {
                        return None;
                    }

                    if (assignments.Count == 1)
                    {
                        return Resolve(assignments[0], bindings, anchor, depth + 1, fromCallSite);
                    }

                    // Assigned in the sections of a switch statement: every section's value is a candidate.
                    return SwitchSections(assignments!, bindings, anchor, depth, fromCallSite) ?? None;
                }
                finally
                {
                    _visiting.Remove(reference.Local);
                }
            }

            private List<ResolvedValue> ResolveParameter(IParameterReferenceOperation reference, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                if (bindings == null || !bindings.TryGetArgument(reference.Parameter, out var argument))
                {
                    return None;
                }

                // The argument is an expression of the caller: resolve it under the caller's own bindings.
                return Resolve(argument.Value, bindings.Outer, anchor, depth + 1, fromCallSite || bindings.IsCallSite);
            }

            private List<ResolvedValue> ResolveInvocation(IInvocationOperation invocation, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                var method = invocation.TargetMethod;
                if (method == null)
                {
                    return None;
                }

                if (CdkTypes.Is(method.ContainingType, _cdk.InstanceType) && method.Name == "Of" && invocation.Arguments.Length == 2)
                {
                    return InstanceTypeOf(invocation, bindings, anchor, depth, fromCallSite);
                }

                if (CdkContextReads.IsTryGetContext(method) && invocation.Arguments.Length == 1)
                {
                    return CdkContextReads.Values(invocation, Resolve(invocation.Arguments[0].Value, bindings, anchor, depth + 1, fromCallSite), _cdk, Leaf(invocation, anchor), fromCallSite);
                }

                if (method.MethodKind == MethodKind.DelegateInvoke)
                {
                    return InvokeLambda(invocation, bindings, anchor, depth, fromCallSite);
                }

                if (_cdk.IsCdk(method) || method.IsAbstract || method.IsVirtual && !method.IsSealed || method.IsExtern)
                {
                    return None;
                }

                var call = ParameterBindings.ForNestedCall(invocation, bindings);
                return call == null || call.Depth > MaxCallDepth ? None : FollowReturns(method, call, anchor, depth, fromCallSite);
            }

            private List<ResolvedValue> FollowReturns(IMethodSymbol method, ParameterBindings? call, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                var definition = method.OriginalDefinition;
                if (!_cdk.Flow.IsInSource(definition) || !_visiting.Add(definition))
                {
                    return None;
                }

                try
                {
                    var body = _cdk.Flow.GetBody(definition);
                    if (body == null)
                    {
                        return None;
                    }

                    return Returned(body, call, anchor, depth, fromCallSite);
                }
                finally
                {
                    _visiting.Remove(definition);
                }
            }

            /// <summary>The values a body returns under <paramref name="call"/>; a return in a switch section names its case.</summary>
            private List<ResolvedValue> Returned(IOperation body, ParameterBindings? call, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                var values = new List<ResolvedValue>();
                foreach (var ret in ReturnsOf(body))
                {
                    values.AddRange(InCase(ret, Resolve(ret, call, anchor, depth + 1, fromCallSite)));
                    if (values.Count >= MaxValues)
                    {
                        break;
                    }
                }

                return values;
            }

            /// <summary>The returned values of a body, skipping lambdas and local functions (they return for themselves).</summary>
            private static IEnumerable<IOperation> ReturnsOf(IOperation body)
            {
                var stack = new Stack<IOperation>();
                stack.Push(body);
                while (stack.Count > 0)
                {
                    var op = stack.Pop();
                    if (op is IReturnOperation ret && ret.ReturnedValue != null)
                    {
                        yield return ret.ReturnedValue;
                        continue;
                    }

                    foreach (var child in op.ChildOperations)
                    {
                        if (!(child is IAnonymousFunctionOperation) && !(child is ILocalFunctionOperation))
                        {
                            stack.Push(child);
                        }
                    }
                }
            }

            private List<ResolvedValue> ResolveCreation(IObjectCreationOperation creation, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                if (!CdkTypes.Is(creation.Type, _cdk.InstanceType) || creation.Arguments.Length != 1)
                {
                    return None;
                }

                var values = new List<ResolvedValue>();
                foreach (var name in Resolve(creation.Arguments[0].Value, bindings, anchor, depth + 1, fromCallSite))
                {
                    if (name.Kind == ResolvedValueKind.String && name.Text != null)
                    {
                        values.Add(ResolvedValue.FromInstanceType(name.Text, name.Node, name.Origin, name.FromCallSite, null, null, name.Context).WithBranchOf(name));
                    }
                }

                return values;
            }

            private List<ResolvedValue> InstanceTypeOf(IInvocationOperation invocation, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                IOperation? classArg = null, sizeArg = null;
                foreach (var arg in invocation.Arguments)
                {
                    if (arg.Parameter?.Ordinal == 0) classArg = arg.Value;
                    else if (arg.Parameter?.Ordinal == 1) sizeArg = arg.Value;
                }

                var classes = Resolve(classArg, bindings, anchor, depth + 1, fromCallSite);
                var sizes = Resolve(sizeArg, bindings, anchor, depth + 1, fromCallSite);
                var values = new List<ResolvedValue>();
                foreach (var cls in classes)
                {
                    if (!(cls.Member is IFieldSymbol classMember) || !CdkTypes.Is(classMember.ContainingType, _cdk.InstanceClass))
                    {
                        continue;
                    }

                    var family = CdkInstanceClass.FamilyOf(classMember.Name);
                    foreach (var size in sizes)
                    {
                        if (!(size.Member is IFieldSymbol sizeMember) || !CdkTypes.Is(sizeMember.ContainingType, _cdk.InstanceSize))
                        {
                            continue;
                        }

                        var sizeName = CdkInstanceSize.SizeOf(sizeMember.Name);
                        if (family != null && sizeName != null && values.Count < MaxValues)
                        {
                            // Reported on the class member: the family is what a rule judges and a fix replaces.
                            values.Add(ResolvedValue.FromInstanceType(family + "." + sizeName, cls.Node, cls.Origin, cls.FromCallSite || size.FromCallSite, classMember, sizeMember)
                                .WithBranchOf(cls));
                        }
                    }
                }

                return values;
            }

            private List<ResolvedValue> Union(IEnumerable<IOperation?> branches, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                var values = new List<ResolvedValue>();
                foreach (var branch in branches)
                {
                    values.AddRange(Resolve(branch, bindings, anchor, depth + 1, fromCallSite));
                    if (values.Count >= MaxValues)
                    {
                        break;
                    }
                }

                return values;
            }

            private List<ResolvedValue> ResolveInterpolation(IInterpolatedStringOperation interpolated, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                if (interpolated.ConstantValue.HasValue && interpolated.ConstantValue.Value is string constant)
                {
                    return new List<ResolvedValue> { ResolvedValue.FromText(constant, Leaf(interpolated, anchor), interpolated.Syntax, fromCallSite) };
                }

                var parts = new List<IOperation?>();
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            parts.Add(text.Text);
                            break;
                        case IInterpolationOperation hole when hole.Alignment == null && hole.FormatString == null:
                            parts.Add(hole.Expression);
                            break;
                        default:
                            return None;
                    }
                }

                return Concatenate(interpolated, parts, bindings, anchor, depth, fromCallSite);
            }

            /// <summary>
            /// Every combination of the parts' string values. The value is reported on the whole expression when it
            /// is in the report file; else on the part that came from there (the call site's argument). A part read from
            /// the CDK context names its file and key on the whole value (the first such part, when several are).
            /// </summary>
            private List<ResolvedValue> Concatenate(IOperation whole, IReadOnlyList<IOperation?> parts, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                var combos = new List<(string Text, SyntaxNode? Node, bool FromCallSite, CdkContextValue? Context)> { (string.Empty, null, fromCallSite, null) };
                foreach (var part in parts)
                {
                    var values = Resolve(part, bindings, anchor, depth + 1, fromCallSite);

                    // A part read from a parameter varies per call: its value is reported at the argument that holds it.
                    var viaParameter = part != null && part.DescendantsAndSelf().Any(o => o is IParameterReferenceOperation);
                    if (values.Count == 0)
                    {
                        return None;
                    }

                    var next = new List<(string, SyntaxNode?, bool, CdkContextValue?)>();
                    foreach (var combo in combos)
                    {
                        foreach (var v in values)
                        {
                            var text = v.Kind == ResolvedValueKind.String ? v.Text
                                : v.Kind == ResolvedValueKind.Number || v.Kind == ResolvedValueKind.Boolean ? System.Convert.ToString(v.Constant, System.Globalization.CultureInfo.InvariantCulture)
                                : null;
                            if (text == null)
                            {
                                return None;
                            }

                            var outside = v.Node.SyntaxTree != whole.Syntax.SyntaxTree || !whole.Syntax.Span.Contains(v.Node.Span);
                            var node = combo.Node ?? ((v.FromCallSite && !fromCallSite) || (viaParameter && outside) ? v.Node : null);
                            if (next.Count < MaxValues)
                            {
                                next.Add((combo.Text + text, node, combo.FromCallSite || v.FromCallSite, combo.Context ?? v.Context));
                            }
                        }
                    }

                    combos = next;
                }

                var wholeNode = Leaf(whole, anchor);
                var result = new List<ResolvedValue>();
                foreach (var combo in combos)
                {
                    var node = whole.Syntax.SyntaxTree == _reportTree && combo.Node == null ? whole.Syntax : combo.Node ?? wholeNode;
                    result.Add(ResolvedValue.FromText(combo.Text, node, whole.Syntax, combo.FromCallSite, combo.Context));
                }

                return result;
            }
        }
    }
}
