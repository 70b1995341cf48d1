using System;

namespace PerfLint.Knowledge.Storage
{
    /// <summary>
    /// RDS engine groups as the storage data keys them (<c>mysql</c>, <c>mariadb</c>, <c>postgres</c>, <c>oracle</c>,
    /// <c>sqlserver</c>, <c>db2</c>, <c>aurora</c>): the gp3 baseline thresholds differ per group, not per edition.
    /// </summary>
    public static class RdsEngine
    {
        /// <summary>
        /// The group of an engine written as CloudFormation spells it (<c>oracle-ee</c>, <c>sqlserver-se</c>,
        /// <c>aurora-postgresql</c>) or as a CDK <c>DatabaseInstanceEngine</c> member (<c>ORACLE_EE</c>,
        /// <c>SqlServerSe</c>, <c>Postgres</c>); null when unknown.
        /// </summary>
        public static string? GroupOf(string? engine)
        {
            if (string.IsNullOrWhiteSpace(engine))
            {
                return null;
            }

            var name = engine!.Trim().Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();
            if (name.StartsWith("aurora", StringComparison.Ordinal)) return "aurora";
            if (name.StartsWith("mysql", StringComparison.Ordinal)) return "mysql";
            if (name.StartsWith("mariadb", StringComparison.Ordinal)) return "mariadb";
            if (name.StartsWith("postgres", StringComparison.Ordinal)) return "postgres";
            if (name.StartsWith("oracle", StringComparison.Ordinal)) return "oracle";
            if (name.StartsWith("sqlserver", StringComparison.Ordinal)) return "sqlserver";
            if (name.StartsWith("db2", StringComparison.Ordinal)) return "db2";
            return null;
        }

        /// <summary>The engine group's name in messages (RDS for <c>MySQL</c>).</summary>
        public static string DisplayName(string group)
        {
            switch (group)
            {
                case "mysql": return "MySQL";
                case "mariadb": return "MariaDB";
                case "postgres": return "PostgreSQL";
                case "oracle": return "Oracle";
                case "sqlserver": return "SQL Server";
                case "db2": return "Db2";
                case "aurora": return "Aurora";
                default: return group;
            }
        }
    }
}
