using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// Who calls a SageMaker endpoint and what starts them (PL5004), over the model: a resource refers to another when
    /// its props mention it or a connection joins them (<see cref="AppModel.Connections"/>). A caller is compute (a
    /// Lambda function, an ECS task definition, a Step Functions state machine) that refers to the endpoint (its
    /// environment or definition names it, a policy statement handed to it grants <c>sagemaker:InvokeEndpoint*</c> on
    /// it) or whose role an IAM policy grants that action on it. What starts compute is what refers to it: an
    /// EventBridge rule with a schedule expression and no event pattern, an EventBridge Scheduler schedule, other
    /// compute (a state machine's task, a function given its name) started the same way, an IAM policy (whoever holds
    /// the role), a Lambda permission for one of those schedules. Anything else (an API, a function URL, an event
    /// source, an event pattern, a resource of another kind, a trigger the model does not hold) is not a schedule.
    /// </summary>
    internal sealed class EndpointCallers
    {
        public const string Function = "AWS::Lambda::Function", TaskDefinition = "AWS::ECS::TaskDefinition", StateMachine = "AWS::StepFunctions::StateMachine",
            EventRule = "AWS::Events::Rule", Schedule = "AWS::Scheduler::Schedule", Permission = "AWS::Lambda::Permission",
            Policy = "AWS::IAM::Policy", ManagedPolicy = "AWS::IAM::ManagedPolicy", Role = "AWS::IAM::Role";

        private static readonly string[] Compute = { Function, TaskDefinition, StateMachine };

        /// <summary>Resources that refer to an endpoint or to compute without calling or starting it.</summary>
        private static readonly string[] Bystanders =
        {
            "AWS::ApplicationAutoScaling::ScalableTarget", "AWS::ApplicationAutoScaling::ScalingPolicy", "AWS::CloudWatch::Alarm",
            "AWS::CloudWatch::Dashboard", "AWS::Logs::LogGroup", "AWS::CDK::Metadata",
        };

        /// <summary>The action a caller needs: InvokeEndpoint (its Async and WithResponseStream forms share the prefix).</summary>
        private const string InvokeAction = "sagemaker:InvokeEndpoint";

        private const int MaxDepth = 4;

        private readonly AppModel _app;
        private readonly Dictionary<AppResource, List<AppResource>> _referrers = new Dictionary<AppResource, List<AppResource>>();
        private readonly Dictionary<AppResource, List<AppConnection>> _connectionsTo = new Dictionary<AppResource, List<AppConnection>>();

        private EndpointCallers(AppModel app)
        {
            _app = app;
            foreach (var resource in app.Resources)
            {
                foreach (var mentioned in resource.Props?.Resources() ?? Array.Empty<AppResource>())
                {
                    Refer(resource, mentioned);
                }
            }

            foreach (var c in app.Connections)
            {
                Refer(c.Client, c.Server);
                if (!_connectionsTo.TryGetValue(c.Server, out var list))
                {
                    _connectionsTo[c.Server] = list = new List<AppConnection>();
                }

                list.Add(c);
            }
        }

        public static EndpointCallers Of(AppModel app) => app.Derived(nameof(EndpointCallers), a => new EndpointCallers(a));

        private void Refer(AppResource from, AppResource to)
        {
            if (from == to)
            {
                return;
            }

            if (!_referrers.TryGetValue(to, out var list))
            {
                _referrers[to] = list = new List<AppResource>();
            }

            if (!list.Contains(from))
            {
                list.Add(from);
            }
        }

        private IReadOnlyList<AppResource> ReferrersOf(AppResource resource) =>
            _referrers.TryGetValue(resource, out var list) ? list : (IReadOnlyList<AppResource>)Array.Empty<AppResource>();

        private IReadOnlyList<AppConnection> ConnectionsTo(AppResource resource) =>
            _connectionsTo.TryGetValue(resource, out var list) ? list : (IReadOnlyList<AppConnection>)Array.Empty<AppConnection>();

        /// <summary>
        /// The compute that calls <paramref name="endpoint"/>, in model order, or null when something refers to it that
        /// may call it and is not known compute (a user or group policy, an instance profile, a resource of another kind).
        /// </summary>
        public IReadOnlyList<AppResource>? CallersOf(AppResource endpoint, string? endpointName)
        {
            var callers = new List<AppResource>();
            foreach (var referrer in ReferrersOf(endpoint))
            {
                if (IsCompute(referrer))
                {
                    var statements = ConnectionsTo(endpoint).Where(c => c.Client == referrer).Select(c => c.Rule).ToList();
                    var mentions = referrer.Props?.Resources().Contains(endpoint) == true;
                    if (mentions || statements.Count == 0 || statements.Any(s => s == null || GrantsInvoke(s, endpoint, endpointName)))
                    {
                        callers.Add(referrer);
                    }
                }
                else if (IsPolicy(referrer))
                {
                    if (PolicyGrantsInvoke(referrer, endpoint, endpointName) && !AddHolders(referrer, callers))
                    {
                        return null;
                    }
                }
                else if (!IsBystander(referrer))
                {
                    return null;
                }
            }

            // A policy may name the endpoint by its name in an ARN, or by a wildcard, without referring to it.
            foreach (var policy in _app.Resources.Where(r => IsPolicy(r) && !ReferrersOf(endpoint).Contains(r)))
            {
                if (PolicyGrantsInvoke(policy, endpoint, endpointName) && !AddHolders(policy, callers))
                {
                    return null;
                }
            }

            return callers.Distinct().ToList();
        }

        /// <summary>Adds the compute that holds the policy's roles; false when a holder is not compute or the policy is attached to users or groups.</summary>
        private bool AddHolders(AppResource policy, List<AppResource> callers)
        {
            if (policy.Property("Users") != null || policy.Property("Groups") != null)
            {
                return false;
            }

            foreach (var holder in Holders(policy))
            {
                if (!IsCompute(holder))
                {
                    return false;
                }

                callers.Add(holder);
            }

            return true;
        }

        /// <summary>What holds a policy's roles (or the role itself): the resources that refer to the role, other than IAM's own.</summary>
        private IEnumerable<AppResource> Holders(AppResource policy)
        {
            var roles = policy.Is(Role) ? new[] { policy } : policy.Property("Roles").Items().SelectMany(r => r.ResourcesOf(Role)).Distinct().ToArray();
            return roles.SelectMany(ReferrersOf).Where(r => !IsPolicy(r)).Distinct();
        }

        /// <summary>
        /// The schedules that start <paramref name="compute"/> (the EventBridge rules and Scheduler schedules, through
        /// other compute), or null when anything else may start it or nothing visible does.
        /// </summary>
        public IReadOnlyList<AppResource>? SchedulesOf(AppResource compute) => SchedulesOf(compute, new HashSet<AppResource>());

        private List<AppResource>? SchedulesOf(AppResource compute, HashSet<AppResource> visiting)
        {
            if (visiting.Count >= MaxDepth || !visiting.Add(compute))
            {
                return null;
            }

            try
            {
                if (ConnectionsTo(compute).Any(c => c.Client == compute && AppConnection.SelfTriggers.Contains(c.How)))
                {
                    return null;
                }

                var schedules = new List<AppResource>();
                foreach (var referrer in ReferrersOf(compute))
                {
                    if (!AddStarters(referrer, compute, schedules, visiting))
                    {
                        return null;
                    }
                }

                return schedules.Count == 0 ? null : schedules.Distinct().ToList();
            }
            finally
            {
                visiting.Remove(compute);
            }
        }

        /// <summary>Adds the schedules by which <paramref name="referrer"/> starts <paramref name="compute"/>; false when it may start it otherwise.</summary>
        private bool AddStarters(AppResource referrer, AppResource compute, List<AppResource> schedules, HashSet<AppResource> visiting)
        {
            if (referrer.Is(Schedule) || (referrer.Is(EventRule) && IsScheduledRule(referrer)))
            {
                schedules.Add(referrer);
                return true;
            }

            if (IsCompute(referrer))
            {
                var upstream = SchedulesOf(referrer, visiting);
                schedules.AddRange(upstream ?? Enumerable.Empty<AppResource>());
                return upstream != null;
            }

            if (IsPolicy(referrer))
            {
                // Whoever holds the role may start the compute: a rule's or schedule's target role, a state machine's role.
                return referrer.Property("Users") == null && referrer.Property("Groups") == null &&
                       Holders(referrer).Where(h => h != compute).All(h => AddStarters(h, compute, schedules, visiting));
            }

            if (referrer.Is(Permission))
            {
                // The permission a scheduled rule needs to invoke a function adds no caller of its own.
                var sources = referrer.Property("SourceArn")?.Resources() ?? Array.Empty<AppResource>();
                return sources.Count > 0 && sources.All(s => s.Is(Schedule) || (s.Is(EventRule) && IsScheduledRule(s)));
            }

            return IsBystander(referrer);
        }

        /// <summary>An EventBridge rule with a schedule and no event pattern (L1 <c>ScheduleExpression</c>, L2 <c>Schedule</c>).</summary>
        private static bool IsScheduledRule(AppResource rule) =>
            rule.Property("EventPattern") == null && rule.Property(rule.IsL1 ? "ScheduleExpression" : "Schedule") != null;

        /// <summary>The schedule expression of a scheduled rule or a Scheduler schedule, when it is known.</summary>
        public string? ExpressionOf(AppResource schedule)
        {
            var text = schedule.Property(schedule.Is(EventRule) && !schedule.IsL1 ? "Schedule" : "ScheduleExpression").SingleString()?.Text;
            return text == null || _app.HasPlaceholder(text) ? null : text;
        }

        private static bool IsCompute(AppResource resource) => Compute.Any(resource.Is);

        private static bool IsPolicy(AppResource resource) => resource.Is(Policy) || resource.Is(ManagedPolicy) || resource.Is(Role);

        private static bool IsBystander(AppResource resource) =>
            Bystanders.Any(resource.Is) || resource.Type.StartsWith("AWS::SageMaker::", StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether an IAM policy or role (its inline <c>Policies</c>) holds a statement that allows InvokeEndpoint on the endpoint.</summary>
        private static bool PolicyGrantsInvoke(AppResource policy, AppResource endpoint, string? endpointName)
        {
            var documents = policy.Is(Role)
                ? policy.Property("Policies").Items().Select(p => p.Property("PolicyDocument"))
                : new[] { policy.Property("PolicyDocument") };
            return documents.Any(d => d?.Property("Statement").Items().Any(s => GrantsInvoke(s, endpoint, endpointName)) == true);
        }

        /// <summary>
        /// Whether a policy statement (CloudFormation <c>Effect</c>/<c>Action</c>/<c>Resource</c>, or CDK's
        /// <c>PolicyStatementProps</c>) allows InvokeEndpoint on the endpoint: a resource that refers to it, an ARN
        /// ending in <c>endpoint/&lt;name&gt;</c>, a wildcard, or a value that cannot be read. Unreadable actions may allow it.
        /// </summary>
        private static bool GrantsInvoke(IAppValue statement, AppResource endpoint, string? endpointName)
        {
            if (statement.Property("Effect").SingleString()?.Text is string effect && effect.IndexOf("Deny", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }

            var actions = (statement.Property("Action") ?? statement.Property("Actions")).Items().SelectMany(a => a.Strings()).Select(s => s.Text).ToList();
            if (actions.Count > 0 && !actions.Any(a => Matches(a, InvokeAction)))
            {
                return false;
            }

            var resources = (statement.Property("Resource") ?? statement.Property("Resources")).Items();
            foreach (var resource in resources)
            {
                var mentioned = resource.Resources();
                if (mentioned.Count > 0)
                {
                    if (mentioned.Contains(endpoint))
                    {
                        return true;
                    }

                    continue;
                }

                var texts = resource.Strings();
                if (texts.Count == 0 || texts.Any(t => t.Text == "*" || t.Text.EndsWith(":endpoint/*", StringComparison.OrdinalIgnoreCase) ||
                                                       (endpointName != null && t.Text.EndsWith(":endpoint/" + endpointName, StringComparison.OrdinalIgnoreCase))))
                {
                    return true;
                }
            }

            return resources.Count == 0;
        }

        /// <summary>An IAM action pattern (case-insensitive, <c>*</c> for any run of characters) matching the prefix of <paramref name="action"/>'s family.</summary>
        private static bool Matches(string pattern, string action)
        {
            if (pattern.EndsWith("*", StringComparison.Ordinal))
            {
                var prefix = pattern.Substring(0, pattern.Length - 1);
                return action.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || prefix.StartsWith(action, StringComparison.OrdinalIgnoreCase);
            }

            return pattern.StartsWith(action, StringComparison.OrdinalIgnoreCase);
        }
    }
}
