using System;
using System.Collections.Generic;

namespace PerfLint.Knowledge.Catalog
{
    /// <summary>
    /// The Lambda runtimes AWS lists with their instruction set architectures (Data/lambda-runtimes.csv, from the
    /// Lambda developer guide's runtime tables), and the CDK <c>Runtime</c> member that names each. arm64 came only to
    /// Amazon Linux 2 runtimes, so a function on python3.7, java8, go1.x or another Amazon Linux runtime cannot
    /// move to Graviton without changing its runtime.
    /// </summary>
    public static class LambdaRuntimes
    {
        private static readonly Lazy<Tables> Data = new Lazy<Tables>(Load);

        /// <summary>
        /// True when the runtime supports arm64, false when AWS lists it as x86_64 only, null when the identifier
        /// is not in the table (a newer runtime, a typo, or a container image function).
        /// </summary>
        public static bool? SupportsArm64(string? identifier) =>
            identifier != null && Data.Value.Arm64ByIdentifier.TryGetValue(identifier, out var arm64) ? arm64 : (bool?)null;

        /// <summary>The runtime identifier a CDK <c>Runtime</c> member stands for (<c>PYTHON_3_7</c> -> <c>python3.7</c>), or null.</summary>
        public static string? IdentifierOfCdkMember(string member) =>
            Data.Value.IdentifierByMember.TryGetValue(member, out var identifier) ? identifier : null;

        private static Tables Load()
        {
            var table = CsvTable.LoadEmbedded("lambda-runtimes.csv");
            var tables = new Tables();
            foreach (var row in table.Rows)
            {
                var identifier = table.Get(row, "identifier");
                tables.Arm64ByIdentifier[identifier] = Array.IndexOf(table.Get(row, "architectures").Split(';'), "arm64") >= 0;
                var member = table.Get(row, "cdk_member");
                if (member.Length > 0)
                {
                    tables.IdentifierByMember[member] = identifier;
                }
            }

            return tables;
        }

        private sealed class Tables
        {
            public Dictionary<string, bool> Arm64ByIdentifier { get; } = new Dictionary<string, bool>(StringComparer.Ordinal);

            public Dictionary<string, string> IdentifierByMember { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }
}
