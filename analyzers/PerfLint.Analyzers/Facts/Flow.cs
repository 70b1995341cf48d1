using System;
using Microsoft.CodeAnalysis;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// An expression together with the call chain that binds the parameters of the method holding it. Equal for the
    /// same operation under equal chains (the key of the walks' caches: a type of this assembly rather than a tuple, so
    /// the dictionaries over it are precompiled with the analyzer instead of JIT-compiled in a fresh compiler).
    /// </summary>
    public readonly struct Flow : IEquatable<Flow>
    {
        public Flow(IOperation operation, CallContext? context)
        {
            Operation = operation;
            Context = context;
        }

        public IOperation Operation { get; }

        public CallContext? Context { get; }

        public bool Equals(Flow other) => ReferenceEquals(Operation, other.Operation) && CallContext.Same(Context, other.Context);

        public override bool Equals(object? obj) => obj is Flow other && Equals(other);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Operation) * 31 ^ (Context?.GetHashCode() ?? 0);
    }
}
