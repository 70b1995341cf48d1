using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PerfLint.Knowledge.App;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// A construct's props (or a value inside them) for the whole-app model, read on demand through value flow
    /// (<see cref="AppModel.Prop(Flow?, string)"/>, <see cref="AppModel.Values"/>, <see cref="AppModel.Mentions"/>), with
    /// the escape hatches written after the creation laid over the props. Where: a Roslyn <c>Location</c>.
    /// </summary>
    internal sealed class FlowAppValue : IAppValue
    {
        private readonly KnowledgeModel _model;
        private readonly Flow? _flow;
        private readonly EscapeHatches? _hatches;
        private readonly object? _where;

        public FlowAppValue(KnowledgeModel model, Flow? flow, EscapeHatches? hatches, object? where = null)
        {
            _model = model;
            _flow = flow;
            _hatches = hatches;
            _where = where;
        }

        private AppModel App => _model.App;

        public object? Where => _flow is Flow flow ? App.Anchor(flow) : _where;

        public bool IsKnown => _flow is Flow flow && (App.Values(flow).Count > 0 || App.ObjectsOf(flow, 0).Any());

        public IAppValue? Property(string name)
        {
            EscapeHatches? hatch = null;
            _hatches?.Members.TryGetValue(name, out hatch);
            if (hatch?.Value is Flow written)
            {
                return new FlowAppValue(_model, written, hatch);
            }

            var value = App.Prop(_flow, name) ?? Entry(name);
            return value == null && hatch == null ? null : new FlowAppValue(_model, value, hatch, Where);
        }

        /// <summary>A dictionary's entry <paramref name="name"/> (a container's <c>Environment</c>): the first one written.</summary>
        private Flow? Entry(string name)
        {
            // A loop, not LINQ: LINQ over the entries' tuples is framework generic code a fresh compiler JIT-compiles.
            foreach (var entry in App.Entries(_flow))
            {
                if (entry.Key == name)
                {
                    return entry.Value;
                }
            }

            return null;
        }

        public IReadOnlyList<IAppValue> Elements() => App.Elements(_flow).Select(e => (IAppValue)new FlowAppValue(_model, e, null)).ToList();

        /// <summary>The strings value flow gives; a CDK schedule (<c>Schedule.Rate(..)</c>) is the expression it synthesizes (<see cref="CdkSchedules"/>).</summary>
        public IReadOnlyList<AppString> Strings()
        {
            var strings = App.Values(_flow).Where(v => (v.Text ?? v.Value.MemberName) != null).Select(v => new AppString(v.Text ?? v.Value.MemberName!, v.Location)).ToList();
            if (strings.Count == 0 && _flow is Flow flow && CdkSchedules.Expression(App, flow) is AppString schedule)
            {
                strings.Add(schedule);
            }

            return strings;
        }

        public IReadOnlyList<AppNumber> Numbers()
        {
            var numbers = new List<AppNumber>();
            foreach (var v in App.Values(_flow))
            {
                var n = v.Value.Number ?? (double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : (double?)null);
                if (n.HasValue)
                {
                    numbers.Add(new AppNumber(n.Value, v.Location));
                }
            }

            return numbers;
        }

        public IReadOnlyList<AppResource> Resources() =>
            _flow is Flow flow ? App.Mentions(flow).Select(_model.ResourceOf).Where(r => r != null).Distinct().ToList()! : (IReadOnlyList<AppResource>)Array.Empty<AppResource>();
    }

    /// <summary>
    /// What a construct's escape hatches write over its props, by member path: <c>cfn.PlacementGroup = ..</c>,
    /// <c>AddPropertyOverride("LaunchTemplateData.Placement.GroupName", ..)</c>, <c>AddOverride("Properties.X", ..)</c>.
    /// </summary>
    internal sealed class EscapeHatches
    {
        public Flow? Value { get; private set; }

        public Dictionary<string, EscapeHatches> Members { get; } = new Dictionary<string, EscapeHatches>(StringComparer.Ordinal);

        /// <summary>Writes <paramref name="value"/> at <paramref name="path"/> (a later write wins, as in CDK).</summary>
        public void Write(IReadOnlyList<string> path, Flow value)
        {
            var node = this;
            foreach (var name in path)
            {
                if (!node.Members.TryGetValue(name, out var next))
                {
                    node.Members[name] = next = new EscapeHatches();
                }

                node = next;
            }

            node.Value = value;
        }
    }
}
