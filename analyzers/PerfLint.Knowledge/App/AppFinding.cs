using System;
using System.Collections.Generic;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Knowledge.App
{
    /// <summary>A whole-app rule's decision and where it belongs, for the front end to report.</summary>
    public sealed class AppFinding
    {
        public AppFinding(RuleFinding finding, AppResource resource, object? where, string? sourceProperty = null, object? onResource = null,
            IReadOnlyList<object>? related = null, IReadOnlyList<string>? equivalentMessages = null)
        {
            Finding = finding;
            Resource = resource;
            Where = where;
            SourceProperty = sourceProperty;
            OnResource = onResource;
            Related = related ?? Array.Empty<object>();
            EquivalentMessages = equivalentMessages ?? Array.Empty<string>();
        }

        public RuleFinding Finding { get; }

        /// <summary>The resource the finding is about.</summary>
        public AppResource Resource { get; }

        /// <summary>The value the finding is reported on (it may be written in another resource: a launch template's instance type).</summary>
        public object? Where { get; }

        /// <summary>
        /// A value of <see cref="Resource"/> itself to report on when <see cref="Where"/> lies in another resource: a
        /// front end that reports per resource (check) uses it.
        /// </summary>
        public object? OnResource { get; }

        /// <summary>The CDK prop a C# author writes for the offending fact (<c>InstanceType</c>), to map a template finding back to C#.</summary>
        public string? SourceProperty { get; }

        /// <summary>The other values involved.</summary>
        public IReadOnlyList<object> Related { get; }

        /// <summary>The same finding's message as the other front end words it (construct ids instead of paths), for de-duplication.</summary>
        public IReadOnlyList<string> EquivalentMessages { get; }
    }
}
