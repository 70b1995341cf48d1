using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Knowledge.App;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// The schedule expression CDK writes for an EventBridge rule's <c>Schedule</c> (aws-cdk-lib core <c>schedule.ts</c>):
    /// <c>Schedule.Expression(text)</c> is the text; <c>Schedule.Rate(duration)</c> is <c>rate(n unit)</c> in the largest
    /// whole unit of days, hours, minutes (singular for 1); <c>Schedule.Cron(options)</c> is
    /// <c>cron(minute hour day month weekDay year)</c>, each unset field <c>*</c>, except day (<c>?</c> when weekDay is
    /// set) and weekDay (<c>?</c>). Null when a part cannot be read.
    /// </summary>
    internal static class CdkSchedules
    {
        private const string EventsNamespace = "Amazon.CDK.AWS.Events";

        public static AppString? Expression(AppModel app, Flow flow)
        {
            foreach (var obj in app.ObjectsOf(flow, 0))
            {
                if (!(obj.Operation is IInvocationOperation call) || !IsStaticOf(call.TargetMethod, "Schedule", EventsNamespace) || call.Arguments.Length == 0)
                {
                    continue;
                }

                var argument = new Flow(call.Arguments[0].Value, obj.Context);
                var text = call.TargetMethod.Name switch
                {
                    "Expression" => app.SingleString(argument)?.Text,
                    "Rate" => Minutes(app, argument) is double minutes ? Rate(minutes) : null,
                    "Cron" => Cron(app, argument),
                    _ => null,
                };
                return text == null ? null : new AppString(text, call.Syntax.GetLocation());
            }

            return null;
        }

        private static bool IsStaticOf(IMethodSymbol method, string type, string ns) =>
            method.IsStatic && method.ContainingType?.Name == type && method.ContainingType.ContainingNamespace?.ToDisplayString() == ns;

        /// <summary>The minutes of <c>Duration.Minutes(n)</c>, <c>Hours</c>, <c>Days</c> or <c>Seconds</c>.</summary>
        private static double? Minutes(AppModel app, Flow duration)
        {
            foreach (var obj in app.ObjectsOf(duration, 0))
            {
                if (!(obj.Operation is IInvocationOperation call) || !IsStaticOf(call.TargetMethod, "Duration", "Amazon.CDK") || call.Arguments.Length == 0)
                {
                    continue;
                }

                var numbers = app.Values(new Flow(call.Arguments[0].Value, obj.Context)).Select(v => v.Value.Number).ToList();
                if (numbers.Count != 1 || !(numbers[0] is double amount))
                {
                    return null;
                }

                return call.TargetMethod.Name switch
                {
                    "Seconds" => amount / 60,
                    "Minutes" => amount,
                    "Hours" => amount * 60,
                    "Days" => amount * 24 * 60,
                    _ => (double?)null,
                };
            }

            return null;
        }

        private static string? Rate(double minutes)
        {
            static string Make(double n, string unit) => "rate(" + n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? ")" : "s)");
            if (minutes <= 0 || minutes != Math.Floor(minutes))
            {
                return null;
            }

            return minutes % (24 * 60) == 0 ? Make(minutes / (24 * 60), "day") : minutes % 60 == 0 ? Make(minutes / 60, "hour") : Make(minutes, "minute");
        }

        private static string? Cron(AppModel app, Flow options)
        {
            string? Field(string name, out bool unreadable)
            {
                var value = app.Prop(options, name);
                var text = value == null ? null : app.SingleString(value)?.Text;
                unreadable = value != null && text == null;
                return text;
            }

            var minute = Field("Minute", out var u1);
            var hour = Field("Hour", out var u2);
            var day = Field("Day", out var u3);
            var month = Field("Month", out var u4);
            var year = Field("Year", out var u5);
            var weekDay = Field("WeekDay", out var u6);
            if (u1 || u2 || u3 || u4 || u5 || u6)
            {
                return null;
            }

            return "cron(" + (minute ?? "*") + " " + (hour ?? "*") + " " + (day ?? (weekDay != null ? "?" : "*")) + " " + (month ?? "*") + " " +
                   (weekDay ?? "?") + " " + (year ?? "*") + ")";
        }
    }
}
