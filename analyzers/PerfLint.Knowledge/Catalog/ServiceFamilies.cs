using System;
using System.Collections.Generic;

namespace PerfLint.Knowledge.Catalog
{
    /// <summary>
    /// Which current families RDS, ElastiCache and OpenSearch offer (Data/service-families.csv), so that a
    /// suggested successor or replacement is one the service can actually run. SageMaker is checked against its own
    /// catalog of <c>ml.*</c> types; EC2 against the EC2 catalog.
    /// </summary>
    public static class ServiceFamilies
    {
        // Indexed by InstanceService (an array, not a dictionary keyed by the enum: one generic instantiation less to JIT).
        private static readonly Lazy<HashSet<string>?[]> Table = new Lazy<HashSet<string>?[]>(Load);

        /// <summary>True when the service can run this exact family and size.</summary>
        public static bool Offers(InstanceTypeName name)
        {
            switch (name.Service)
            {
                case InstanceService.Ec2:
                    return InstanceCatalog.Exists(name);
                case InstanceService.SageMaker:
                    return InstanceCatalog.IsListedSageMakerType(name);
                default:
                    return InstanceCatalog.Exists(name) && Table.Value[(int)name.Service] is { } set && set.Contains(name.Family);
            }
        }

        private static HashSet<string>?[] Load()
        {
            var result = new HashSet<string>?[Enum.GetValues(typeof(InstanceService)).Length];
            var table = CsvTable.LoadEmbedded("service-families.csv");
            foreach (var row in table.Rows)
            {
                var service = table.Get(row, "service") switch
                {
                    "rds" => InstanceService.Rds,
                    "elasticache" => InstanceService.ElastiCache,
                    "opensearch" => InstanceService.OpenSearch,
                    _ => (InstanceService?)null,
                };
                if (service.HasValue)
                {
                    result[(int)service.Value] = new HashSet<string>(table.Get(row, "families").Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
                }
            }

            return result;
        }
    }
}
