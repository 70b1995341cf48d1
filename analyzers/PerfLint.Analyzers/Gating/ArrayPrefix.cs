namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// An array filled up to a count: appending to it and copying out what it holds. The scratch collections of the
    /// index and the gates (a body's numbers and assignments, PL5002's example values) are plain arrays rather than
    /// lists of a value type, whose many methods a fresh compiler JIT-compiles in every build.
    /// </summary>
    internal static class ArrayPrefix
    {
        /// <summary>Puts <paramref name="item"/> at <paramref name="count"/>, doubling <paramref name="items"/> when it is full.</summary>
        public static void Append<T>(ref T[] items, ref int count, T item)
        {
            if (count == items.Length)
            {
                var bigger = new T[System.Math.Max(4, items.Length * 2)];
                System.Array.Copy(items, bigger, count);
                items = bigger;
            }

            items[count++] = item;
        }

        /// <summary>The first <paramref name="count"/> items, in an exact-size array.</summary>
        public static T[] Copy<T>(T[] items, int count)
        {
            if (count == 0)
            {
                return System.Array.Empty<T>();
            }

            var array = new T[count];
            System.Array.Copy(items, array, count);
            return array;
        }
    }
}
