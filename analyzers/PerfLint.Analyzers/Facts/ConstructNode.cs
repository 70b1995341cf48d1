using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// One construct of the app: a creation expression (<c>new CfnModel(this, "Model", props)</c>, or a factory such
    /// as <c>db.AddProxy("Proxy", options)</c>) under one <see cref="CallContext"/>.
    /// </summary>
    public sealed class ConstructNode
    {
        internal ConstructNode(IOperation creation, INamedTypeSymbol construct, ITypeSymbol type, CallContext? context,
            IOperation? id, IOperation? props, IOperation? receiver)
        {
            Creation = creation;
            CfnType = ConstructTypes.CfnType(construct, out var isL1);
            IsL1 = isL1;
            Type = type;
            Context = context;
            Id = id;
            Props = props;
            Receiver = receiver;
        }

        /// <summary>The <c>new</c> expression or factory invocation.</summary>
        public IOperation Creation { get; }

        /// <summary>The CloudFormation type it is or synthesizes (<see cref="PerfLint.Knowledge.App.CdkConstructTypes"/>); null for a <c>CfnResource</c> of no type CDK names.</summary>
        public string? CfnType { get; }

        /// <summary>True for CloudFormation (Cfn*) resources, whose props mirror the template.</summary>
        public bool IsL1 { get; }

        /// <summary>The created type (<c>CfnModel</c>, <c>DatabaseInstance</c>, <c>NodejsFunction</c>).</summary>
        public ITypeSymbol Type { get; }

        /// <summary>The call chain this construct is created under (null: top level, or the helper is not called here).</summary>
        public CallContext? Context { get; }

        /// <summary>The construct id argument.</summary>
        public IOperation? Id { get; }

        /// <summary>The props (or options) argument.</summary>
        public IOperation? Props { get; }

        /// <summary>For factories (<c>db.AddProxy(..)</c>), the construct the method is called on.</summary>
        public IOperation? Receiver { get; }

        /// <summary>The resolved construct id, or the type name (resolved on first use: most constructs are never named in a message).</summary>
        public string Name => Identify().Name;

        /// <summary>Where to report about the construct itself: its id argument (at the call site when it flows from one), else the creation.</summary>
        public Location Location => Identify().Location;

        internal System.Func<ConstructNode, (string, Location)>? Identifier { get; set; }

        private (string Name, Location Location)? _identity;

        private (string Name, Location Location) Identify()
        {
            if (_identity == null)
            {
                _identity = Identifier?.Invoke(this) ?? (Type.Name, Creation.Syntax.GetLocation());
            }

            return _identity.Value;
        }

        /// <summary>The props argument as a flow (null when there is none).</summary>
        public Flow? PropsFlow => Props == null ? (Flow?)null : new Flow(Props, Context);

        /// <summary>Whether it is of <paramref name="cfnType"/> (the service part's case differs between C# namespaces and templates).</summary>
        public bool Is(string cfnType) => string.Equals(CfnType, cfnType, System.StringComparison.OrdinalIgnoreCase);

        public override string ToString() => (CfnType ?? Type.Name) + " '" + Name + "'";
    }
}
