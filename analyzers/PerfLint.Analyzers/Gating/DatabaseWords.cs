using System;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// Whether a body configures or names a database or cache: one of its identifiers contains a word of the RDS,
    /// Aurora, DocumentDB, Neptune or ElastiCache APIs (<c>DatabaseInstanceProps</c>, <c>ClusterInstance</c>,
    /// <c>CfnCacheCluster</c>, <c>CfnReplicationGroup</c>, a qualified <c>RDS</c> name).
    /// </summary>
    public static class DatabaseWords
    {
        private static readonly string[] Words =
            { "Database", "DBInstance", "DBCluster", "ClusterInstance", "InstanceProps", "Rds", "Cache", "ReplicationGroup", "DocDB", "Neptune", "Serverless", "Aurora" };

        /// <summary>True when <paramref name="identifier"/> contains a database or cache word.</summary>
        public static bool Named(string identifier)
        {
            foreach (var word in Words)
            {
                if (identifier.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The bodies of <paramref name="index"/> that name one (each distinct identifier judged once).</summary>
        public static Func<BodyEntry, bool> In(SyntaxIndex index) => Gates.Holding(index, Named, _ => false);
    }
}
