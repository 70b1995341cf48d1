using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Knowledge.App;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>One construct talking to another: the client opens connections to the server.</summary>
    public sealed class Connection
    {
        public Connection(ConstructNode client, ConstructNode server, Location evidence, string how, Flow? detail = null)
        {
            Client = client;
            Server = server;
            Evidence = evidence;
            How = how;
            Detail = detail;
        }

        /// <summary>What the connection allows, when a value says it: the props of a policy statement handed to the client.</summary>
        public Flow? Detail { get; }

        public ConstructNode Client { get; }

        public ConstructNode Server { get; }

        /// <summary>The expression that connects them (the <c>AllowFrom</c> call, the endpoint value in the environment).</summary>
        public Location Evidence { get; }

        /// <summary>What connects them: <c>AllowDefaultPortFrom</c>, <c>GrantConnect</c>, <c>environment</c>, ...; a trigger handed to compute itself (<c>AddEventSource</c>) joins it to itself.</summary>
        public string How { get; }
    }

    /// <summary>
    /// The connections between constructs (PL2001, PL3001): security-group rules through <c>Connections.Allow*</c>
    /// and <c>SecurityGroup.AddIngressRule/AddEgressRule</c> (a security group stands for the constructs that use it),
    /// grants (<c>db.GrantConnect(fn)</c>, <c>db.Secret.GrantRead(fn)</c>; a secret stands for the database it is the
    /// credentials of), and one construct's endpoint or secret in another's environment (Lambda <c>Environment</c>,
    /// <c>AddEnvironment</c>), <c>db.AddProxy(..)</c> (the proxy targets the database) and <c>distribution.AddBehavior(path, origin)</c>
    /// (the distribution fronts the buckets the origin mentions), <c>fn.AddFunctionUrl()</c> and <c>fn.AddEventSourceMapping(..)</c>
    /// (the URL or mapping invokes the function), <c>rule.AddTarget(target)</c> (the rule starts what the target
    /// mentions), <c>fn.AddToRolePolicy(statement)</c> (the compute is granted what the statement mentions, with the
    /// statement's props as the detail), and <c>fn.AddEventSource(..)</c> / <c>fn.AddPermission(..)</c> (a trigger whose
    /// source the model does not hold: the compute is joined to itself). Each call is evaluated under every call chain of the method that holds it.
    /// </summary>
    public sealed class ConnectionFacts
    {
        private const string FunctionUrl = "AWS::Lambda::Url", EventSourceMapping = "AWS::Lambda::EventSourceMapping";

        private readonly AppModel _app;
        private Dictionary<ConstructNode, List<ConstructNode>>? _owners;

        private ConnectionFacts(AppModel app)
        {
            _app = app;
        }

        /// <summary>Every connection, in source order of its evidence.</summary>
        public static IReadOnlyList<Connection> Build(AppModel app) => new ConnectionFacts(app).BuildAll();

        private List<Connection> BuildAll()
        {
            var connections = new List<Connection>();
            foreach (var call in _app.WiringCalls)
            {
                foreach (var context in _app.ContextsOf(AppModel.OwnerOf(call)))
                {
                    FromCall(call, context, connections);
                }
            }

            // L1 rules: new CfnSecurityGroupIngress { GroupId = dbGroup.AttrGroupId, SourceSecurityGroupId = appGroup.AttrGroupId }.
            foreach (var rule in _app.OfType(CdkConstructTypes.SecurityGroupIngress))
            {
                var group = _app.Prop(rule, "GroupId");
                var source = _app.Prop(rule, "SourceSecurityGroupId");
                if (group != null && source != null)
                {
                    AddAll(Owners(_app.Mentions(source.Value)), Owners(_app.Mentions(group.Value)), rule.Creation.Syntax.GetLocation(), "CfnSecurityGroupIngress", connections);
                }
            }

            // db.AddProxy(..): the proxy targets the database it was called on.
            foreach (var proxy in _app.OfType(CdkConstructTypes.DBProxy).Where(p => p.Receiver != null))
            {
                connections.AddRange(_app.Identity(new Flow(proxy.Receiver!, proxy.Context)).Select(db => new Connection(proxy, db, proxy.Creation.Syntax.GetLocation(), "AddProxy")));
            }

            // fn.AddFunctionUrl(), fn.AddEventSourceMapping(..): the URL or mapping invokes the function it was called on.
            foreach (var trigger in _app.Nodes.Where(n => n.Receiver != null && (n.Is(FunctionUrl) || n.Is(EventSourceMapping))))
            {
                connections.AddRange(_app.Identity(new Flow(trigger.Receiver!, trigger.Context))
                    .Select(fn => new Connection(trigger, fn, trigger.Creation.Syntax.GetLocation(), ((IInvocationOperation)trigger.Creation).TargetMethod.Name)));
            }

            // L2 functions: their environment is a dictionary of variables.
            foreach (var function in _app.OfType(CdkConstructTypes.Function).Where(f => !f.IsL1))
            {
                foreach (var (key, value) in _app.Entries(_app.Prop(function, "Environment")))
                {
                    foreach (var server in Servers(_app.Mentions(value)))
                    {
                        connections.Add(new Connection(function, server, _app.Anchor(value), "environment variable " + key));
                    }
                }
            }

            return connections
                .Where(c => c.Client != c.Server || AppConnection.SelfTriggers.Contains(c.How))
                .OrderBy(c => c.Evidence.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(c => c.Evidence.SourceSpan.Start)
                .ToList();
        }

        private void FromCall(IInvocationOperation call, CallContext? context, List<Connection> connections)
        {
            var method = call.TargetMethod;
            var name = method.Name;
            var receiver = call.Instance == null ? Array.Empty<ConstructNode>() : _app.Identity(new Flow(call.Instance, context));
            var first = call.Arguments.Length == 0 ? null : call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
            Location evidence;
            IReadOnlyList<ConstructNode> clients, servers;
            switch (name)
            {
                case "AllowFrom": case "AllowDefaultPortFrom": case "AddIngressRule":
                    servers = Owners(receiver);
                    clients = first == null ? Array.Empty<ConstructNode>() : Owners(_app.Mentions(new Flow(first, context)));
                    break;
                case "AllowTo": case "AllowDefaultPortTo": case "AllowToDefaultPort": case "AddEgressRule":
                    clients = Owners(receiver);
                    servers = first == null ? Array.Empty<ConstructNode>() : Owners(_app.Mentions(new Flow(first, context)));
                    break;
                case "AddBehavior":
                    // distribution.AddBehavior(path, origin): the distribution fronts the buckets the origin mentions.
                    clients = receiver;
                    servers = call.Arguments.SelectMany(a => _app.Mentions(new Flow(a.Value, context))).ToList();
                    break;
                case "AddTarget":
                    // rule.AddTarget(new LambdaFunction(fn)): the rule starts what the target mentions.
                    clients = receiver;
                    servers = first == null ? Array.Empty<ConstructNode>() : _app.Mentions(new Flow(first, context));
                    break;
                case "AddEventSource": case "AddPermission":
                    clients = servers = receiver;
                    break;
                case "AddToRolePolicy": case "AddToPrincipalPolicy":
                    if (first != null)
                    {
                        var statement = new Flow(first, context);
                        var detail = StatementProps(statement);
                        foreach (var client in receiver)
                        {
                            foreach (var server in _app.Mentions(statement).Where(s => s != client))
                            {
                                connections.Add(new Connection(client, server, EvidenceLocation(call, context, new[] { client, server }), name, detail));
                            }
                        }
                    }

                    return;
                case "AddEnvironment":
                    var value = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1)?.Value;
                    clients = receiver;
                    servers = value == null ? Array.Empty<ConstructNode>() : Servers(_app.Mentions(new Flow(value, context)));
                    if (value != null)
                    {
                        AddAll(clients, servers, _app.Anchor(new Flow(value, context)), name, connections);
                    }

                    return;
                default:
                    if (!name.StartsWith("Grant", StringComparison.Ordinal))
                    {
                        return;
                    }

                    // db.GrantConnect(fn), db.Secret.GrantRead(fn), secret.GrantRead(fn): the grantee connects to the resource.
                    var grantee = call.Arguments.FirstOrDefault(a => a.Parameter != null && a.Parameter.Type.Name == "IGrantable")?.Value;
                    clients = grantee == null ? Array.Empty<ConstructNode>() : _app.Identity(new Flow(grantee, context));
                    servers = Servers(receiver);
                    break;
            }

            evidence = EvidenceLocation(call, context, clients.Concat(servers));
            AddAll(clients, servers, evidence, name, connections);
        }

        /// <summary>The props of <c>new PolicyStatement(props)</c>, or null when the statement is built otherwise.</summary>
        private Flow? StatementProps(Flow statement)
        {
            foreach (var obj in _app.ObjectsOf(statement, 0))
            {
                if (obj.Operation is IObjectCreationOperation creation && creation.Arguments.Length > 0)
                {
                    return new Flow(creation.Arguments[0].Value, obj.Context);
                }
            }

            return null;
        }

        private static void AddAll(IReadOnlyList<ConstructNode> clients, IReadOnlyList<ConstructNode> servers, Location evidence, string how, List<Connection> connections)
        {
            foreach (var client in clients)
            {
                foreach (var server in servers)
                {
                    connections.Add(new Connection(client, server, evidence, how));
                }
            }
        }

        /// <summary>
        /// The call, or, when the helper that holds it is what picks the pair (its parameters are used, or the
        /// constructs are created by that call of a helper called several times), the helper's call site: that is
        /// where this pair is made.
        /// </summary>
        private Location EvidenceLocation(IInvocationOperation call, CallContext? context, IEnumerable<ConstructNode> nodes)
        {
            IOperation site = call;
            for (var c = context; c != null; c = c.Outer)
            {
                var method = c.Method;
                var usesParameter = site.DescendantsAndSelf().OfType<IParameterReferenceOperation>()
                    .Any(p => SymbolEqualityComparer.Default.Equals(p.Parameter.ContainingSymbol?.OriginalDefinition, method));
                // Constructs made by the helper pick the pair only when the helper is called more than once.
                if (!usesParameter && !(_app.CallSitesOf(method).Count > 1 && nodes.Any(n => CreatedUnder(n, c))))
                {
                    break;
                }

                site = c.Call;
            }

            return site.Syntax.GetLocation();
        }

        private static bool CreatedUnder(ConstructNode node, CallContext context)
        {
            for (var c = node.Context; c != null; c = c.Outer)
            {
                if (c.Equals(context))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Security groups stand for the constructs that use them; secrets for the databases they hold the credentials of.</summary>
        private IReadOnlyList<ConstructNode> Owners(IReadOnlyList<ConstructNode> nodes)
        {
            var result = new List<ConstructNode>();
            foreach (var node in nodes)
            {
                if (StandsForOthers(node))
                {
                    result.AddRange(OwnersOf(node));
                }
                else
                {
                    result.Add(node);
                }
            }

            return result.Distinct().ToList();
        }

        /// <summary>A security group (L1 or L2) or an L2 secret: it stands for the constructs that use it.</summary>
        private static bool StandsForOthers(ConstructNode node) =>
            node.Is(CdkConstructTypes.SecurityGroup) || (node.Is(CdkConstructTypes.Secret) && !node.IsL1);

        /// <summary>The resources an expression's mentions point at (a secret counts as its database).</summary>
        private IReadOnlyList<ConstructNode> Servers(IReadOnlyList<ConstructNode> mentioned) =>
            Owners(mentioned.Where(n => !n.Is(CdkConstructTypes.SecurityGroup)).ToList());

        private IEnumerable<ConstructNode> OwnersOf(ConstructNode groupOrSecret)
        {
            if (_owners == null)
            {
                _owners = new Dictionary<ConstructNode, List<ConstructNode>>();
                foreach (var node in _app.Nodes)
                {
                    if (StandsForOthers(node) || node.Props == null)
                    {
                        continue;
                    }

                    foreach (var property in new[] { "SecurityGroup", "SecurityGroups", "SecurityGroupIds", "VpcSecurityGroupIds", "VpcSecurityGroups", "Credentials", "MasterUserSecret", "MasterUserPassword", "NetworkInterfaces", "VpcConfig" })
                    {
                        var value = _app.Prop(node, property);
                        if (value == null)
                        {
                            continue;
                        }

                        foreach (var owned in _app.Mentions(value.Value).Where(StandsForOthers))
                        {
                            Own(owned, new[] { node });
                        }
                    }
                }

                // fn.Connections.AddSecurityGroup(sg)
                foreach (var call in _app.WiringCalls.Where(c => c.TargetMethod.Name == "AddSecurityGroup" && c.Instance != null))
                {
                    foreach (var context in _app.ContextsOf(AppModel.OwnerOf(call)))
                    {
                        var owners = _app.Identity(new Flow(call.Instance!, context));
                        foreach (var argument in call.Arguments)
                        {
                            foreach (var group in _app.Mentions(new Flow(argument.Value, context)).Where(n => n.Is(CdkConstructTypes.SecurityGroup)))
                            {
                                Own(group, owners);
                            }
                        }
                    }
                }
            }

            return _owners.TryGetValue(groupOrSecret, out var found) ? found : Enumerable.Empty<ConstructNode>();
        }

        /// <summary>Records that <paramref name="owners"/> use <paramref name="groupOrSecret"/> (each once, in the order first seen).</summary>
        private void Own(ConstructNode groupOrSecret, IEnumerable<ConstructNode> owners)
        {
            if (!_owners!.TryGetValue(groupOrSecret, out var list))
            {
                _owners[groupOrSecret] = list = new List<ConstructNode>();
            }

            list.AddRange(owners.Where(o => !list.Contains(o)));
        }
    }
}
