using Microsoft.CodeAnalysis;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>A construct's creation (<c>new Bucket(..)</c> or a factory call) and the CDK class it creates, as collected.</summary>
    internal sealed class Creation
    {
        public Creation(IOperation operation, INamedTypeSymbol construct)
        {
            Operation = operation;
            Construct = construct;
        }

        public IOperation Operation { get; }

        public INamedTypeSymbol Construct { get; }
    }
}
