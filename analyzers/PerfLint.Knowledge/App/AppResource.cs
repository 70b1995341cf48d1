using System;

namespace PerfLint.Knowledge.App
{
    /// <summary>
    /// One resource of the app: a CloudFormation resource in a template, or a C# construct creation (under one call
    /// chain) that synthesizes it.
    /// </summary>
    public sealed class AppResource
    {
        private readonly Func<string> _id;
        private string? _resolvedId;

        public AppResource(string type, bool isL1, Func<string> id, string? path, string? stack, string? region, object? where, IAppValue? props, int multiplicity = 1,
            IAppValue? receiver = null)
        {
            Receiver = receiver;
            Type = type;
            IsL1 = isL1;
            _id = id;
            Path = path;
            Stack = stack;
            Region = region;
            Where = where;
            Props = props;
            Multiplicity = multiplicity;
        }

        /// <summary>The CloudFormation type it is or synthesizes (<c>AWS::AutoScaling::AutoScalingGroup</c>); compare with <see cref="Is"/>.</summary>
        public string Type { get; }

        /// <summary>True when <see cref="Props"/> mirror the template (CloudFormation names); false for a CDK L2 construct (CDK prop names and defaults).</summary>
        public bool IsL1 { get; }

        /// <summary>The construct id (what the analyzers name); read on first use, as few resources are ever named.</summary>
        public string Id => _resolvedId ??= _id();

        /// <summary>The construct path (<c>ComputeStack/TrainingNode0</c>); null where it is not known (the analyzers).</summary>
        public string? Path { get; }

        /// <summary>The stack it deploys in; null when unknown (then the whole app is one scope).</summary>
        public string? Stack { get; }

        /// <summary>The region it deploys to, or null when unknown.</summary>
        public string? Region { get; }

        /// <summary>Where the resource is declared (opaque, see <see cref="IAppValue.Where"/>).</summary>
        public object? Where { get; }

        /// <summary>The root object of its properties (escape hatches and overrides already merged in), or null when none are set.</summary>
        public IAppValue? Props { get; }

        /// <summary>
        /// For a C# construct a factory method creates (<c>target.ScaleToTrackMetric("P", ..)</c>), the construct it is
        /// called on; null otherwise (templates name such links in the props: <c>ScalingTargetId</c>).
        /// </summary>
        public IAppValue? Receiver { get; }

        /// <summary>How many resources it stands for at least: 2 for a C# construct created in a loop (the iterations are unknown), else 1.</summary>
        public int Multiplicity { get; }

        /// <summary>Its property <paramref name="name"/>, or null when not set.</summary>
        public IAppValue? Property(string name) => Props?.Property(name);

        /// <summary>Whether it is of <paramref name="cfnType"/> (the service part's case differs between C# namespaces and templates).</summary>
        public bool Is(string cfnType) => string.Equals(Type, cfnType, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Type + " '" + (Path ?? Id) + "'";
    }
}
