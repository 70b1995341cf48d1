using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL2003 over the app model: an S3 bucket configured as a website (L2 <c>WebsiteIndexDocument</c>,
    /// <c>WebsiteRedirect</c>, <c>WebsiteRoutingRules</c>; L1 and template <c>WebsiteConfiguration</c>) that no CloudFront
    /// distribution fronts: none references it (props, or a connection such as <c>AddBehavior</c>) or names it in an
    /// origin's domain. Reported on the website setting. Where references may be invisible (C#), a distribution that
    /// fronts no visible bucket may front any of them, so the rule is silent.
    /// </summary>
    public sealed class WebsiteBucketRule : AppRule
    {
        private const string Bucket = "AWS::S3::Bucket";
        private const string Distribution = "AWS::CloudFront::Distribution";
        private static readonly string[] WebsiteProperties = { "WebsiteIndexDocument", "WebsiteRedirect", "WebsiteRoutingRules", "WebsiteConfiguration" };

        public override string RuleId => RuleIds.WebsiteBucketWithoutCloudFront;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[] { Bucket, Distribution };

        public override IReadOnlyList<string> SupportNames { get; } = WebsiteProperties.Concat(new[] { "AddBehavior" }).ToArray();

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            var websites = new List<Website>();
            foreach (var bucket in app.OfType(Bucket))
            {
                var setting = WebsiteProperties.Select(bucket.Property).FirstOrDefault(v => v != null);
                if (setting != null)
                {
                    websites.Add(new Website(bucket, setting));
                }
            }

            if (websites.Count == 0)
            {
                return Enumerable.Empty<AppFinding>();
            }

            var fronted = new HashSet<AppResource>();
            var originDomains = new List<string>();
            var connectedBuckets = app.Connections.Where(c => c.Server.Is(Bucket)).ToLookup(c => c.Client, c => c.Server);
            foreach (var distribution in app.OfType(Distribution))
            {
                var buckets = distribution.Props.ResourcesOf(Bucket).Concat(connectedBuckets[distribution]).ToList();
                if (buckets.Count == 0 && !app.ReferencesComplete)
                {
                    return Enumerable.Empty<AppFinding>();
                }

                fronted.UnionWith(buckets);
                originDomains.AddRange(distribution.Props.At("DistributionConfig.Origins").Items()
                    .SelectMany(o => o.Property("DomainName")?.Strings() ?? Array.Empty<AppString>()).Select(s => s.Text));
            }

            var findings = new List<AppFinding>();
            foreach (var website in websites)
            {
                var bucket = website.Bucket;
                var setting = website.Setting;
                var name = BucketName(bucket);
                if (fronted.Contains(bucket) || (name != null && originDomains.Any(d => d.Contains(name))))
                {
                    continue;
                }

                var where = setting.SingleString()?.Where ?? setting.Where;
                var finding = ConnectivityRules.WebsiteBucketWithoutCloudFront(name ?? bucket.Path ?? bucket.Id);
                var byId = name == null && bucket.Path != null ? new[] { ConnectivityRules.WebsiteBucketWithoutCloudFront(bucket.Id).Message } : null;
                findings.Add(new AppFinding(finding, bucket, where, related: new object[] { bucket }, equivalentMessages: byId));
            }

            return findings;
        }

        /// <summary>The bucket's name when it is written out (a template writes a deploy-time part as <c>{{..}}</c>: no name).</summary>
        private static string? BucketName(AppResource bucket)
        {
            var name = bucket.Property("BucketName").SingleString()?.Text;
            return name == null || name.Contains("{{") ? null : name;
        }

        /// <summary>A bucket configured as a website and the setting that says so (a class: see CdkConstructTypes on tuples).</summary>
        private sealed class Website
        {
            public Website(AppResource bucket, IAppValue setting)
            {
                Bucket = bucket;
                Setting = setting;
            }

            public AppResource Bucket { get; }

            public IAppValue Setting { get; }
        }
    }
}
