using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Facts;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL5001: a SageMaker <c>CfnEndpoint</c> for which no Application Auto Scaling target
    /// (<c>ScalableTarget</c>/<c>CfnScalableTarget</c>, ResourceId <c>endpoint/&lt;name&gt;/variant/&lt;variant&gt;</c>)
    /// exists in the compilation (message: <see cref="ScalingRule.EndpointWithoutAutoScaling"/>). A target matches when
    /// its ResourceId mentions the endpoint construct (<c>endpoint.AttrEndpointName</c>) or names it. Endpoints whose
    /// variants all scale by themselves (serverless, managed instance scaling) are skipped, and nothing is reported when
    /// a SageMaker target's ResourceId cannot be read at all (it might be any endpoint's).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EndpointAutoScalingAnalyzer : CdkAnalyzer
    {
        private static readonly ConstructKind[] Kinds =
        {
            ConstructKind.SageMakerEndpoint, ConstructKind.SageMakerEndpointConfig, ConstructKind.ScalableTarget,
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.EndpointWithoutAutoScaling));

        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk) =>
            AppFactCollector.Register(context, cdk, Kinds, wiring: false, (index, _, _) =>
            {
                var fine = new HashSet<BodyEntry>(index.Bodies.Where(ScalesItsOwnEndpoints));
                return Gates.Files(index, b => Endpoints(b) && !fine.Contains(b), b => ScalingOrConfigs(b) && !fine.Contains(b));
            }, Analyze);

        private static readonly Func<BodyEntry, bool> Endpoints = Gates.Naming("CfnEndpoint");
        private static readonly string[] TargetTypes = { "ScalableTarget", "CfnScalableTarget" };
        private static readonly Func<BodyEntry, bool> ScalingOrConfigs = Gates.Naming("ScalableTarget", "CfnScalableTarget", "CfnEndpointConfig");

        /// <summary>
        /// Plainly fine from syntax: every endpoint of the body is a local that a scalable target created in the same
        /// body names, by the local or by its literal name in the ResourceId (<c>endpoint/name/variant/..</c>).
        /// </summary>
        private static bool ScalesItsOwnEndpoints(BodyEntry body)
        {
            if (!Endpoints(body))
            {
                return false;
            }

            var targets = CreationSyntax.Of(body, TargetTypes).ToList();
            var endpoints = CreationSyntax.Of(body, new[] { "CfnEndpoint" }).ToList();
            return targets.Count > 0 && endpoints.Count > 0 && endpoints.All(endpoint =>
            {
                var local = CreationSyntax.LocalOf(endpoint);
                var name = CreationSyntax.AssignedString(endpoint, "EndpointName");
                return local != null && targets.Any(t =>
                    CreationSyntax.Mentions(t, local) ||
                    (name != null && CreationSyntax.AssignedString(t, "ResourceId") is string id &&
                     id.StartsWith("endpoint/" + name + "/", StringComparison.OrdinalIgnoreCase)));
            });
        }

        private static void Analyze(AppModel app, CompilationAnalysisContext context)
        {
            var scaledEndpoints = new HashSet<ConstructNode>();
            var scaledNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var target in app.OfKind(ConstructKind.ScalableTarget))
            {
                if (!IsSageMakerTarget(app, target))
                {
                    continue;
                }

                var resourceId = app.Prop(target, "ResourceId");
                if (resourceId == null)
                {
                    return;
                }

                var (mentioned, _) = app.MentionsWithUnknowns(resourceId.Value);
                var endpoints = mentioned.Where(n => n.Kind == ConstructKind.SageMakerEndpoint).ToList();
                scaledEndpoints.UnionWith(endpoints);
                var names = app.Strings(resourceId).Select(v => EndpointNameOf(v.Text)).Where(n => n != null).ToList();
                foreach (var name in names)
                {
                    scaledNames.Add(name!);
                }

                if (endpoints.Count == 0 && names.Count == 0)
                {
                    // A SageMaker target PerfLint cannot read could scale any endpoint: stay silent.
                    return;
                }
            }

            var sink = app.Findings(context.ReportDiagnostic);
            foreach (var endpoint in app.OfKind(ConstructKind.SageMakerEndpoint))
            {
                if (scaledEndpoints.Contains(endpoint))
                {
                    continue;
                }

                var nameFlow = app.Prop(endpoint, "EndpointName");
                var name = app.SingleString(nameFlow)?.Text;
                if (name != null ? scaledNames.Contains(name) : nameFlow != null && scaledNames.Count > 0)
                {
                    // Named by a target, or named by a value PerfLint cannot read while some target names an endpoint.
                    continue;
                }

                var variants = SageMakerFacts.ConfigsOf(app, endpoint).SelectMany(c => SageMakerFacts.Variants(app, c)).ToList();
                if (variants.Count > 0 && variants.All(v => v.SelfScaling))
                {
                    continue;
                }

                sink.Report(ScalingRule.EndpointWithoutAutoScaling(name ?? endpoint.Name), endpoint.Location);
            }
        }

        /// <summary>False only when the target's service namespace is known and is not SageMaker.</summary>
        private static bool IsSageMakerTarget(AppModel app, ConstructNode target)
        {
            var values = app.Values(app.Prop(target, "ServiceNamespace"));
            if (values.Count == 0)
            {
                var dimension = app.SingleString(app.Prop(target, "ScalableDimension"))?.Text;
                return dimension == null || dimension.StartsWith("sagemaker:", StringComparison.OrdinalIgnoreCase);
            }

            return values.Any(v => string.Equals(v.Value.MemberName ?? v.Text, "sagemaker", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The endpoint name in <c>endpoint/&lt;name&gt;/variant/&lt;variant&gt;</c>, or null.</summary>
        private static string? EndpointNameOf(string? resourceId)
        {
            const string prefix = "endpoint/";
            if (resourceId == null || !resourceId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var rest = resourceId.Substring(prefix.Length);
            var slash = rest.IndexOf('/');
            return slash > 0 ? rest.Substring(0, slash) : rest.Length > 0 ? rest : null;
        }
    }
}
