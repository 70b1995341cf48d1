using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// Where an expression is written (its tree and span): the same key for every binding of it (a helper's body bound
    /// again for value flow has other operation instances). A type of this assembly, not a tuple, so the dictionaries
    /// keyed by it are precompiled with the analyzer.
    /// </summary>
    internal readonly struct SyntaxKey : IEquatable<SyntaxKey>
    {
        private readonly SyntaxTree _tree;
        private readonly TextSpan _span;

        public SyntaxKey(SyntaxNode syntax)
        {
            _tree = syntax.SyntaxTree;
            _span = syntax.Span;
        }

        public bool Equals(SyntaxKey other) => _tree == other._tree && _span == other._span;

        public override bool Equals(object? obj) => obj is SyntaxKey other && Equals(other);

        public override int GetHashCode() => _span.GetHashCode() ^ System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_tree);
    }
}
