using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfLint.Knowledge.App
{
    /// <summary>
    /// The whole app as both front ends see it: its resources (in source or template order) and the connections between
    /// them. The whole-app rules (<see cref="AppRules"/>) are evaluated over it, once, here.
    /// </summary>
    public sealed class AppModel
    {
        private Dictionary<string, List<AppResource>>? _byType;
        private readonly Dictionary<string, object> _derived = new Dictionary<string, object>(StringComparer.Ordinal);

        public AppModel(IReadOnlyList<AppResource> resources, bool referencesComplete, IReadOnlyList<AppConnection>? connections = null)
        {
            Resources = resources;
            ReferencesComplete = referencesComplete;
            Connections = connections ?? Array.Empty<AppConnection>();
        }

        public IReadOnlyList<AppResource> Resources { get; }

        public IReadOnlyList<AppConnection> Connections { get; }

        /// <summary>
        /// True when every reference between resources is visible (a synthesized template); false where some may be made
        /// in ways the front end cannot follow (C#), so an unreferenced resource may still be in use.
        /// </summary>
        public bool ReferencesComplete { get; }

        /// <summary>The resources of one CloudFormation type, in order.</summary>
        public IReadOnlyList<AppResource> OfType(string cfnType)
        {
            _byType ??= Resources.GroupBy(r => r.Type, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
            return _byType.TryGetValue(cfnType, out var list) ? list : (IReadOnlyList<AppResource>)Array.Empty<AppResource>();
        }

        /// <summary>What several rules read from the same resources (the SageMaker serving chain): derived once per model.</summary>
        internal T Derived<T>(string key, Func<AppModel, T> derive) where T : class
        {
            if (!_derived.TryGetValue(key, out var value))
            {
                _derived[key] = value = derive(this);
            }

            return (T)value;
        }

        /// <summary>
        /// The readable text of a string that holds placeholders for what only deployment knows (check's tokens:
        /// <c>{{AWS::Region}}</c> reads <c>${AWS::Region}</c>); set by the front end that has them, else the text itself.
        /// </summary>
        public Func<string, string> Display { get; set; } = text => text;

        /// <summary>Whether a string holds a placeholder (<see cref="Display"/> rewrites it): its value is not known before deployment.</summary>
        public bool HasPlaceholder(string text) => !string.Equals(Display(text), text, StringComparison.Ordinal);
    }
}
