using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>Reading props objects: properties by name, array and list elements, dictionary entries, following locals, parameters and fields to the object.</summary>
    public sealed partial class AppModel
    {
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

                // A CDK value object built from props (new Metric(new MetricProps { MetricName = .. })) reads as its props.
                if (creation.Operation is IObjectCreationOperation valueObject && ArgumentNamed(valueObject.Arguments, "props") is IOperation props &&
                    Cdk.IsCdk(valueObject.Type) && !IsConstruct(valueObject.Type))
                {
                    var value = Prop(new Flow(props, creation.Context), name);
                    if (value != null)
                    {
                        return value;
                    }
                }
            }

            return null;
        }

        private static bool IsConstruct(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.Name == "Construct" && current.ContainingNamespace?.ToDisplayString() == "Constructs")
                {
                    return true;
                }
            }

            return false;
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
                    case IOperation collection when ValueResolver.IsCollectionExpression(collection):
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
                case IMemberReferenceOperation reference when OwnMember(reference) is ISymbol member:
                    foreach (var value in MemberValues(member))
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

        /// <summary>
        /// The field, or property not of CDK, that <paramref name="reference"/> reads on this object or statically: a
        /// member of the app's own classes, whose values <see cref="MemberValues"/> gives (null for any other member).
        /// </summary>
        internal ISymbol? OwnMember(IMemberReferenceOperation reference) =>
            (reference.Instance == null || reference.Instance is IInstanceReferenceOperation) &&
            (reference is IFieldReferenceOperation || (reference is IPropertyReferenceOperation property && !Cdk.IsCdk(property.Property)))
                ? reference.Member : null;

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
    }
}
