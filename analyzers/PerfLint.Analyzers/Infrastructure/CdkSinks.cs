using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>Building blocks for <see cref="SinkMatcher"/>s.</summary>
    public static class CdkSinks
    {
        /// <summary>
        /// Matches <c>X = value</c> (in an object initializer or as a statement) where X is a property of a CDK type
        /// and <paramref name="property"/> accepts it.
        /// </summary>
        public static CdkSink? PropertyAssignment(IOperation operation, CdkTypes cdk, Func<IPropertySymbol, bool> property)
        {
            if (operation is ISimpleAssignmentOperation assignment &&
                assignment.Target is IPropertyReferenceOperation target &&
                cdk.IsCdk(target.Property) &&
                property(target.Property))
            {
                return new CdkSink(operation, assignment.Value, target.Property, target.Property.ContainingType);
            }

            return null;
        }

        /// <summary>Matches an argument passed to a CDK method or constructor parameter that <paramref name="parameter"/> accepts.</summary>
        public static CdkSink? Argument(IOperation operation, CdkTypes cdk, Func<IParameterSymbol, bool> parameter)
        {
            if (operation is IArgumentOperation argument &&
                argument.Parameter != null &&
                cdk.IsCdk(argument.Parameter) &&
                parameter(argument.Parameter))
            {
                return new CdkSink(operation, argument.Value, argument.Parameter, argument.Parameter.ContainingType);
            }

            return null;
        }

        /// <summary>
        /// The value assigned to the sibling property <paramref name="name"/> in the same object initializer as
        /// <paramref name="sink"/> (<c>MaxCapacity</c> next to <c>MinCapacity</c>), or null.
        /// </summary>
        public static IOperation? Sibling(CdkSink sink, string name)
        {
            var initializer = sink.Initializer;
            if (initializer == null)
            {
                return null;
            }

            foreach (var initialization in initializer.Initializers)
            {
                if (initialization is ISimpleAssignmentOperation assignment &&
                    assignment.Target is IPropertyReferenceOperation property &&
                    property.Property.Name == name)
                {
                    return assignment.Value;
                }
            }

            return null;
        }
    }
}
