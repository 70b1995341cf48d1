using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// An analyzer's operation handlers, run only over the code bodies its gate admits. Registering operation actions
    /// would make the compiler bind every method body of the project a second time (semantic models and nullable
    /// analysis are separate from the binding it emits from), which costs about a fifth of a build whether or not a body
    /// holds anything a rule looks at. Instead a syntax node action visits each body owner, asks the gate (computed
    /// once per compilation from <see cref="SyntaxIndex"/>, syntax only), and binds and walks only admitted bodies,
    /// handing each operation of a registered kind to its handlers as an operation action would.
    /// </summary>
    public sealed class OperationDispatch
    {
        private readonly List<(HashSet<OperationKind> Kinds, Action<CdkOperationContext> Action)> _handlers =
            new List<(HashSet<OperationKind>, Action<CdkOperationContext>)>();

        /// <summary>Adds a handler for operations of <paramref name="kinds"/>.</summary>
        public void Register(Action<CdkOperationContext> action, params OperationKind[] kinds) =>
            _handlers.Add((new HashSet<OperationKind>(kinds), action));

        /// <summary>
        /// Starts dispatching for this compilation. <paramref name="gate"/> builds the rule's gate from the compilation's
        /// syntax index (once, on first use); it returns whether a body can matter to the rule.
        /// </summary>
        public void Attach(CompilationStartAnalysisContext context, CdkTypes cdk, Func<SyntaxIndex, AnalyzerOptions, CancellationToken, Func<BodyEntry, bool>> gate)
        {
            if (_handlers.Count == 0)
            {
                return;
            }

            var options = context.Options;
            Func<BodyEntry, bool>? admits = null;
            var gateLock = new object();
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var index = cdk.Syntax(c.CancellationToken);
                    var entry = index.Find(c.Node);
                    if (entry == null)
                    {
                        return;
                    }

                    var admitted = Volatile.Read(ref admits);
                    if (admitted == null)
                    {
                        lock (gateLock)
                        {
                            admitted = admits ??= gate(index, options, c.CancellationToken);
                        }
                    }

                    if (admitted(entry))
                    {
                        Dispatch(c, entry);
                    }
                },
                BodyOwners.Kinds);
        }

        private void Dispatch(SyntaxNodeAnalysisContext context, BodyEntry entry)
        {
            foreach (var root in BodyOwners.OperationRoots(entry.Node))
            {
                var operation = context.SemanticModel.GetOperation(root, context.CancellationToken);
                if (operation == null)
                {
                    continue;
                }

                foreach (var op in operation.DescendantsAndSelf())
                {
                    foreach (var (kinds, action) in _handlers)
                    {
                        if (kinds.Contains(op.Kind))
                        {
                            action(new CdkOperationContext(op, context.Options, context.ReportDiagnostic, context.CancellationToken));
                        }
                    }
                }
            }
        }
    }
}
