using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Facts;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL2003: an S3 bucket configured as a website (<c>WebsiteIndexDocument</c>, <c>WebsiteRedirect</c>,
    /// <c>WebsiteRoutingRules</c>; L1 <c>WebsiteConfiguration</c>) that no CloudFront distribution (<c>Distribution</c>,
    /// <c>CloudFrontWebDistribution</c>, <c>CfnDistribution</c>) mentions as an origin; message:
    /// <see cref="ConnectivityRules.WebsiteBucketWithoutCloudFront"/>. Reported on the website setting. Silent when a
    /// distribution exists whose origin mentions no bucket PerfLint can see (it may front this one).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WebsiteBucketAnalyzer : CdkAnalyzer
    {
        private static readonly ConstructKind[] Kinds = { ConstructKind.Bucket, ConstructKind.Distribution };
        private static readonly string[] WebsiteProperties = { "WebsiteIndexDocument", "WebsiteRedirect", "WebsiteRoutingRules", "WebsiteConfiguration" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.WebsiteBucketWithoutCloudFront));

        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk) =>
            AppFactCollector.Register(context, cdk, Kinds, wiring: true, (index, _, _) =>
            {
                var fine = new HashSet<BodyEntry>(index.Bodies.Where(FrontsItsOwnWebsites));
                return Gates.Files(index, b => Websites(b) && !fine.Contains(b), b => Distributions(b) && !fine.Contains(b));
            }, Analyze);

        private static readonly Func<BodyEntry, bool> Websites = Gates.Naming(WebsiteProperties);
        private static readonly string[] DistributionTypes = { "Distribution", "CloudFrontWebDistribution", "CfnDistribution" };
        private static readonly Func<BodyEntry, bool> Distributions = Gates.Naming(DistributionTypes.Concat(new[] { "AddBehavior" }).ToArray());

        /// <summary>
        /// Plainly fine from syntax: every website bucket of the body is a local that a distribution created in the same
        /// body names, and every such distribution names one of them (it fronts nothing from elsewhere).
        /// </summary>
        private static bool FrontsItsOwnWebsites(BodyEntry body)
        {
            if (!Websites(body) || body.Tokens.Names("AddBehavior"))
            {
                return false;
            }

            var websites = new List<string>();
            foreach (var bucket in CreationSyntax.Of(body, new[] { "Bucket", "CfnBucket" }))
            {
                if (bucket.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => WebsiteProperties.Contains(i.Identifier.ValueText)))
                {
                    var local = CreationSyntax.LocalOf(bucket);
                    if (local == null)
                    {
                        return false;
                    }

                    websites.Add(local);
                }
            }

            var distributions = CreationSyntax.Of(body, DistributionTypes).ToList();
            return websites.Count > 0 && distributions.Count > 0 &&
                   websites.All(w => distributions.Any(d => CreationSyntax.Mentions(d, w))) &&
                   distributions.All(d => websites.Any(w => CreationSyntax.Mentions(d, w)));
        }

        private static void Analyze(AppModel app, CompilationAnalysisContext context)
        {
            var websites = new List<(ConstructNode Bucket, Flow Setting)>();
            foreach (var bucket in app.OfKind(ConstructKind.Bucket))
            {
                var setting = WebsiteProperties.Select(p => app.Prop(bucket, p)).FirstOrDefault(v => v != null);
                if (setting != null)
                {
                    websites.Add((bucket, setting.Value));
                }
            }

            if (websites.Count == 0)
            {
                return;
            }

            var fronted = new HashSet<ConstructNode>();
            foreach (var distribution in app.OfKind(ConstructKind.Distribution))
            {
                var buckets = distribution.PropsFlow == null
                    ? new List<ConstructNode>()
                    : app.Mentions(distribution.PropsFlow.Value).Where(n => n.Kind == ConstructKind.Bucket).ToList();
                buckets.AddRange(AddedBehaviorBuckets(app, distribution));
                if (buckets.Count == 0)
                {
                    // Its origin is something PerfLint cannot see: it may be any of the website buckets.
                    return;
                }

                fronted.UnionWith(buckets);
            }

            var sink = app.Findings(context.ReportDiagnostic);
            foreach (var (bucket, setting) in websites)
            {
                if (fronted.Contains(bucket))
                {
                    continue;
                }

                var name = app.SingleString(app.Prop(bucket, "BucketName"))?.Text ?? bucket.Name;
                var location = app.SingleString(setting)?.Location ?? app.Anchor(setting);
                sink.Report(ConnectivityRules.WebsiteBucketWithoutCloudFront(name), location, bucket.Location);
            }
        }

        /// <summary>Buckets mentioned by <c>distribution.AddBehavior(path, origin)</c>.</summary>
        private static IEnumerable<ConstructNode> AddedBehaviorBuckets(AppModel app, ConstructNode distribution)
        {
            foreach (var call in app.WiringCalls.Where(c => c.TargetMethod.Name == "AddBehavior" && c.Instance != null))
            {
                foreach (var context in app.ContextsOf(AppModel.OwnerOf(call)))
                {
                    if (!app.Identity(new Flow(call.Instance!, context)).Contains(distribution))
                    {
                        continue;
                    }

                    foreach (var argument in call.Arguments)
                    {
                        foreach (var bucket in app.Mentions(new Flow(argument.Value, context)).Where(n => n.Kind == ConstructKind.Bucket))
                        {
                            yield return bucket;
                        }
                    }
                }
            }
        }
    }
}
