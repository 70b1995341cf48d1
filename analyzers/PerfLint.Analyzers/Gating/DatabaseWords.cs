using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// Whether a body configures or names a database or cache: one of its identifiers contains a word of the RDS,
    /// Aurora, DocumentDB, Neptune or ElastiCache APIs (<c>DatabaseInstanceProps</c>, <c>ClusterInstance</c>,
    /// <c>CfnCacheCluster</c>, <c>CfnReplicationGroup</c>, a qualified <c>RDS</c> name). Create one per gate: it
    /// remembers each identifier's answer for that compilation only.
    /// </summary>
    public sealed class DatabaseWords
    {
        private static readonly string[] Words =
            { "Database", "DBInstance", "DBCluster", "ClusterInstance", "InstanceProps", "Rds", "Cache", "ReplicationGroup", "DocDB", "Neptune", "Serverless", "Aurora" };

        private readonly Dictionary<string, bool> _identifiers = new Dictionary<string, bool>(StringComparer.Ordinal);

        /// <summary>True when the body names the database or cache APIs (gates run on one thread).</summary>
        public bool In(BodyEntry body)
        {
            foreach (var identifier in body.Identifiers)
            {
                if (!_identifiers.TryGetValue(identifier, out var matches))
                {
                    matches = Words.Any(w => identifier.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0);
                    _identifiers[identifier] = matches;
                }

                if (matches)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
