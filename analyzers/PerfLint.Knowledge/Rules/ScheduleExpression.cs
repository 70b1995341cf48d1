using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PerfLint.Knowledge.Rules
{
    /// <summary>
    /// How often an EventBridge schedule expression runs (EventBridge rules and EventBridge Scheduler share the syntax:
    /// <c>rate(value unit)</c> with a positive whole value and minute(s), hour(s) or day(s), singular for 1;
    /// <c>cron(minutes hours day-of-month month day-of-week year)</c>). Only what a day's count follows from is read: a
    /// rate, or a cron expression that runs every day (day-of-month and day-of-week <c>*</c> or <c>?</c>, month and year
    /// <c>*</c>) with minutes and hours written as values, lists, ranges and increments. Anything else is not counted.
    /// </summary>
    public static class ScheduleExpression
    {
        private const double MinutesPerDay = 24 * 60, HoursPerDay = 24;

        /// <summary>The runs per day of <paramref name="expression"/>, or null when it is not a rate or a daily cron expression.</summary>
        public static double? RunsPerDay(string? expression)
        {
            var text = expression?.Trim() ?? string.Empty;
            if (Inner(text, "rate") is string rate)
            {
                return RateRunsPerDay(rate);
            }

            return Inner(text, "cron") is string cron ? CronRunsPerDay(cron) : null;
        }

        private static string? Inner(string text, string kind) =>
            text.StartsWith(kind + "(", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal)
                ? text.Substring(kind.Length + 1, text.Length - kind.Length - 2).Trim()
                : null;

        private static double? RateRunsPerDay(string rate)
        {
            var parts = rate.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return null;
            }

            var unit = parts[1];
            var singular = value == 1;
            double? perUnit = unit switch
            {
                "minute" when singular => MinutesPerDay,
                "minutes" when !singular => MinutesPerDay,
                "hour" when singular => HoursPerDay,
                "hours" when !singular => HoursPerDay,
                "day" when singular => 1,
                "days" when !singular => 1,
                _ => null,
            };
            return perUnit / value;
        }

        private static double? CronRunsPerDay(string cron)
        {
            var fields = cron.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6 || !IsAny(fields[2]) || fields[3] != "*" || !IsAny(fields[4]) || fields[5] != "*")
            {
                return null;
            }

            var minutes = Count(fields[0], 59);
            var hours = Count(fields[1], 23);
            return minutes * hours;
        }

        private static bool IsAny(string field) => field == "*" || field == "?";

        /// <summary>How many values from 0 to <paramref name="max"/> a minutes or hours field selects, or null when it is not plain numbers.</summary>
        private static int? Count(string field, int max)
        {
            var selected = new HashSet<int>();
            foreach (var part in field.Split(','))
            {
                var step = 1;
                var range = part;
                var slash = part.IndexOf('/');
                if (slash >= 0)
                {
                    if (!TryNumber(part.Substring(slash + 1), out step) || step == 0)
                    {
                        return null;
                    }

                    range = part.Substring(0, slash);
                }

                int from, to;
                var dash = range.IndexOf('-');
                if (range == "*")
                {
                    (from, to) = (0, max);
                }
                else if (dash > 0)
                {
                    if (!TryNumber(range.Substring(0, dash), out from) || !TryNumber(range.Substring(dash + 1), out to) || to < from)
                    {
                        return null;
                    }
                }
                else if (TryNumber(range, out from))
                {
                    // "5/15": from 5 to the end of the range, every 15.
                    to = slash >= 0 ? max : from;
                }
                else
                {
                    return null;
                }

                if (to > max)
                {
                    return null;
                }

                for (var v = from; v <= to; v += step)
                {
                    selected.Add(v);
                }
            }

            return selected.Count;
        }

        private static bool TryNumber(string text, out int value) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
