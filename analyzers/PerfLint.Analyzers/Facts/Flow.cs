using Microsoft.CodeAnalysis;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>An expression together with the call chain that binds the parameters of the method holding it.</summary>
    public readonly struct Flow
    {
        public Flow(IOperation operation, CallContext? context)
        {
            Operation = operation;
            Context = context;
        }

        public IOperation Operation { get; }

        public CallContext? Context { get; }
    }
}
