using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfLint.Analyzers.Infrastructure
{
    public static partial class ValueResolver
    {
        /// <summary>
        /// Where an object comes from: its creation (<c>new Sizing(..) { .. }</c>, <c>x with { .. }</c>, an array or a
        /// collection with an initializer), with the bindings its arguments are read under.
        /// </summary>
        private readonly struct Source
        {
            public Source(IOperation operation, ParameterBindings? bindings, SyntaxNode? anchor, bool fromCallSite)
            {
                Operation = operation;
                Bindings = bindings;
                Anchor = anchor;
                FromCallSite = fromCallSite;
            }

            public IOperation Operation { get; }

            public ParameterBindings? Bindings { get; }

            public SyntaxNode? Anchor { get; }

            public bool FromCallSite { get; }
        }

        private sealed partial class Walker
        {
            private static readonly List<Source> NoSources = new List<Source>();

            /// <summary>
            /// The creations an object expression can come from, through the same steps as values: conversions, choices,
            /// static and readonly fields and get-only properties with initializers, locals assigned once, bound
            /// parameters, members of other objects, and helper methods' return values.
            /// </summary>
            private List<Source> Objects(IOperation? op, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                if (op == null || depth > MaxDepth || ++_steps > MaxSteps)
                {
                    return NoSources;
                }

                if (op.Syntax.SyntaxTree == _reportTree)
                {
                    anchor = op.Syntax;
                }

                var choices = Choices(op, bindings, depth, fromCallSite);
                if (choices != null)
                {
                    return choices.SelectMany(c => Objects(c.Value, c.Bindings, anchor, depth + 1, c.FromCallSite)).Take(MaxValues).ToList();
                }

                switch (op)
                {
                    case IConversionOperation conversion when !conversion.Conversion.IsUserDefined:
                        return Objects(conversion.Operand, bindings, anchor, depth + 1, fromCallSite);
                    case IObjectCreationOperation _:
                    case IWithOperation _:
                    case IArrayCreationOperation _:
                    case IOperation _ when IsCollectionExpression(op):
                        return new List<Source> { new Source(op, bindings, anchor, fromCallSite) };
                    case IMemberReferenceOperation member when member.Instance != null && !(member.Instance is IInstanceReferenceOperation):
                        return Members(member.Instance, member.Member, bindings, anchor, depth, fromCallSite, (value, b, a, fcs) => Objects(value, b, a, depth + 1, fcs)) ?? NoSources;
                    case IFieldReferenceOperation field when field.Field.IsReadOnly && !_cdk.Flow.IsAssignedInConstructor(field.Field):
                        return Followed(field.Field, s => Objects(_cdk.Flow.GetInitializer(s), null, anchor, depth + 1, fromCallSite));
                    case IPropertyReferenceOperation property when property.Property.SetMethod == null && !property.Property.IsIndexer &&
                                                                   !_cdk.IsCdk(property.Property) && !_cdk.Flow.IsAssignedInConstructor(property.Property):
                        return Followed(property.Property, s => Objects(_cdk.Flow.GetInitializer(s), null, anchor, depth + 1, fromCallSite));
                    case ILocalReferenceOperation local:
                        return Followed(local.Local, _ =>
                        {
                            var assignments = _cdk.Flow.GetLocalAssignments(local);
                            return assignments?.Count == 1 ? Objects(assignments[0], bindings, anchor, depth + 1, fromCallSite) : NoSources;
                        });
                    case IParameterReferenceOperation parameter when bindings != null && bindings.TryGetArgument(parameter.Parameter, out var argument):
                        return Objects(argument.Value, bindings.Outer, anchor, depth + 1, fromCallSite || bindings.IsCallSite);
                    case IInvocationOperation invocation when CdkSinkAnalysis.IsFollowable(invocation.TargetMethod, _cdk):
                        var call = ParameterBindings.ForNestedCall(invocation, bindings);
                        return call == null || call.Depth > MaxCallDepth ? NoSources : Followed(invocation.TargetMethod.OriginalDefinition, m =>
                        {
                            var body = _cdk.Flow.GetBody((IMethodSymbol)m);
                            return body == null ? NoSources : ReturnsOf(body).SelectMany(r => Objects(r, call, anchor, depth + 1, fromCallSite)).Take(MaxValues).ToList();
                        });
                    default:
                        return NoSources;
                }
            }

            /// <summary>
            /// The values of <paramref name="member"/> read from the object <paramref name="instance"/> (a record's
            /// property, a settings class's field), or null when where the object comes from is not known (the member
            /// is then read as before, without its object).
            /// </summary>
            private List<ResolvedValue>? ReadMember(IOperation? instance, ISymbol member, SyntaxNode? anchor, ParameterBindings? bindings, int depth, bool fromCallSite)
            {
                if (instance == null || instance is IInstanceReferenceOperation || member.IsStatic || _cdk.IsCdk(member) || !_cdk.Flow.IsInSource(member))
                {
                    return null;
                }

                return Members(instance, member, bindings, anchor, depth, fromCallSite,
                    (value, b, a, fcs) => Resolve(value, b, a, depth + 1, fcs).Select(v => v.AsSetting()).ToList());
            }

            /// <summary>
            /// Applies <paramref name="next"/> to every expression that sets <paramref name="member"/> on each object
            /// <paramref name="instance"/> can be; null when no creation is found or none sets the member (a computed
            /// property is then read as before).
            /// </summary>
            private List<T>? Members<T>(IOperation instance, ISymbol member, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite,
                System.Func<IOperation, ParameterBindings?, SyntaxNode?, bool, List<T>> next)
            {
                var sources = Objects(instance, bindings, anchor, depth + 1, fromCallSite);
                if (sources.Count == 0)
                {
                    return null;
                }

                var results = new List<T>();
                var set = false;
                foreach (var source in sources)
                {
                    foreach (var (value, valueBindings) in Setters(source, member, depth))
                    {
                        set = true;
                        results.AddRange(next(value, valueBindings, source.Anchor, source.FromCallSite));
                        if (results.Count >= MaxValues)
                        {
                            return results;
                        }
                    }
                }

                return set ? results : null;
            }

            /// <summary>
            /// The expression that gives <paramref name="member"/> its value on an object from <paramref name="source"/>,
            /// with the bindings to read it under: an object or <c>with</c> initializer's assignment, else the
            /// constructor's: its assignment of the member, a record's positional parameter, or the member's initializer
            /// (which may read a primary constructor's parameters).
            /// </summary>
            private IEnumerable<(IOperation Value, ParameterBindings? Bindings)> Setters(Source source, ISymbol member, int depth)
            {
                switch (source.Operation)
                {
                    case IWithOperation with:
                        var replaced = Assigned(with.Initializer, member);
                        if (replaced != null)
                        {
                            return new[] { (replaced, source.Bindings) };
                        }

                        return Objects(with.Operand, source.Bindings, source.Anchor, depth + 1, source.FromCallSite)
                            .SelectMany(inner => Setters(inner, member, depth + 1)).ToList();
                    case IObjectCreationOperation creation:
                        var initialized = Assigned(creation.Initializer, member);
                        if (initialized != null)
                        {
                            return new[] { (initialized, source.Bindings) };
                        }

                        var constructor = creation.Constructor;
                        var call = constructor == null || !_cdk.Flow.IsInSource(constructor) ? null : ParameterBindings.ForNestedCall(creation, source.Bindings);
                        if (call == null || call.Depth > MaxCallDepth)
                        {
                            return System.Array.Empty<(IOperation, ParameterBindings?)>();
                        }

                        var assigned = _cdk.Flow.GetConstructorAssignment(constructor!, member);
                        if (assigned != null)
                        {
                            return new[] { (assigned, (ParameterBindings?)call) };
                        }

                        var positional = PositionalParameter(constructor!, member);
                        if (positional != null && call.TryGetArgument(positional, out var argument))
                        {
                            return new[] { (argument.Value, source.Bindings) };
                        }

                        var initializer = _cdk.Flow.IsAssignedInConstructor(member) ? null : _cdk.Flow.GetInitializer(member);
                        return initializer == null ? System.Array.Empty<(IOperation, ParameterBindings?)>() : new[] { (initializer, (ParameterBindings?)call) };
                    default:
                        return System.Array.Empty<(IOperation, ParameterBindings?)>();
                }
            }

            /// <summary>The value an object initializer assigns to <paramref name="member"/> (the last one written), or null.</summary>
            private static IOperation? Assigned(IObjectOrCollectionInitializerOperation? initializer, ISymbol member) =>
                initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                    .LastOrDefault(a => a.Target is IMemberReferenceOperation target &&
                                        SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member.OriginalDefinition))?.Value;

            /// <summary>The primary constructor parameter a record's positional property is declared by, or null.</summary>
            private static IParameterSymbol? PositionalParameter(IMethodSymbol constructor, ISymbol member) =>
                member is IPropertySymbol && member.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ParameterSyntax)
                    ? constructor.Parameters.FirstOrDefault(p => p.Name == member.Name)
                    : null;

            /// <summary>
            /// The values a delegate call returns when the delegate is a lambda held in a local or a readonly field
            /// (<c>Func&lt;InstanceClass, InstanceType&gt; make = c =&gt; ..; make(InstanceClass.M4)</c>).
            /// </summary>
            private List<ResolvedValue> InvokeLambda(IInvocationOperation invocation, ParameterBindings? bindings, SyntaxNode? anchor, int depth, bool fromCallSite)
            {
                var lambda = _cdk.Flow.GetLambda(invocation.Instance);
                var call = lambda == null ? null : ParameterBindings.ForNestedCall(invocation, bindings, lambda.Symbol);
                if (call == null || call.Depth > MaxCallDepth || !_visiting.Add(lambda!.Symbol))
                {
                    return None;
                }

                try
                {
                    return Returned(lambda.Body, call, anchor, depth, fromCallSite);
                }
                finally
                {
                    _visiting.Remove(lambda.Symbol);
                }
            }

            /// <summary><paramref name="follow"/> on a symbol not already being followed (a cycle gives nothing).</summary>
            private List<Source> Followed(ISymbol symbol, System.Func<ISymbol, List<Source>> follow)
            {
                if (!_cdk.Flow.IsInSource(symbol) || !_visiting.Add(symbol))
                {
                    return NoSources;
                }

                try
                {
                    return follow(symbol);
                }
                finally
                {
                    _visiting.Remove(symbol);
                }
            }
        }
    }
}
