using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Gating;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>The bodies a rule may need, read from the compilation's syntax index and options (see <see cref="Gates"/>).</summary>
    public delegate Func<BodyEntry, bool> BodyGate(SyntaxIndex index, AnalyzerOptions options);

    /// <summary>
    /// What a per-value rule judges, in one description that both decides reporting and derives the rule's gate: the
    /// CDK properties it reads (by name, then narrowed by symbol and sink), what it reports on each hit, and the syntax
    /// that may hold a value it flags. The gate admits a body holding such evidence, or naming one that passes it on
    /// to a property of <see cref="Reads"/> (<see cref="Gates.ValueFlow"/>); since the matcher only narrows the same
    /// names, the gate cannot miss a property the rule matches.
    /// </summary>
    public sealed class CdkSinkRule
    {
        private readonly Func<IPropertySymbol, CdkTypes, bool>? _property;
        private readonly Func<CdkSink, bool>? _sink;

        /// <param name="reads">The names of the properties the rule reads: its sinks and the siblings it compares them with.</param>
        /// <param name="report">Judges one matched sink with its resolved values.</param>
        /// <param name="evidence">Bodies that hold a value the rule may flag (the gate's seeds).</param>
        /// <param name="property">Narrows the matched properties (type, namespace, which of <paramref name="reads"/>).</param>
        /// <param name="sink">Narrows the matched sinks (e.g. to databases and caches).</param>
        /// <param name="context">Bodies in the rule's context (PL1002: a database or cache); with it, a body must be in both closures.</param>
        public CdkSinkRule(Func<string, bool> reads, Action<SinkHit> report, BodyGate evidence,
            Func<IPropertySymbol, CdkTypes, bool>? property = null, Func<CdkSink, bool>? sink = null, BodyGate? context = null)
        {
            Reads = reads;
            Report = report;
            Evidence = evidence;
            Context = context;
            _property = property;
            _sink = sink;
        }

        /// <summary>The property names the rule reads (the value flow of its gate follows them).</summary>
        public Func<string, bool> Reads { get; }

        /// <summary>Judges one matched sink.</summary>
        public Action<SinkHit> Report { get; }

        /// <summary>Bodies that hold a value the rule may flag.</summary>
        public BodyGate Evidence { get; }

        /// <summary>Bodies in the rule's context, or null when every body is.</summary>
        public BodyGate? Context { get; }

        /// <summary>The assignment of a CDK property the rule judges, or null.</summary>
        public CdkSink? Match(IOperation operation, CdkTypes cdk)
        {
            var sink = CdkSinks.PropertyAssignment(operation, cdk, p => Reads(p.Name) && (_property == null || _property(p, cdk)));
            return sink != null && (_sink == null || _sink(sink)) ? sink : null;
        }

        /// <summary>
        /// The rule's gate: bodies with evidence or that read a CDK context holding values (<see cref="CdkContextReads.Readers"/>),
        /// and the bodies their values flow to the rule's properties through.
        /// </summary>
        public Func<BodyEntry, bool> Gate(SyntaxIndex index, AnalyzerOptions options)
        {
            var evidence = Gates.Either(Evidence(index, options), CdkContextReads.Readers(index, options));
            return evidence == Gates.All && Context == null ? Gates.All : Gates.ValueFlow(index, evidence, Reads, Context?.Invoke(index, options));
        }

        /// <summary>The same rule, reporting with <paramref name="report"/> instead.</summary>
        public CdkSinkRule WithReport(Action<SinkHit> report) => new CdkSinkRule(Reads, report, Evidence, _property, _sink, Context);
    }
}
