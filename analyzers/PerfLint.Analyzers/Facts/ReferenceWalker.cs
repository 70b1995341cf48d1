using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// Finds the constructs an expression refers to. Identity mode follows only what the expression <em>is</em>:
    /// locals, fields and properties of the stack, helper parameters (bound by the call chain, else every call site),
    /// member access on a construct (<c>db.Connections</c>, <c>db.Secret</c>, <c>asg.Node.DefaultChild</c>), and
    /// construct-returning helpers. Mentions mode also descends into every sub-expression (object initializers, array
    /// elements, interpolations, arguments), so <c>new S3Origin(bucket)</c> mentions the bucket. Depth- and cycle-bounded.
    /// </summary>
    internal sealed class ReferenceWalker
    {
        private const int MaxDepth = 20;

        private readonly AppModel _model;
        private readonly bool _mentions;
        private readonly HashSet<Flow> _visited = new HashSet<Flow>();
        private readonly List<ConstructNode> _found = new List<ConstructNode>();

        public ReferenceWalker(AppModel model, bool mentions)
        {
            _model = model;
            _mentions = mentions;
        }

        /// <summary>True when the walk met a parameter it could not bind (no call chain, no call site).</summary>
        public bool SawUnknown { get; private set; }

        public IReadOnlyList<ConstructNode> Walk(Flow flow)
        {
            Visit(flow.Operation, flow.Context, 0);
            return _found;
        }

        /// <summary>Strips conversions, argument wrappers and parentheses.</summary>
        public static IOperation? Unwrap(IOperation? op)
        {
            while (true)
            {
                switch (op)
                {
                    case IConversionOperation conversion:
                        op = conversion.Operand;
                        break;
                    case IArgumentOperation argument:
                        op = argument.Value;
                        break;
                    case IParenthesizedOperation parenthesized:
                        op = parenthesized.Operand;
                        break;
                    default:
                        return op;
                }
            }
        }

        private void Visit(IOperation? operation, CallContext? context, int depth)
        {
            var op = Unwrap(operation);
            if (op == null || depth > MaxDepth || !_visited.Add(new Flow(op, context)))
            {
                return;
            }

            _model.CancellationToken.ThrowIfCancellationRequested();
            if (_model.IsCreation(op))
            {
                foreach (var node in _model.NodesFor(op, context))
                {
                    if (!_found.Contains(node))
                    {
                        _found.Add(node);
                    }
                }

                // A construct is mentioned as a whole: what its own props mention is not mentioned by this expression.
                return;
            }

            switch (op)
            {
                case ILocalReferenceOperation local:
                    var assignments = _model.Cdk.Flow.GetLocalAssignments(local);
                    if (assignments != null)
                    {
                        foreach (var value in assignments)
                        {
                            Visit(value, context, depth + 1);
                        }
                    }

                    return;
                case IParameterReferenceOperation parameter:
                    VisitParameter(parameter, context, depth);
                    return;
                case IMemberReferenceOperation reference when _model.OwnMember(reference) is ISymbol member:
                    VisitMember(member, context, depth);
                    return;
                case IMemberReferenceOperation member when member.Instance != null:
                    // db.Connections, db.InstanceEndpoint.Hostname, model.AttrModelName: the construct the member belongs to.
                    Visit(member.Instance, context, depth + 1);
                    return;
                case IInvocationOperation invocation:
                    VisitInvocation(invocation, context, depth);
                    return;
                case IConditionalOperation conditional:
                    Visit(conditional.WhenTrue, context, depth + 1);
                    Visit(conditional.WhenFalse, context, depth + 1);
                    return;
                case ICoalesceOperation coalesce:
                    Visit(coalesce.Value, context, depth + 1);
                    Visit(coalesce.WhenNull, context, depth + 1);
                    return;
                case ISwitchExpressionOperation choice:
                    foreach (var arm in choice.Arms)
                    {
                        Visit(arm.Value, context, depth + 1);
                    }

                    return;
            }

            if (_mentions)
            {
                foreach (var child in op.ChildOperations)
                {
                    Visit(child, context, depth + 1);
                }
            }
        }

        private void VisitParameter(IParameterReferenceOperation parameter, CallContext? context, int depth)
        {
            for (var c = context; c != null; c = c.Outer)
            {
                if (c.Bindings.TryGetArgument(parameter.Parameter, out var argument))
                {
                    Visit(argument.Value, c.Outer, depth + 1);
                    return;
                }
            }

            // Not bound by this chain: every call site of the method (in the caller's own context when it has one).
            if (!(parameter.Parameter.ContainingSymbol is IMethodSymbol method))
            {
                SawUnknown = true;
                return;
            }

            var sites = _model.CallSitesOf(method);
            if (sites.Count == 0)
            {
                SawUnknown = true;
                return;
            }

            foreach (var site in sites)
            {
                var siteContext = _model.ContextFor(site, null);
                var bound = CallContext.Create(site, siteContext);
                if (bound != null && bound.Bindings.TryGetArgument(parameter.Parameter, out var argument))
                {
                    Visit(argument.Value, siteContext, depth + 1);
                }
            }
        }

        private void VisitMember(ISymbol member, CallContext? context, int depth)
        {
            foreach (var value in _model.MemberValues(member))
            {
                Visit(value, _model.ContextFor(value, context), depth + 1);
            }
        }

        private void VisitInvocation(IInvocationOperation invocation, CallContext? context, int depth)
        {
            if (invocation.Instance != null)
            {
                // fn.Connections.SecurityGroups, db.Secret.SecretValueFromJson(..): the receiver's construct.
                Visit(invocation.Instance, context, depth + 1);
            }

            var method = invocation.TargetMethod;
            if (method != null && !_model.Cdk.IsCdk(method) && _model.Cdk.Flow.IsInSource(method) && !method.IsAbstract)
            {
                // A helper that returns a construct: follow its returns under this call.
                var call = CallContext.Create(invocation, context);
                var body = _model.Cdk.Flow.GetBody(method.OriginalDefinition);
                if (call != null && body != null && call.Depth < AppModel.MaxContextDepth + 2)
                {
                    foreach (var ret in body.DescendantsAndSelf())
                    {
                        if (ret is IReturnOperation r && r.ReturnedValue != null)
                        {
                            Visit(r.ReturnedValue, call, depth + 1);
                        }
                    }
                }
            }

            if (_mentions || method == null || method.IsStatic)
            {
                // ProxyTarget.FromInstance(db), Peer.SecurityGroupId(sg.SecurityGroupId), S3BucketOrigin.WithOriginAccessControl(bucket).
                foreach (var argument in invocation.Arguments)
                {
                    Visit(argument.Value, context, depth + 1);
                }
            }
        }
    }
}
