using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Offerings
{
    /// <summary>
    /// Which instance types each service offers, per RDS engine and SageMaker use, and in which regions
    /// (Data/service-offerings.csv, from cfn-lint's pricing-derived enums). A successor or alternative is suggested only
    /// when the use offers it — in the use's region when that is known.
    /// </summary>
    public static class ServiceOfferings
    {
        public const string Source = "aws-cloudformation/cfn-lint@217397c pricing-derived instance-type enums";

        private static readonly Lazy<Dictionary<string, List<Offering>>> Table = new Lazy<Dictionary<string, List<Offering>>>(Load);

        /// <summary>True when the use offers the type: in its region when that is known, else in at least one region.</summary>
        public static bool Offers(InstanceUse use, InstanceTypeName type)
        {
            var regions = RegionsOf(use, type);
            if (use.HasKnownRegion)
            {
                return (regions & (1UL << Regions.BitOf(use.Region!))) != 0;
            }

            return regions != 0;
        }

        /// <summary>In how many regions the use offers the type (any of its engines or uses).</summary>
        public static int RegionCount(InstanceUse use, InstanceTypeName type)
        {
            var regions = RegionsOf(use, type);
            var count = 0;
            for (; regions != 0; regions &= regions - 1)
            {
                count++;
            }

            return count;
        }

        /// <summary>How many types each service (and RDS engine, SageMaker use) offers in any region, for reports.</summary>
        public static IReadOnlyList<(OfferingService Service, string EngineOrUse, int Types)> Counts() =>
            Table.Value.Values.SelectMany(list => list)
                .GroupBy(o => (o.Service, o.EngineOrUse))
                .Select(g => (g.Key.Service, g.Key.EngineOrUse, g.Count()))
                .OrderBy(c => c.Service).ThenBy(c => c.EngineOrUse, StringComparer.Ordinal)
                .ToList();

        /// <summary>
        /// Where the use offers the type, for a message: <c>offered by RDS (postgres) in eu-west-1</c>, or, with no
        /// known region, <c>offered by RDS (postgres) in 30 of 38 regions; set perflint_region to check yours</c>.
        /// </summary>
        public static string Where(InstanceUse use, InstanceTypeName type)
        {
            if (use.HasKnownRegion)
            {
                return "offered by " + use.ServiceName + " in " + use.Region;
            }

            var count = RegionCount(use, type).ToString(CultureInfo.InvariantCulture) + " of " + Regions.Count.ToString(CultureInfo.InvariantCulture) + " regions";
            return "offered by " + use.ServiceName + " in " + count + "; " + RegionNote(use);
        }

        /// <summary>Why the region is unknown: not set, or a code the data does not have.</summary>
        public static string RegionNote(InstanceUse use) =>
            use.Region == null
                ? "region unknown: set perflint_region to check yours"
                : "region '" + use.Region + "' is not in PerfLint's data";

        private static ulong RegionsOf(InstanceUse use, InstanceTypeName type)
        {
            if (!Table.Value.TryGetValue(type.ToString(), out var offerings))
            {
                return 0;
            }

            ulong regions = 0;
            foreach (var offering in offerings)
            {
                if (offering.Service == use.Service && use.Matches(offering.EngineOrUse))
                {
                    regions |= offering.Regions;
                }
            }

            return regions;
        }

        private static Dictionary<string, List<Offering>> Load()
        {
            var table = CsvTable.LoadEmbedded("service-offerings.csv");
            var result = new Dictionary<string, List<Offering>>(StringComparer.Ordinal);
            foreach (var row in table.Rows)
            {
                var service = Parse(table.Get(row, "service"));
                var type = table.Get(row, "type");
                if (service == null || !ulong.TryParse(table.Get(row, "regions"), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var regions))
                {
                    continue;
                }

                var key = InstanceTypeName.TryParse(type, out var name) ? name.ToString() : type;
                if (!result.TryGetValue(key, out var list))
                {
                    result[key] = list = new List<Offering>(1);
                }

                list.Add(new Offering(service.Value, table.Get(row, "engine_or_use"), regions));
            }

            return result;
        }

        private static OfferingService? Parse(string service)
        {
            switch (service)
            {
                case "ec2": return OfferingService.Ec2;
                case "rds": return OfferingService.Rds;
                case "rds_multi_az_cluster": return OfferingService.RdsMultiAzCluster;
                case "docdb": return OfferingService.DocumentDb;
                case "neptune": return OfferingService.Neptune;
                case "elasticache": return OfferingService.ElastiCache;
                case "opensearch": return OfferingService.OpenSearch;
                case "sagemaker": return OfferingService.SageMaker;
                default: return null;
            }
        }

        private readonly struct Offering
        {
            public Offering(OfferingService service, string engineOrUse, ulong regions)
            {
                Service = service;
                EngineOrUse = engineOrUse;
                Regions = regions;
            }

            public OfferingService Service { get; }

            public string EngineOrUse { get; }

            public ulong Regions { get; }
        }
    }
}
