using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>One matched sink with its values, handed to a rule by <see cref="CdkSinkAnalysis"/>.</summary>
    public sealed class SinkHit
    {
        private readonly Gating.CdkOperationContext _context;
        private RuleOptions? _options;

        internal SinkHit(Gating.CdkOperationContext context, CdkTypes cdk, CdkSink sink, ImmutableArray<ResolvedValue> values, ParameterBindings? callSite)
        {
            _context = context;
            Cdk = cdk;
            Sink = sink;
            Values = values;
            CallSite = callSite;
        }

        /// <summary>The CDK symbols of the compilation.</summary>
        public CdkTypes Cdk { get; }

        /// <summary>The sink (property assignment or argument), possibly in a helper method's body.</summary>
        public CdkSink Sink { get; }

        /// <summary>
        /// The sink value's resolved values to judge and report. Direct pass: all of them. Caller-driven pass: only
        /// those that come from the call site (<see cref="ResolvedValue.FromCallSite"/>), whose nodes are in the
        /// caller's file.
        /// </summary>
        public ImmutableArray<ResolvedValue> Values { get; }

        /// <summary>The call site's bindings in the caller-driven pass; null in the direct pass.</summary>
        public ParameterBindings? CallSite { get; }

        /// <summary>True in the caller-driven pass.</summary>
        public bool IsCallSite => CallSite != null;

        /// <summary>The operation being analyzed (the sink itself, or the call site).</summary>
        public IOperation AnalyzedOperation => _context.Operation;

        /// <summary>Cancellation of the analysis.</summary>
        public CancellationToken CancellationToken => _context.CancellationToken;

        /// <summary>The <c>.editorconfig</c> options for the analyzed file.</summary>
        /// <summary>The compilation's analyzer options (additional files: the user price and capacity files).</summary>
        public Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions AnalyzerOptions => _context.Options;

        public RuleOptions Options => _options ??= _context.Options.GetRuleOptions(_context.Operation.Syntax.SyntaxTree);

        /// <summary>
        /// Resolves another expression of the sink's body (a sibling property) under the same bindings, unfiltered:
        /// check <see cref="ResolvedValue.FromCallSite"/> yourself in the caller-driven pass.
        /// </summary>
        public ImmutableArray<ResolvedValue> Resolve(IOperation? value) =>
            ValueResolver.Resolve(value, Cdk, CancellationToken, CallSite, _context.Operation.Syntax.SyntaxTree);

        /// <summary>True when a value may be reported in this pass (its node is in the analyzed file and, at a call site, it came from there).</summary>
        public bool IsReportable(ResolvedValue value) =>
            value.Node.SyntaxTree == _context.Operation.Syntax.SyntaxTree && (!IsCallSite || value.FromCallSite);

        /// <summary>
        /// Reports a finding on a value's node, naming the branch that picks it (a switch arm, a lookup entry) and,
        /// for a value read from a settings object or collection, the construct it reaches; for a value read from the CDK
        /// context, the file and key.
        /// </summary>
        public void Report(RuleFinding finding, ResolvedValue value, ImmutableDictionary<string, string?>? properties = null)
        {
            var reaches = value.FromSettings ? SinkConstruct.Describe(Sink, Cdk) : null;
            var context = value.Branch == null ? reaches : reaches == null ? value.Branch : value.Branch + "; " + reaches;
            _context.ReportDiagnostic(FindingReporter.Create(finding, value.Location, properties, context, value.Context));
        }

        /// <summary>Reports any diagnostic from the analyzed operation's context.</summary>
        public void ReportDiagnostic(Diagnostic diagnostic) => _context.ReportDiagnostic(diagnostic);

        /// <summary>Reports a finding at an arbitrary location of the analyzed file.</summary>
        public void Report(RuleFinding finding, Location location, ImmutableDictionary<string, string?>? properties = null) =>
            _context.ReportDiagnostic(FindingReporter.Create(finding, location, properties));
    }
}
