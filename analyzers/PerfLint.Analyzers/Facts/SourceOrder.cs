using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// Operations in source order (file path, then position): findings and the "first evidence" of a connection must
    /// not depend on the order threads collected them in.
    /// </summary>
    internal sealed class SourceOrder : IComparer<IOperation>
    {
        public static readonly SourceOrder Instance = new SourceOrder();

        public int Compare(IOperation? x, IOperation? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x == null || y == null)
            {
                return x == null ? -1 : 1;
            }

            var byFile = string.CompareOrdinal(x.Syntax.SyntaxTree.FilePath, y.Syntax.SyntaxTree.FilePath);
            return byFile != 0 ? byFile : x.Syntax.SpanStart.CompareTo(y.Syntax.SpanStart);
        }
    }
}
