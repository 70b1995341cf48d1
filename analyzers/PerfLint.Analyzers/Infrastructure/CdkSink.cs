using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// A place where a value is handed to the CDK: the assignment of a CDK props property
    /// (<c>new DatabaseInstanceProps { InstanceType = .. }</c>) or an argument of a CDK method or constructor
    /// (<c>InstanceType.Of(cls, size)</c>). A rule's <see cref="SinkMatcher"/> decides which ones it judges.
    /// </summary>
    public sealed class CdkSink
    {
        /// <summary>Creates a sink.</summary>
        public CdkSink(IOperation operation, IOperation value, ISymbol target, INamedTypeSymbol? containingType)
        {
            Operation = operation;
            Value = value;
            Target = target;
            ContainingType = containingType;
        }

        /// <summary>The assignment or argument operation.</summary>
        public IOperation Operation { get; }

        /// <summary>The value expression handed to the CDK.</summary>
        public IOperation Value { get; }

        /// <summary>The CDK property (<see cref="IPropertySymbol"/>) or parameter (<see cref="IParameterSymbol"/>) that receives it.</summary>
        public ISymbol Target { get; }

        /// <summary>The CDK type declaring <see cref="Target"/> (<c>DatabaseInstanceProps</c>, <c>InstanceType</c>).</summary>
        public INamedTypeSymbol? ContainingType { get; }

        /// <summary>The property or parameter name (<c>InstanceType</c>, <c>CacheNodeType</c>).</summary>
        public string Name => Target.Name;

        /// <summary>
        /// The object initializer the assignment is part of (its sibling assignments, e.g. MinCapacity next to
        /// MaxCapacity), or null for a statement assignment or an argument.
        /// </summary>
        public IObjectOrCollectionInitializerOperation? Initializer => Operation.Parent as IObjectOrCollectionInitializerOperation;
    }

    /// <summary>Decides whether an operation is a sink a rule judges; returns null when it is not.</summary>
    public delegate CdkSink? SinkMatcher(IOperation operation, CdkTypes cdk);
}
