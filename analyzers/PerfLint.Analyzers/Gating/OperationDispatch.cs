using System;
using System.Collections.Generic;
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
    /// analysis are separate from the binding it emits from), whether or not a body holds anything a rule looks at.
    /// Instead the gate is computed once per compilation from <see cref="SyntaxIndex"/> (syntax only), and a semantic
    /// model action per syntax tree binds and walks only the tree's admitted bodies, handing each operation of a
    /// registered kind to its handlers as an operation action would.
    /// </summary>
    /// <remarks>
    /// One action per tree rather than a syntax node action per body owner (the compiler would call every analyzer for
    /// every method, property and variable declarator); the index and the gate are built at compilation start, which a
    /// command-line build runs on a worker thread while the compiler is still declaring symbols.
    /// </remarks>
    public sealed class OperationDispatch
    {
        private readonly List<(OperationKind[] Kinds, Action<CdkOperationContext> Action)> _handlers =
            new List<(OperationKind[], Action<CdkOperationContext>)>();

        /// <summary>True once attached with every body admitted (<see cref="AdmitAllBodiesKey"/>): no syntax shortcut may skip code then.</summary>
        public bool AdmitsAll { get; private set; }

        /// <summary>Adds a handler for operations of <paramref name="kinds"/>.</summary>
        public void Register(Action<CdkOperationContext> action, params OperationKind[] kinds) =>
            _handlers.Add((kinds, action));

        /// <summary>
        /// Starts dispatching for this compilation. <paramref name="gate"/> builds the rule's gate from the compilation's
        /// syntax index; it returns whether a body can matter to the rule. False when nothing will be dispatched (no
        /// handlers, or the gate admits no body).
        /// </summary>
        public bool Attach(CompilationStartAnalysisContext context, CdkTypes cdk, Func<SyntaxIndex, AnalyzerOptions, CancellationToken, Func<BodyEntry, bool>> gate)
        {
            if (_handlers.Count == 0)
            {
                return false;
            }

            var index = cdk.Syntax(context.CancellationToken);
            AdmitsAll = AdmitsAllBodies(context.Options);
            var admits = AdmitsAll ? Gates.All : gate(index, context.Options, context.CancellationToken);
            if (admits == Gates.None)
            {
                return false;
            }

            context.RegisterSemanticModelAction(c =>
            {
                var tree = index.Find(c.SemanticModel.SyntaxTree);
                if (tree == null)
                {
                    return;
                }

                // One delegate per tree (a method group of the context struct would box it per operation); nothing in
                // generated code, which the analyzers filter themselves (CdkAnalyzer).
                Action<Diagnostic>? report = null;
                var bodies = tree.Bodies;
                for (var i = 0; i < bodies.Count; i++) // by index: an interface's enumerator would be allocated per tree and analyzer
                {
                    var body = bodies[i];
                    if (admits(body))
                    {
                        report ??= cdk.GeneratedCode.Filter(c.ReportDiagnostic, c.Options, c.CancellationToken);
                        Dispatch(c, report, body);
                    }
                }
            });
            return true;
        }

        /// <summary>
        /// The global analyzer config key that turns every gate off (every body admitted): the differential tests and
        /// benchmarks compare gated with ungated analysis through it. Read once per compilation, per analyzer.
        /// </summary>
        public const string AdmitAllBodiesKey = "perflint_diagnostics_admit_all_bodies";

        /// <summary>True when the global config sets <see cref="AdmitAllBodiesKey"/> to true.</summary>
        public static bool AdmitsAllBodies(AnalyzerOptions options) =>
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(AdmitAllBodiesKey, out var value) &&
            string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private void Dispatch(SemanticModelAnalysisContext context, Action<Diagnostic> report, BodyEntry entry)
        {
            foreach (var root in BodyOwners.OperationRoots(entry.Node))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var operation = context.SemanticModel.GetOperation(root, context.CancellationToken);
                if (operation == null)
                {
                    continue;
                }

                // The walk over a big body runs long enough for the runtime to recompile this method mid-loop (OSR):
                // the handlers' loop is a call of its own so that what it recompiles stays small.
                foreach (var op in operation.DescendantsAndSelf())
                {
                    Handle(op, context.Options, report, context.CancellationToken);
                }
            }
        }

        private void Handle(IOperation operation, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            foreach (var (kinds, action) in _handlers)
            {
                if (Handles(kinds, operation.Kind))
                {
                    action(new CdkOperationContext(operation, options, report, cancellationToken));
                }
            }
        }

        // A loop, not a set: a handler takes one or two kinds, and a set of an enum is one more generic type to compile.
        private static bool Handles(OperationKind[] kinds, OperationKind kind)
        {
            foreach (var handled in kinds)
            {
                if (handled == kind)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
