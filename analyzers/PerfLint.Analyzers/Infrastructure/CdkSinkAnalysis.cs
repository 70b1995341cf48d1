using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Gating;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// Runs a rule over every <see cref="CdkSink"/> it matches, in two ways that together cover value flow into
    /// helper methods and constructors without ever rescanning the compilation:
    /// <list type="number">
    /// <item><b>Direct</b>: an operation action on each sink; its value is resolved in place (constants, locals,
    /// fields, concatenation, helper return values). Parameters stay unknown.</item>
    /// <item><b>Caller-driven</b>: an operation action on each invocation or object creation of a method or
    /// constructor declared in source. The callee's sinks (and the source calls it makes, up to
    /// <see cref="ValueResolver.MaxCallDepth"/> deep) are computed once per compilation and method (cached), and
    /// each sink's value is resolved with the callee's parameters bound to this call's arguments. Only values that
    /// come from this call site are passed on, so each diagnostic lands at the call site that holds the value and
    /// nothing is reported twice.</item>
    /// </list>
    /// </summary>
    public static class CdkSinkAnalysis
    {
        private static readonly OperationKind[] CallKinds = { OperationKind.Invocation, OperationKind.ObjectCreation };

        /// <summary>
        /// Registers both passes. <paramref name="sinkProperty"/> accepts the names of the properties
        /// <paramref name="matcher"/> matches: a callee is bound for the caller-driven pass only when its syntax assigns
        /// one from something that may come from its caller. <paramref name="sinkKinds"/> are the operation kinds <paramref name="matcher"/>
        /// can match (<see cref="OperationKind.SimpleAssignment"/> for properties, <see cref="OperationKind.Argument"/>
        /// for arguments); <paramref name="onSink"/> gets each matched sink with its resolved values.
        /// </summary>
        public static void Register(OperationDispatch context, CdkTypes cdk, SinkMatcher matcher, Func<string, bool> sinkProperty, Action<SinkHit> onSink,
            params OperationKind[] sinkKinds)
        {
            context.Register(
                c =>
                {
                    var sink = matcher(c.Operation, cdk);
                    if (sink == null)
                    {
                        return;
                    }

                    var values = ValueResolver.Resolve(sink.Value, cdk, c.CancellationToken);
                    onSink(new SinkHit(c, cdk, sink, values, null));
                },
                sinkKinds);

            var summaries = new ConcurrentDictionary<IMethodSymbol, MethodSummary>(SymbolEqualityComparer.Default);
            Func<IMethodSymbol, MethodSummary> summarize = m => MethodSummary.Build(m, cdk, matcher, context.AdmitsAll ? null : sinkProperty);
            context.Register(
                c =>
                {
                    var target = TargetOf(c.Operation, cdk);
                    if (target == null || target.Parameters.Length == 0 || !IsFollowable(target, cdk))
                    {
                        return;
                    }

                    // Most calls reach no sink at all: the cached summary says so before anything is allocated.
                    var summary = summaries.GetOrAdd(target.OriginalDefinition, summarize);
                    if (summary.IsEmpty)
                    {
                        return;
                    }

                    var bindings = ParameterBindings.ForCallSite(c.Operation, target);
                    if (bindings != null)
                    {
                        var visiting = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { target.OriginalDefinition };
                        VisitCallee(c, cdk, onSink, summaries, summarize, target.OriginalDefinition, bindings, visiting);
                    }
                },
                CallKinds);
        }

        private static void VisitCallee(CdkOperationContext context, CdkTypes cdk, Action<SinkHit> onSink,
            ConcurrentDictionary<IMethodSymbol, MethodSummary> summaries, Func<IMethodSymbol, MethodSummary> summarize, IMethodSymbol method, ParameterBindings bindings, HashSet<IMethodSymbol> visiting)
        {
            var summary = summaries.GetOrAdd(method, summarize);
            var reportTree = context.Operation.Syntax.SyntaxTree;
            foreach (var sink in summary.Sinks)
            {
                var values = ValueResolver.Resolve(sink.Value, cdk, context.CancellationToken, bindings, reportTree);
                var fromHere = values.Where(v => v.FromCallSite && v.Node.SyntaxTree == reportTree).ToImmutableArray();
                if (fromHere.Length > 0 || HasCallSiteSibling(sink, cdk, context, bindings, reportTree))
                {
                    onSink(new SinkHit(context, cdk, sink, fromHere, bindings));
                }
            }

            if (bindings.Depth >= ValueResolver.MaxCallDepth)
            {
                return;
            }

            foreach (var call in summary.Calls)
            {
                var callee = TargetOf(call, cdk)?.OriginalDefinition;
                if (callee == null || !visiting.Add(callee))
                {
                    continue;
                }

                var nested = ParameterBindings.ForNestedCall(call, bindings, callee);
                if (nested != null)
                {
                    VisitCallee(context, cdk, onSink, summaries, summarize, callee, nested, visiting);
                }

                visiting.Remove(callee);
            }
        }

        /// <summary>
        /// A sink whose own value is a callee constant may still depend on the call site through a sibling property
        /// (<c>MinCapacity = 2, MaxCapacity = max</c>): rules that compare siblings get the hit with no values.
        /// </summary>
        private static bool HasCallSiteSibling(CdkSink sink, CdkTypes cdk, CdkOperationContext context, ParameterBindings bindings, SyntaxTree reportTree)
        {
            var initializer = sink.Initializer;
            if (initializer == null)
            {
                return false;
            }

            foreach (var sibling in initializer.Initializers)
            {
                if (sibling is ISimpleAssignmentOperation assignment && assignment != sink.Operation && DependsOnParameters(assignment.Value) &&
                    ValueResolver.Resolve(assignment.Value, cdk, context.CancellationToken, bindings, reportTree).Any(v => v.FromCallSite))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The method or constructor a call runs; for a delegate call, the lambda the delegate certainly holds.</summary>
        private static IMethodSymbol? TargetOf(IOperation operation, CdkTypes cdk) =>
            operation switch
            {
                IInvocationOperation { TargetMethod: { MethodKind: MethodKind.DelegateInvoke } } invocation => cdk.Flow.GetLambda(invocation.Instance)?.Symbol,
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };

        /// <summary>A method or constructor whose declared body is what runs: in source, not CDK, not abstract/virtual/extern.</summary>
        internal static bool IsFollowable(IMethodSymbol method, CdkTypes cdk) =>
            !cdk.IsCdk(method) && !method.IsAbstract && !method.IsExtern && (!method.IsVirtual || method.IsSealed) &&
            !method.IsOverride && cdk.Flow.IsInSource(method.OriginalDefinition);

        /// <summary>True when the expression reads a parameter, a local or calls something (it may depend on the call site).</summary>
        internal static bool DependsOnParameters(IOperation? value) =>
            value != null && value.DescendantsAndSelf().Any(o =>
                o is IParameterReferenceOperation || o is ILocalReferenceOperation || o is IInvocationOperation || o is IObjectCreationOperation);

        /// <summary>True when another assignment of the sink's object initializer may depend on the call site.</summary>
        private static bool SiblingDependsOnParameters(CdkSink sink) =>
            sink.Initializer != null &&
            sink.Initializer.Initializers.Any(i => i != sink.Operation && i is ISimpleAssignmentOperation a && DependsOnParameters(a.Value));

        /// <summary>One callee's sinks that may depend on its parameters, and the source calls it makes with such values.</summary>
        private sealed class MethodSummary
        {
            private static readonly MethodSummary Empty = new MethodSummary(ImmutableArray<CdkSink>.Empty, ImmutableArray<IOperation>.Empty);

            private MethodSummary(ImmutableArray<CdkSink> sinks, ImmutableArray<IOperation> calls)
            {
                Sinks = sinks;
                Calls = calls;
            }

            public ImmutableArray<CdkSink> Sinks { get; }

            public ImmutableArray<IOperation> Calls { get; }

            public bool IsEmpty => Sinks.IsEmpty && Calls.IsEmpty;

            public static MethodSummary Build(IMethodSymbol method, CdkTypes cdk, SinkMatcher matcher, Func<string, bool>? sinkProperty)
            {
                // Binding a callee costs as much as compiling it: most constructors reach no sink with a value from
                // their caller, and their syntax says so (not asked with every body admitted).
                if (sinkProperty != null && !CallSiteDependence.MayReachSink(cdk.MethodFacts(method), sinkProperty))
                {
                    return Empty;
                }

                // A primary constructor's parameters are captured by every member of its type: all of them are its body.
                var bodies = cdk.Flow.GetBodies(method);
                if (bodies.Count == 0)
                {
                    return Empty;
                }

                var sinks = ImmutableArray.CreateBuilder<CdkSink>();
                var calls = ImmutableArray.CreateBuilder<IOperation>();
                foreach (var op in bodies.SelectMany(b => b.DescendantsAndSelf()))
                {
                    var sink = matcher(op, cdk);
                    if (sink != null && (DependsOnParameters(sink.Value) || SiblingDependsOnParameters(sink)))
                    {
                        sinks.Add(sink);
                        continue;
                    }

                    var target = TargetOf(op, cdk);
                    if (target != null && IsFollowable(target, cdk) && op.ChildOperations.Any(DependsOnParameters))
                    {
                        calls.Add(op);
                    }
                }

                return new MethodSummary(sinks.ToImmutable(), calls.ToImmutable());
            }
        }
    }
}
