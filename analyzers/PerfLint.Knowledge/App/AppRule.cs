using System;
using System.Collections.Generic;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App
{
    /// <summary>
    /// One whole-app rule decision over the <see cref="AppModel"/>. What it says about its evidence lets the analyzers
    /// skip compilations that cannot hold a finding, with no code of their own per rule.
    /// </summary>
    public abstract class AppRule
    {
        public abstract string RuleId { get; }

        /// <summary>The CloudFormation types the rule reads (the analyzers read the C# files that create them).</summary>
        public abstract IReadOnlyList<string> ResourceTypes { get; }

        /// <summary>Instance types that can lead to a finding; null when a finding needs none written in source.</summary>
        public virtual Func<string, bool>? InstanceTypeEvidence => null;

        /// <summary>Other C# names whose files hold facts the rule needs (props classes built in helpers).</summary>
        public virtual IReadOnlyList<string> SupportNames => Array.Empty<string>();

        /// <summary>
        /// What a C# compilation must name for a finding to be possible: for each predicate, some identifier it accepts
        /// (e.g. a function, a database and a call that connects them). A compilation without one is not read for the rule.
        /// </summary>
        public virtual IReadOnlyList<Func<string, bool>> RequiredNames => Array.Empty<Func<string, bool>>();

        /// <summary>What a C# compilation must set, one of these, for a finding to be possible; empty: nothing required.</summary>
        public virtual IReadOnlyList<RequiredSetting> RequiredSettings => Array.Empty<RequiredSetting>();

        /// <param name="optionsAt">The options in effect where a finding about a value goes.</param>
        public abstract IEnumerable<AppFinding> Evaluate(AppModel app, Func<object?, RuleOptions> optionsAt);
    }
}
