using System;
using System.Collections.Generic;

namespace PerfLint.Knowledge.Models
{
    /// <summary>
    /// Values keyed by model id, matched as whole strings (case-insensitive, as the Hugging Face hub resolves them): the
    /// whole id, else the whole last path segment of both (<c>s3://b/models/Llama-2-7b-chat-hf/</c> and
    /// <c>Llama-2-7b-chat-hf</c> match <c>meta-llama/Llama-2-7b-chat-hf</c>). An entry written as a URL
    /// (<c>s3://…</c>) is matched whole only: its last segment is a file or folder name such as <c>model.tar.gz</c>
    /// that other models share. A last segment two entries share with different values matches neither.
    /// </summary>
    internal sealed class ModelIdIndex<T>
        where T : class
    {
        private readonly Dictionary<string, T> _whole = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, T?> _segment = new Dictionary<string, T?>(StringComparer.OrdinalIgnoreCase);

        public int Count => _whole.Count;

        public void Add(string id, T value, Func<T, T, bool> same)
        {
            id = id.Trim();
            if (id.Length == 0 || _whole.ContainsKey(id))
            {
                return;
            }

            _whole[id] = value;
            if (id.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return;
            }

            var segment = LastSegment(id);
            if (segment.Length == 0)
            {
                return;
            }

            // null marks an ambiguous segment (two models of different sizes under one name in different orgs).
            _segment[segment] = _segment.TryGetValue(segment, out var seen) && (seen == null || !same(seen, value)) ? null : value;
        }

        public T? Find(string id)
        {
            if (_whole.TryGetValue(id, out var whole))
            {
                return whole;
            }

            var segment = LastSegment(id);
            return segment.Length > 0 && _segment.TryGetValue(segment, out var bySegment) ? bySegment : null;
        }

        /// <summary>The last path segment, a trailing slash ignored (<c>s3://b/models/x/</c> gives <c>x</c>).</summary>
        public static string LastSegment(string id)
        {
            var end = id.Length;
            while (end > 0 && id[end - 1] == '/')
            {
                end--;
            }

            if (end == 0)
            {
                return string.Empty;
            }

            var slash = id.LastIndexOf('/', end - 1);
            return id.Substring(slash + 1, end - slash - 1);
        }
    }
}
