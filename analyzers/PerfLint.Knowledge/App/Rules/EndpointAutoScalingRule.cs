using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL5001 over the app model: a SageMaker endpoint no Application Auto Scaling target scales
    /// (<see cref="ScalingRule.EndpointWithoutAutoScaling"/>), reported on the endpoint. A target scales an endpoint
    /// when its <c>ResourceId</c> (<c>endpoint/&lt;name&gt;/variant/&lt;variant&gt;</c>) mentions it or names it.
    /// Endpoints whose variants all scale by themselves (serverless, managed instance scaling) are fine, and nothing is
    /// reported when a SageMaker target's ResourceId cannot be read (it might be any endpoint's).
    /// </summary>
    public sealed class EndpointAutoScalingRule : AppRule
    {
        public override string RuleId => RuleIds.EndpointWithoutAutoScaling;

        public override IReadOnlyList<string> ResourceTypes { get; } = new[] { SageMaker.Endpoint, SageMaker.EndpointConfig, SageMaker.ScalableTarget };

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            var scaledEndpoints = new HashSet<AppResource>();
            var scaledNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var target in app.OfType(SageMaker.ScalableTarget).Where(IsSageMakerTarget))
            {
                var resourceId = target.Property("ResourceId");
                var endpoints = resourceId.ResourcesOf(SageMaker.Endpoint).ToList();
                var names = resourceId?.Strings().Select(s => EndpointNameOf(s.Text)).Where(n => n != null).ToList();
                if (names == null || (endpoints.Count == 0 && names.Count == 0))
                {
                    // A SageMaker target PerfLint cannot read could scale any endpoint: stay silent.
                    yield break;
                }

                scaledEndpoints.UnionWith(endpoints);
                scaledNames.UnionWith(names!);
            }

            foreach (var endpoint in app.OfType(SageMaker.Endpoint))
            {
                var nameValue = endpoint.Property("EndpointName");
                var name = nameValue.SingleString()?.Text;
                if (scaledEndpoints.Contains(endpoint) || (name != null ? scaledNames.Contains(name) : nameValue != null && scaledNames.Count > 0))
                {
                    // Scaled, named by a target, or named by a value PerfLint cannot read while some target names an endpoint.
                    continue;
                }

                var variants = SageMaker.ConfigsOf(app, endpoint).SelectMany(c => c.Property("ProductionVariants").Items()).ToList();
                if (variants.Count > 0 && variants.All(SageMaker.SelfScaling))
                {
                    continue;
                }

                var display = name != null && !app.HasPlaceholder(name) ? name : endpoint.Path ?? endpoint.Id;
                yield return new AppFinding(ScalingRule.EndpointWithoutAutoScaling(display), endpoint, endpoint.Where);
            }
        }

        /// <summary>False only when the target's service namespace is known and is not SageMaker.</summary>
        internal static bool IsSageMakerTarget(AppResource target)
        {
            var namespaces = target.Property("ServiceNamespace")?.Strings() ?? Array.Empty<AppString>();
            if (namespaces.Count == 0)
            {
                var dimension = target.Property("ScalableDimension").SingleString()?.Text;
                return dimension == null || dimension.StartsWith("sagemaker:", StringComparison.OrdinalIgnoreCase);
            }

            return namespaces.Any(n => string.Equals(n.Text, "sagemaker", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>The endpoint name in <c>endpoint/&lt;name&gt;/variant/&lt;variant&gt;</c>, or null.</summary>
        internal static string? EndpointNameOf(string resourceId)
        {
            const string Prefix = "endpoint/";
            if (!resourceId.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var rest = resourceId.Substring(Prefix.Length);
            var slash = rest.IndexOf('/');
            return slash > 0 ? rest.Substring(0, slash) : rest.Length > 0 ? rest : null;
        }
    }
}
