using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.App
{
    /// <summary>Shorthands the whole-app rules use to read values.</summary>
    public static class AppValues
    {
        /// <summary>The value at a dotted path of members (<c>"LaunchTemplateData.Placement.GroupName"</c>), or null.</summary>
        public static IAppValue? At(this IAppValue? value, string dottedPath)
        {
            foreach (var name in dottedPath.Split('.'))
            {
                value = value?.Property(name);
            }

            return value;
        }

        /// <summary>The string the value certainly is: null when it can be none, or several different ones.</summary>
        public static AppString? SingleString(this IAppValue? value)
        {
            var strings = value?.Strings();
            return strings != null && strings.Count > 0 && strings.All(s => s.Text == strings[0].Text) ? strings[0] : null;
        }

        /// <summary>
        /// Each different string the value can be, where it is first written: every constant arm of a choice is a
        /// candidate (none when the value can be none). A rule that judges one string per resource judges each.
        /// </summary>
        public static IReadOnlyList<AppString> Candidates(this IAppValue? value) =>
            value?.Strings().GroupBy(s => s.Text, StringComparer.Ordinal).Select(g => g.First()).ToList() ?? (IReadOnlyList<AppString>)Array.Empty<AppString>();

        /// <summary>The resources of <paramref name="cfnType"/> the value is or mentions.</summary>
        public static IEnumerable<AppResource> ResourcesOf(this IAppValue? value, string cfnType) =>
            value == null ? Enumerable.Empty<AppResource>() : value.Resources().Where(r => r.Is(cfnType));

        /// <summary>The items of a list value (none when it is not set).</summary>
        public static IReadOnlyList<IAppValue> Items(this IAppValue? value) => value?.Elements() ?? (IReadOnlyList<IAppValue>)Array.Empty<IAppValue>();
    }
}
