using System;
using System.Collections.Generic;

namespace PerfLint.Knowledge.App
{
    /// <summary>
    /// A property that C# must set somewhere for a rule to have a finding (<see cref="AppRule.RequiredSettings"/>):
    /// assigned in a body that also names one of <see cref="Beside"/> (when given), or named in an escape-hatch
    /// override's path. A property only read (<c>subnet.AvailabilityZone</c>) sets nothing.
    /// </summary>
    public sealed class RequiredSetting
    {
        public RequiredSetting(string property, params string[] beside)
        {
            Property = property;
            Beside = beside ?? Array.Empty<string>();
        }

        public string Property { get; }

        /// <summary>Names of which the assigning body must hold one (the type whose property it is); empty: any body.</summary>
        public IReadOnlyList<string> Beside { get; }
    }
}
