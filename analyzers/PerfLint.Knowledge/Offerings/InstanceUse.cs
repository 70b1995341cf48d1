using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Catalog;

namespace PerfLint.Knowledge.Offerings
{
    /// <summary>
    /// Where an instance type is used: the service, the RDS engines or SageMaker uses it may run under (empty: any),
    /// and the region (null: unknown). Suggestions are made only from what this use offers.
    /// </summary>
    public sealed class InstanceUse
    {
        /// <summary>RDS engines under Aurora's <c>DatabaseCluster</c> when the engine is not visible.</summary>
        public static readonly IReadOnlyList<string> AuroraEngines = new[] { "aurora-mysql", "aurora-postgresql" };

        /// <summary>SageMaker's use for endpoint configs (real-time, serverless and asynchronous endpoints).</summary>
        public const string Hosting = "hosting";

        public InstanceUse(OfferingService service, IReadOnlyList<string>? enginesOrUses = null, string? region = null)
        {
            Service = service;
            EnginesOrUses = enginesOrUses ?? Array.Empty<string>();
            Region = string.IsNullOrWhiteSpace(region) ? null : region!.Trim().ToLowerInvariant();
        }

        public OfferingService Service { get; }

        /// <summary>RDS engines (<c>postgres</c>, <c>aurora-mysql</c>) or SageMaker uses (<c>hosting</c>); empty when any.</summary>
        public IReadOnlyList<string> EnginesOrUses { get; }

        /// <summary>The region code, lower case; null when unknown.</summary>
        public string? Region { get; }

        /// <summary>True when <see cref="Region"/> is set and the data covers it.</summary>
        public bool HasKnownRegion => Regions.IsKnown(Region);

        /// <summary>The use a service-qualified name implies on its own (<c>db.</c>: RDS, any engine; <c>ml.</c>: SageMaker, any use).</summary>
        public static InstanceUse For(InstanceTypeName name, string? region) => new InstanceUse(ServiceOf(name.Service), null, region);

        /// <summary>Every use that spells names like <paramref name="name"/> (<c>db.</c>: RDS instances, Multi-AZ clusters, DocumentDB, Neptune), any engine or use, any region.</summary>
        public static IReadOnlyList<InstanceUse> PossibleUses(InstanceTypeName name) => UsesBySpelling[(int)name.Service];

        // The syntax gates ask this of every distinct instance-type text of a compilation: one fixed list per spelling.
        private static readonly IReadOnlyList<InstanceUse>[] UsesBySpelling = SpelledUses();

        private static IReadOnlyList<InstanceUse>[] SpelledUses()
        {
            var uses = new IReadOnlyList<InstanceUse>[Enum.GetValues(typeof(InstanceService)).Length];
            foreach (InstanceService service in Enum.GetValues(typeof(InstanceService)))
            {
                uses[(int)service] = service == InstanceService.Rds
                    ? new[]
                    {
                        new InstanceUse(OfferingService.Rds), new InstanceUse(OfferingService.RdsMultiAzCluster),
                        new InstanceUse(OfferingService.DocumentDb), new InstanceUse(OfferingService.Neptune),
                    }
                    : new[] { new InstanceUse(ServiceOf(service)) };
            }

            return uses;
        }

        /// <summary>This use, in <paramref name="region"/> when its own region is unknown (a stack's literal region wins over the <c>perflint_region</c> option).</summary>
        public InstanceUse OrRegion(string? region) => Region != null || region == null ? this : new InstanceUse(Service, EnginesOrUses, region);

        /// <summary>The offering service that spells names this way when nothing else is known.</summary>
        public static OfferingService ServiceOf(InstanceService service)
        {
            switch (service)
            {
                case InstanceService.Rds: return OfferingService.Rds;
                case InstanceService.ElastiCache: return OfferingService.ElastiCache;
                case InstanceService.OpenSearch: return OfferingService.OpenSearch;
                case InstanceService.SageMaker: return OfferingService.SageMaker;
                default: return OfferingService.Ec2;
            }
        }

        /// <summary>The service's name in messages, with the engines or uses: <c>RDS (postgres)</c>, <c>SageMaker hosting</c>.</summary>
        public string ServiceName
        {
            get
            {
                var name = Name(Service);
                if (EnginesOrUses.Count == 0)
                {
                    return name;
                }

                var which = string.Join(", ", EnginesOrUses);
                return Service == OfferingService.SageMaker ? name + " " + which : name + " (" + which + ")";
            }
        }

        /// <summary>A stable key for caches: service, engines or uses, region.</summary>
        public string Key => ((int)Service).ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + string.Join(",", EnginesOrUses) + "|" + (Region ?? string.Empty);

        public override string ToString() => ServiceName + (Region == null ? string.Empty : " in " + Region);

        private static string Name(OfferingService service)
        {
            switch (service)
            {
                case OfferingService.Rds: return "RDS";
                case OfferingService.RdsMultiAzCluster: return "RDS Multi-AZ DB clusters";
                case OfferingService.DocumentDb: return "DocumentDB";
                case OfferingService.Neptune: return "Neptune";
                case OfferingService.ElastiCache: return "ElastiCache";
                case OfferingService.OpenSearch: return "OpenSearch Service";
                case OfferingService.SageMaker: return "SageMaker";
                default: return "EC2";
            }
        }

        /// <summary>RDS engine name from what CDK/CloudFormation write (<c>aurora-postgresql</c>, <c>sqlserver-web</c>); null when not one the data knows.</summary>
        public static string? NormalizeEngine(string? engine)
        {
            var e = engine?.Trim().ToLowerInvariant();
            return e != null && KnownEngines.Contains(e) ? e : null;
        }

        private static readonly HashSet<string> KnownEngines = new HashSet<string>(StringComparer.Ordinal)
        {
            "aurora", "aurora-mysql", "aurora-postgresql", "mysql", "mariadb", "postgres", "oracle-ee", "oracle-se2",
            "oracle-se", "sqlserver-ee", "sqlserver-se", "sqlserver-web", "sqlserver-ex",
            "db2-ae", "db2-se",
        };

        internal bool Matches(string engineOrUse) => EnginesOrUses.Count == 0 || EnginesOrUses.Contains(engineOrUse);
    }
}
