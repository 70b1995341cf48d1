using System;
using System.Collections.Generic;
using System.Linq;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App.Rules
{
    /// <summary>
    /// PL5004 over the app model: a real-time SageMaker endpoint (instance variants only, no <c>AsyncInferenceConfig</c>)
    /// whose callers (<see cref="EndpointCallers"/>) are all started only by schedules, and there is at least one. An
    /// endpoint whose config cannot be found, anything that may call it without being known compute, or a caller that
    /// anything but a schedule (or nothing visible) starts keeps it silent. Reported on the endpoint.
    /// </summary>
    public sealed class ScheduledEndpointRule : AppRule
    {
        public override string RuleId => RuleIds.RealTimeEndpointCalledOnlyOnSchedule;

        /// <summary>The endpoint chain, the callers and their starters, and the on-demand starters whose files must be read to keep it silent.</summary>
        public override IReadOnlyList<string> ResourceTypes { get; } = new[]
        {
            SageMaker.Endpoint, SageMaker.EndpointConfig, EndpointCallers.Function, EndpointCallers.TaskDefinition, EndpointCallers.StateMachine,
            EndpointCallers.EventRule, EndpointCallers.Schedule, EndpointCallers.Permission, EndpointCallers.Policy, EndpointCallers.ManagedPolicy, EndpointCallers.Role,
            "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Method", "AWS::ApiGatewayV2::Api", "AWS::Lambda::Url", "AWS::Lambda::EventSourceMapping",
        };

        /// <summary>The calls that hand an endpoint or a trigger to compute in C#.</summary>
        public override IReadOnlyList<string> SupportNames { get; } = new[]
        {
            "AddEnvironment", "AddToRolePolicy", "AddToPrincipalPolicy", "AddTarget", "AddEventSource", "AddPermission", "PolicyStatement",
        };

        /// <summary>An endpoint and a schedule (an L2 rule's <c>Schedule</c>, an L1 <c>ScheduleExpression</c>, a Scheduler schedule).</summary>
        public override IReadOnlyList<Func<string, bool>> RequiredNames { get; } = new Func<string, bool>[]
        {
            name => name == "CfnEndpoint",
            name => name == "Schedule" || name == "ScheduleExpression" || name == "CfnSchedule",
        };

        public override IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt)
        {
            var endpoints = app.OfType(SageMaker.Endpoint);
            if (endpoints.Count == 0 || (app.OfType(EndpointCallers.EventRule).Count == 0 && app.OfType(EndpointCallers.Schedule).Count == 0))
            {
                yield break;
            }

            var callers = EndpointCallers.Of(app);
            foreach (var endpoint in endpoints)
            {
                if (!IsRealTime(app, endpoint, out var instances))
                {
                    continue;
                }

                var name = endpoint.Property("EndpointName").SingleString()?.Text;
                var known = name != null && !app.HasPlaceholder(name) ? name : null;
                var calling = callers.CallersOf(endpoint, known);
                if (calling == null || calling.Count == 0)
                {
                    continue;
                }

                var schedules = new List<AppResource>();
                foreach (var caller in calling)
                {
                    var starters = callers.SchedulesOf(caller);
                    if (starters == null)
                    {
                        schedules = null;
                        break;
                    }

                    schedules.AddRange(starters);
                }

                if (schedules == null)
                {
                    continue;
                }

                var ordered = app.Resources.Where(schedules.Contains).ToList();
                var finding = Finding(endpoint, known, ordered, callers, instances, byId: false);
                var byId = endpoint.Path != null || ordered.Any(s => s.Path != null) ? new[] { Finding(endpoint, known, ordered, callers, instances, byId: true).Message } : null;
                yield return new AppFinding(finding, endpoint, endpoint.Where, related: ordered.Cast<object>().ToList(), equivalentMessages: byId);
            }
        }

        private static RuleFinding Finding(AppResource endpoint, string? name, IReadOnlyList<AppResource> schedules, EndpointCallers callers, double? instances, bool byId) =>
            ScheduledInferenceRule.CalledOnlyOnSchedule(name ?? (byId ? endpoint.Id : endpoint.Path ?? endpoint.Id),
                schedules.Select(s => new EndpointSchedule(byId ? s.Id : s.Path ?? s.Id, callers.ExpressionOf(s))).ToList(), instances);

        /// <summary>
        /// A real-time endpoint: its configs are found, none is asynchronous, and every variant runs instances (no
        /// serverless or managed instance scaling). <paramref name="instances"/>: their initial instance count in all,
        /// when one config is found and every count is known.
        /// </summary>
        private static bool IsRealTime(AppModel app, AppResource endpoint, out double? instances)
        {
            instances = null;
            var configs = SageMaker.ConfigsOf(app, endpoint);
            if (configs.Count == 0 || configs.Any(c => c.Property("AsyncInferenceConfig") != null))
            {
                return false;
            }

            var variants = configs.SelectMany(c => c.Property("ProductionVariants").Items()).ToList();
            if (variants.Count == 0 || variants.Any(v => SageMaker.SelfScaling(v) || v.Property("InstanceType") == null))
            {
                return false;
            }

            if (configs.Count == 1)
            {
                var counts = variants.Select(v => v.Property("InitialInstanceCount")?.Numbers()).ToList();
                if (counts.All(n => n != null && n.Count > 0 && n.All(x => x.Value == n[0].Value)))
                {
                    instances = counts.Sum(n => n![0].Value);
                }
            }

            return true;
        }
    }
}
