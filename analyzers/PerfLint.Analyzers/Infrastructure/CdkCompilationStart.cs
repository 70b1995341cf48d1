using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Gating;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// A compilation that references the CDK, as a per-value rule registers on it: each registration names what the
    /// rule judges and the bodies it may need; the gate of the whole analyzer is their union, attached once the rule
    /// has registered (<see cref="CdkAnalyzer"/>). A rule file holds no gate plumbing of its own.
    /// </summary>
    public sealed class CdkCompilationStart
    {
        private readonly OperationDispatch _dispatch = new OperationDispatch();
        private readonly List<BodyGate> _gates = new List<BodyGate>();

        internal CdkCompilationStart(CdkTypes cdk)
        {
            Cdk = cdk;
        }

        /// <summary>The CDK symbols of the compilation.</summary>
        public CdkTypes Cdk { get; }

        /// <summary>Judges every sink <paramref name="rule"/> matches, in bodies its own gate admits.</summary>
        public void RegisterCdkSink(CdkSinkRule rule)
        {
            CdkSinkAnalysis.Register(_dispatch, Cdk, rule.Match, rule.Reads, rule.Report, OperationKind.SimpleAssignment);
            _gates.Add(rule.Gate);
        }

        /// <summary>Hands operations of <paramref name="kinds"/> to <paramref name="action"/>, in the bodies <paramref name="gate"/> admits.</summary>
        public void RegisterOperation(Action<CdkOperationContext> action, BodyGate gate, params OperationKind[] kinds)
        {
            _dispatch.Register(action, kinds);
            _gates.Add(gate);
        }

        internal void Attach(CompilationStartAnalysisContext context) => _dispatch.Attach(context, Cdk, (index, options, _) => Union(index, options));

        private Func<BodyEntry, bool> Union(SyntaxIndex index, AnalyzerOptions options)
        {
            var admitting = new List<Func<BodyEntry, bool>>();
            foreach (var gate in _gates)
            {
                var admits = gate(index, options);
                if (admits == Gates.All)
                {
                    return Gates.All;
                }

                if (admits != Gates.None)
                {
                    admitting.Add(admits);
                }
            }

            return admitting.Count == 0 ? Gates.None
                : admitting.Count == 1 ? admitting[0]
                : b => AnyAdmits(admitting, b);
        }

        private static bool AnyAdmits(List<Func<BodyEntry, bool>> gates, BodyEntry body)
        {
            foreach (var gate in gates)
            {
                if (gate(body))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
