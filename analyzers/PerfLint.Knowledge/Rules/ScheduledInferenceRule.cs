using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>One schedule that reaches an endpoint: the rule or schedule as a message names it, and its expression when known.</summary>
    public sealed class EndpointSchedule
    {
        public EndpointSchedule(string name, string? expression)
        {
            Name = name;
            Expression = expression;
        }

        public string Name { get; }

        public string? Expression { get; }
    }

    /// <summary>
    /// PL5004: a real-time SageMaker endpoint whose every caller runs on a schedule. The endpoint's instances run 24
    /// hours a day whatever calls it; the runs per day come from the schedule expressions (<see cref="ScheduleExpression"/>).
    /// The ways out are Batch Transform (instances for the job only) and asynchronous inference (scales to zero).
    /// </summary>
    public static class ScheduledInferenceRule
    {
        private const double HoursPerDay = 24;

        /// <param name="endpoint">The endpoint as the message names it.</param>
        /// <param name="instances">The variants' initial instance count in all, or null when it is not known.</param>
        public static RuleFinding CalledOnlyOnSchedule(string endpoint, IReadOnlyList<EndpointSchedule> schedules, double? instances)
        {
            var runs = schedules.Select(s => ScheduleExpression.RunsPerDay(s.Expression)).ToList();
            var described = schedules.Select((s, i) => Schedule(s, runs[i]));
            var figures = runs.All(r => r.HasValue)
                ? instances is double count
                    ? ", " + Describe.Number(HoursPerDay * count) + " instance-hours/day (" + Describe.Number(count) + (count == 1 ? " instance)" : " instances)")
                    : ", " + Describe.Number(HoursPerDay) + " instance-hours/day per instance"
                : string.Empty;
            return new RuleFinding(RuleIds.RealTimeEndpointCalledOnlyOnSchedule, RuleSeverity.Info,
                "Real-time SageMaker endpoint '" + endpoint + "' is called only on a schedule (" + string.Join("; ", described) + "): it runs " +
                Describe.Number(HoursPerDay) + " h/day" + figures + " and pays for the idle hours between runs; run the scheduled predictions as Batch Transform " +
                "(Step Functions SageMakerCreateTransformJob) or use asynchronous inference, which can scale to zero instances between requests");
        }

        private static string Schedule(EndpointSchedule schedule, double? runsPerDay)
        {
            var text = "'" + schedule.Name + "'";
            if (schedule.Expression != null)
            {
                text += " " + schedule.Expression;
            }

            if (runsPerDay is double runs)
            {
                text += ", " + Describe.Number(runs) + (runs == 1 ? " run/day" : " runs/day");
            }

            return text;
        }
    }
}
