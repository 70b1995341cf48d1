using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Infrastructure;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>Compile-time values of construct properties (through <see cref="ValueResolver"/>) and where diagnostics about them go.</summary>
    public sealed partial class AppModel
    {
        /// <summary>
        /// What a finding reported where a value is names besides its message, by that location: the branch that picks
        /// the value (a switch arm, a ternary branch) and the CDK context entry it was read from (file and key).
        /// </summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Location, ValueNote> _notesAt =
            new System.Collections.Concurrent.ConcurrentDictionary<Location, ValueNote>();

        // Several rules read the same props (an endpoint config's instance type): each flow is resolved once.
        private readonly Dictionary<(IOperation, CallContext?), IReadOnlyList<FactValue>> _values = new Dictionary<(IOperation, CallContext?), IReadOnlyList<FactValue>>();

        private ValueNote? NoteAt(Location location) => _notesAt.TryGetValue(location, out var note) ? note : null;

        /// <summary>The string values of <paramref name="flow"/>, each with the location a diagnostic about it belongs on.</summary>
        public IReadOnlyList<FactValue> Strings(Flow? flow) =>
            Values(flow).Where(v => v.Value.Kind == ResolvedValueKind.String || v.Value.Kind == ResolvedValueKind.InstanceType).ToList();

        /// <summary>The single string value of <paramref name="flow"/>, or null when there is none or they differ.</summary>
        public FactValue? SingleString(Flow? flow)
        {
            var values = Strings(flow);
            return values.Count > 0 && values.All(v => v.Text == values[0].Text) ? values[0] : null;
        }

        /// <summary>Every compile-time value of <paramref name="flow"/> (strings, numbers, enum members, instance types).</summary>
        public IReadOnlyList<FactValue> Values(Flow? flow)
        {
            if (flow == null)
            {
                return Array.Empty<FactValue>();
            }

            var f = flow.Value;
            if (_values.TryGetValue((f.Operation, f.Context), out var known))
            {
                return known;
            }

            var tree = f.Operation.Syntax.SyntaxTree;
            var values = ValueResolver.Resolve(f.Operation, Cdk, CancellationToken, f.Context?.Bindings, tree);
            var result = new List<FactValue>(values.Length);
            foreach (var value in values)
            {
                var location = ReportLocation(f, value);
                // The branch is named only where the value is written in its arm, as per-value findings do.
                var branch = location == value.Location ? value.Branch : null;
                if (value.Context != null || branch != null)
                {
                    _notesAt[location] = new ValueNote(branch, value.Context);
                }

                result.Add(new FactValue(value, location));
            }

            _values[(f.Operation, f.Context)] = result;
            return result;
        }

        /// <summary>
        /// Where a value is reported: when it came through a helper's parameter (<c>Image = image</c>), at the
        /// call site holding it (the literal there, else the argument expression: a shared constant is reported where
        /// this call passes it, not on its declaration); otherwise at <see cref="ResolvedValue.Node"/> (the literal, or
        /// the nearest expression of the construct's file that leads to it).
        /// </summary>
        private Location ReportLocation(Flow flow, ResolvedValue value)
        {
            var anchor = AnchorOperation(flow);
            if (anchor != ReferenceWalker.Unwrap(flow.Operation))
            {
                var node = value.Node;
                return node.SyntaxTree == anchor.Syntax.SyntaxTree && anchor.Syntax.Span.Contains(node.Span)
                    ? node.GetLocation()
                    : anchor.Syntax.GetLocation();
            }

            return value.Location;
        }

        /// <summary>
        /// Where to report about an expression that is not a single value (a mention of a construct): the expression
        /// itself, or, when it is a helper's parameter bound by the call chain, the argument at the call site.
        /// </summary>
        public Location Anchor(Flow flow) => AnchorOperation(flow).Syntax.GetLocation();

        private IOperation AnchorOperation(Flow flow)
        {
            var op = ReferenceWalker.Unwrap(flow.Operation);
            var context = flow.Context;
            for (var depth = 0; op is IParameterReferenceOperation parameter && depth < MaxContextDepth + 2; depth++)
            {
                IArgumentOperation? argument = null;
                var c = context;
                while (c != null && !c.Bindings.TryGetArgument(parameter.Parameter, out argument))
                {
                    c = c.Outer;
                }

                if (c == null || argument == null)
                {
                    break;
                }

                op = ReferenceWalker.Unwrap(argument.Value);
                context = c.Outer;
            }

            return op ?? flow.Operation;
        }
    }
}
