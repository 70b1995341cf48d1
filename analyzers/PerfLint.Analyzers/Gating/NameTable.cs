namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// One string per distinct spelling, for the index of one compilation: the scanner meets each identifier and literal
    /// many times (a project repeats a few distinct spellings over and over), and taking the table's string instead of a new one
    /// saves the allocations and makes later set lookups compare equal references first. Not thread-safe: the index is
    /// built on one thread.
    /// </summary>
    internal sealed class NameTable
    {
        private string?[] _slots = new string?[2048];
        private int _count;

        /// <summary>The table's string for <paramref name="length"/> characters of <paramref name="chars"/> at <paramref name="start"/>.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Knowledge.HotLoop.Optimized)]
        public string Get(char[] chars, int start, int length)
        {
            var hash = Hash(chars, start, length);
            var mask = _slots.Length - 1;
            for (var slot = hash & mask; ; slot = (slot + 1) & mask)
            {
                var existing = _slots[slot];
                if (existing == null)
                {
                    var added = new string(chars, start, length);
                    _slots[slot] = added;
                    if (++_count * 2 > _slots.Length)
                    {
                        Grow();
                    }

                    return added;
                }

                if (Same(existing, chars, start, length))
                {
                    return existing;
                }
            }
        }

        // Inlined into Get, which is compiled optimized up front (a called helper would run as tier-0 code in a fresh compiler).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static int Hash(char[] chars, int start, int length)
        {
            // FNV-1a over the characters.
            var hash = unchecked((int)2166136261);
            for (var i = start; i < start + length; i++)
            {
                hash = unchecked((hash ^ chars[i]) * 16777619);
            }

            return hash & int.MaxValue;
        }

        private static int Hash(string text)
        {
            var hash = unchecked((int)2166136261);
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            return hash & int.MaxValue;
        }

        // Inlined into Get, which is compiled optimized up front (a called helper would run as tier-0 code in a fresh compiler).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool Same(string text, char[] chars, int start, int length)
        {
            if (text.Length != length)
            {
                return false;
            }

            for (var i = 0; i < length; i++)
            {
                if (text[i] != chars[start + i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Grow()
        {
            var old = _slots;
            _slots = new string?[old.Length * 2];
            var mask = _slots.Length - 1;
            foreach (var text in old)
            {
                if (text == null)
                {
                    continue;
                }

                var slot = Hash(text) & mask;
                while (_slots[slot] != null)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = text;
            }
        }
    }
}
