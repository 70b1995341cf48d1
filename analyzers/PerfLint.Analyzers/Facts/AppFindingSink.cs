using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// Reports compilation-end findings: the finding's own severity (like <see cref="FindingReporter"/>), the
    /// locations of the other facts involved as additional locations, and each (location, message) once — a value
    /// reached through several call chains or connections is one diagnostic; none located in generated code.
    /// </summary>
    public sealed class AppFindingSink
    {
        private readonly Action<Diagnostic> _report;
        private readonly GeneratedCode _generated;
        private readonly Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions _options;
        private readonly System.Threading.CancellationToken _cancellationToken;
        private readonly HashSet<(string, Location, string)> _seen = new HashSet<(string, Location, string)>();

        /// <param name="report">Where diagnostics go.</param>
        /// <param name="generated">Diagnostics located in generated code are dropped.</param>
        /// <param name="options">The analysis' options (<c>generated_code</c>).</param>
        /// <param name="cancellationToken">The analysis' cancellation.</param>
        public AppFindingSink(Action<Diagnostic> report, GeneratedCode generated, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options,
            System.Threading.CancellationToken cancellationToken)
        {
            _report = report;
            _generated = generated;
            _options = options;
            _cancellationToken = cancellationToken;
        }

        public void Report(RuleFinding finding, Location location, params Location[] related)
        {
            if (location == Location.None || !location.IsInSource || _generated.Holds(location, _options, _cancellationToken) ||
                !_seen.Add((finding.RuleId, location, finding.Message)))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (finding.Replacement != null)
            {
                properties = properties.Add(FindingReporter.ReplacementProperty, finding.Replacement);
            }

            var additional = related.Where(l => l != null && l.IsInSource && l != location).Distinct().ToList();
            _report(Diagnostic.Create(
                Descriptors.For(finding.RuleId),
                location,
                Descriptors.ToRoslyn(finding.Severity),
                additional,
                properties,
                finding.Message));
        }
    }
}
