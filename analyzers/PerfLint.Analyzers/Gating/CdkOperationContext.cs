using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>One operation handed to a rule by <see cref="OperationDispatch"/>: what an operation action's context gives.</summary>
    public readonly struct CdkOperationContext
    {
        private readonly Action<Diagnostic> _report;

        internal CdkOperationContext(IOperation operation, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            Operation = operation;
            Options = options;
            _report = report;
            CancellationToken = cancellationToken;
        }

        public IOperation Operation { get; }

        public AnalyzerOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
    }
}
