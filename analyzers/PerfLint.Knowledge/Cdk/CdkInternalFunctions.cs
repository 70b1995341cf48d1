using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Cdk
{
    /// <summary>
    /// Lambda functions the CDK creates for its own custom resources (Data/cdk-internal-functions.csv: the construct
    /// ids the CDK source gives them). Their code and architecture are the CDK's, not the app's, so no rule may ask the
    /// user to change them. Recognised by a construct path segment, or, for stack-level singletons in a template
    /// without construct paths, by the logical id the CDK derives from that path.
    /// </summary>
    public static class CdkInternalFunctions
    {
        private static readonly Lazy<List<Entry>> Entries = new Lazy<List<Entry>>(Load);

        /// <summary>True when the resource at <paramref name="constructPath"/> / <paramref name="logicalId"/> is a CDK-created function.</summary>
        public static bool IsCdkInternal(string? constructPath, string? logicalId)
        {
            var segments = (constructPath ?? string.Empty).Split('/');
            foreach (var entry in Entries.Value)
            {
                if (segments.Any(entry.Matches))
                {
                    return true;
                }

                // The CDK's logical id of a stack-level construct starts with its id minus non-alphanumerics.
                if (entry.StackLevel && logicalId != null && logicalId.StartsWith(entry.LogicalIdPrefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static List<Entry> Load()
        {
            var table = CsvTable.LoadEmbedded("cdk-internal-functions.csv");
            return table.Rows.Select(r => new Entry(table.Get(r, "construct_id"), table.Get(r, "match") == "prefix", table.Get(r, "scope") == "stack")).ToList();
        }

        private sealed class Entry
        {
            private readonly string _id;
            private readonly bool _prefix;

            public Entry(string id, bool prefix, bool stackLevel)
            {
                _id = id;
                _prefix = prefix;
                StackLevel = stackLevel;
                LogicalIdPrefix = new string(id.Where(char.IsLetterOrDigit).ToArray());
            }

            public bool StackLevel { get; }

            public string LogicalIdPrefix { get; }

            public bool Matches(string segment) =>
                _prefix ? segment.StartsWith(_id, StringComparison.Ordinal) : string.Equals(segment, _id, StringComparison.Ordinal);
        }
    }
}
