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
    /// reached through several call chains or connections is one diagnostic.
    /// </summary>
    public sealed class AppFindingSink
    {
        private readonly Action<Diagnostic> _report;
        private readonly Func<Location, ValueNote?>? _noteAt;
        private readonly HashSet<(string, Location, string)> _seen = new HashSet<(string, Location, string)>();

        /// <param name="report">Where diagnostics go (<see cref="AppModel.Findings"/> passes one that drops those in generated code).</param>
        /// <param name="noteAt">The branch and CDK context entry of a value reported at a location: its finding names them, as per-value findings do (<see cref="FindingReporter"/>).</param>
        public AppFindingSink(Action<Diagnostic> report, Func<Location, ValueNote?>? noteAt = null)
        {
            _report = report;
            _noteAt = noteAt;
        }

        public void Report(RuleFinding finding, Location location, params Location[] related)
        {
            if (location == Location.None || !location.IsInSource || !_seen.Add((finding.RuleId, location, finding.Message)))
            {
                return;
            }

            var additional = related.Where(l => l != null && l.IsInSource && l != location).Distinct().ToList();
            var note = _noteAt?.Invoke(location);
            _report(FindingReporter.Create(finding, location, context: note?.Branch, contextValue: note?.Context, related: additional));
        }
    }
}
