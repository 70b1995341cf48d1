using System;
using System.Collections.Generic;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Offerings
{
    /// <summary>A service's own statement that a family is previous generation, and where it says so.</summary>
    public sealed class PreviousGenerationClaim
    {
        public PreviousGenerationClaim(string source)
        {
            Source = source;
        }

        /// <summary>The list that says so: <c>EC2 DescribeInstanceTypes: CurrentGeneration=false</c>, <c>ElastiCache API reference (CacheNodeType)</c>.</summary>
        public string Source { get; }
    }

    /// <summary>
    /// Previous-generation lists per service: EC2's flag for EC2, and each service's own list for ElastiCache,
    /// OpenSearch and RDS DB instances (Data/service-previous-generation.csv). DocumentDB, Neptune, RDS Multi-AZ DB
    /// clusters and SageMaker publish none, so PerfLint claims nothing for them: one service's list never speaks for
    /// another.
    /// </summary>
    public static class ServiceGenerations
    {
        private static readonly Lazy<Dictionary<string, string>> Lists = new Lazy<Dictionary<string, string>>(Load);

        /// <summary>The claim that the use's service lists the type's family as previous generation, or null.</summary>
        public static PreviousGenerationClaim? PreviousGeneration(InstanceUse use, InstanceTypeInfo info)
        {
            switch (use.Service)
            {
                case OfferingService.Ec2:
                    return info.PreviousGeneration == PreviousGenerationStatus.Previous
                        ? new PreviousGenerationClaim(InstanceCatalog.PreviousGenerationSource(info.Family))
                        : null;
                case OfferingService.Rds:
                    return Listed("rds", "db." + info.Family);
                case OfferingService.ElastiCache:
                    return Listed("elasticache", "cache." + info.Family);
                case OfferingService.OpenSearch:
                    return Listed("opensearch", info.Family + ".search");
                default:
                    return null;
            }
        }

        private static PreviousGenerationClaim? Listed(string service, string family) =>
            Lists.Value.TryGetValue(service + "|" + family, out var source) ? new PreviousGenerationClaim(source) : null;

        private static Dictionary<string, string> Load()
        {
            var table = CsvTable.LoadEmbedded("service-previous-generation.csv");
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                if (table.Get(row, "previous_generation") == "yes")
                {
                    result[table.Get(row, "service") + "|" + table.Get(row, "family")] = table.Get(row, "source");
                }
            }

            return result;
        }
    }
}
