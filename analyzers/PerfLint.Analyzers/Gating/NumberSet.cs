using System.Collections;
using System.Collections.Generic;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// The numbers of one code body as the scan collects them, in an array rather than a <c>HashSet&lt;double&gt;</c>:
    /// a set over a value type is generic code of its own, which a fresh compiler JIT-compiles in every build, for
    /// bodies that hold a handful of numbers each. A repeat is dropped
    /// by a search of the first <see cref="DistinctLimit"/> entries; a body with more numbers than that (a data table)
    /// may keep later repeats, which only lengthens what a gate reads, never changes its answer.
    /// </summary>
    public sealed class NumberSet : IEnumerable<double>
    {
        /// <summary>How many entries a new number is compared with (the search is linear).</summary>
        public const int DistinctLimit = 64;

        private double[] _items = new double[8];
        private int _count;

        public int Count => _count;

        public void Add(double number)
        {
            var searched = _count < DistinctLimit ? _count : DistinctLimit;
            for (var i = 0; i < searched; i++)
            {
                if (_items[i] == number)
                {
                    return;
                }
            }

            ArrayPrefix.Append(ref _items, ref _count, number);
        }

        public void Clear() => _count = 0;

        /// <summary>An exact-size copy.</summary>
        public double[] ToArray() => ArrayPrefix.Copy(_items, _count);

        /// <inheritdoc />
        public IEnumerator<double> GetEnumerator()
        {
            for (var i = 0; i < _count; i++)
            {
                yield return _items[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
