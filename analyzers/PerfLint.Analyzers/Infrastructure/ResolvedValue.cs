using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>What kind of compile-time value <see cref="ValueResolver"/> found.</summary>
    public enum ResolvedValueKind
    {
        /// <summary>A string (<see cref="ResolvedValue.Text"/>).</summary>
        String,
        /// <summary>A number (<see cref="ResolvedValue.Number"/>).</summary>
        Number,
        /// <summary>A boolean constant (<see cref="ResolvedValue.Constant"/>).</summary>
        Boolean,
        /// <summary>An enum member (<c>InstanceClass.STANDARD4</c>) or a static member of a jsii enum-like class
        /// (<c>Architecture.ARM_64</c>): <see cref="ResolvedValue.Member"/>.</summary>
        Member,
        /// <summary>An EC2 <c>InstanceType</c> object (<c>InstanceType.Of(..)</c>, <c>new InstanceType("..")</c>):
        /// <see cref="ResolvedValue.Text"/> is the instance type name, e.g. <c>m4.large</c>.</summary>
        InstanceType,
    }

    /// <summary>
    /// One compile-time value of an expression, with the syntax node a diagnostic about it belongs on: the literal
    /// or enum member that holds it when that is in the file being analyzed, else the nearest expression of that file
    /// that leads to it (a reference to a constant of another file). Immutable.
    /// </summary>
    public sealed class ResolvedValue
    {
        private ResolvedValue(ResolvedValueKind kind, object? constant, ISymbol? member, string? text, SyntaxNode node, SyntaxNode origin,
            bool fromCallSite, IFieldSymbol? classMember, IFieldSymbol? sizeMember, SyntaxNode? classNode, CdkContextValue? context = null)
        {
            Context = context;
            Kind = kind;
            Constant = constant;
            Member = member;
            Text = text;
            Node = node;
            Origin = origin;
            FromCallSite = fromCallSite;
            InstanceClassMember = classMember;
            InstanceSizeMember = sizeMember;
            InstanceClassNode = classNode;
        }

        /// <summary>The kind of value.</summary>
        public ResolvedValueKind Kind { get; }

        /// <summary>The raw constant (string, boxed number or bool) for String/Number/Boolean.</summary>
        public object? Constant { get; }

        /// <summary>The enum member or static member for <see cref="ResolvedValueKind.Member"/>.</summary>
        public ISymbol? Member { get; }

        /// <summary>The string (String) or the instance type name (InstanceType); null otherwise.</summary>
        public string? Text { get; }

        /// <summary>Where to report: the literal/enum member when it is in the analyzed file, else the nearest expression there.</summary>
        public SyntaxNode Node { get; }

        /// <summary>The literal, enum member or creation expression the value comes from (may be in another file).</summary>
        public SyntaxNode Origin { get; }

        /// <summary>The location of <see cref="Node"/>.</summary>
        public Location Location => Node.GetLocation();

        /// <summary>
        /// True when the value came from an argument at the call site being analyzed (a parameter of a helper method
        /// or constructor bound to that call's argument), i.e. it must be reported at that call site.
        /// </summary>
        public bool FromCallSite { get; }

        /// <summary>For <c>InstanceType.Of(cls, size)</c>: the <c>InstanceClass</c> member (e.g. STANDARD4).</summary>
        public IFieldSymbol? InstanceClassMember { get; }

        /// <summary>For <c>InstanceType.Of(cls, size)</c>: the <c>InstanceSize</c> member (e.g. LARGE).</summary>
        public IFieldSymbol? InstanceSizeMember { get; }

        /// <summary>For <c>InstanceType.Of(cls, size)</c>: the node of the class member (equal to <see cref="Node"/>).</summary>
        public SyntaxNode? InstanceClassNode { get; }

        /// <summary>
        /// The CDK context entry the value was read from (<c>Node.TryGetContext("key")</c>), else null: findings about it
        /// name the file and key and point at the JSON value too (<see cref="FindingReporter"/>).
        /// </summary>
        public CdkContextValue? Context { get; }

        /// <summary>
        /// The branch that picks this value, when it is one arm of a switch or one entry of a lookup and is reported
        /// there (<c>when stage is "prod"</c>); null otherwise (a rule's message then stays as it is).
        /// </summary>
        public string? Branch { get; private set; }

        /// <summary>This value picked by <paramref name="branch"/> (an inner branch, already named, wins).</summary>
        internal ResolvedValue InBranch(string branch)
        {
            if (Branch != null)
            {
                return this;
            }

            var copy = (ResolvedValue)MemberwiseClone();
            copy.Branch = branch;
            return copy;
        }

        /// <summary>
        /// True when the value was read from a settings object or collection (a record's or class's member, a
        /// dictionary, array or list entry): it is reported where it is written, away from the construct it reaches,
        /// and the finding names that construct.
        /// </summary>
        public bool FromSettings { get; private set; }

        /// <summary>This value, read from a settings object or collection.</summary>
        internal ResolvedValue AsSetting()
        {
            if (FromSettings)
            {
                return this;
            }

            var copy = (ResolvedValue)MemberwiseClone();
            copy.FromSettings = true;
            return copy;
        }

        /// <summary>This value with the branch and settings origin of <paramref name="from"/> (a value built from it: an instance type from its class).</summary>
        internal ResolvedValue WithBranchOf(ResolvedValue? from)
        {
            var value = from?.Branch == null ? this : InBranch(from.Branch);
            return from != null && from.FromSettings ? value.AsSetting() : value;
        }

        /// <summary>The number, for Number values.</summary>
        public double? Number =>
            Kind == ResolvedValueKind.Number && Constant != null
                ? Convert.ToDouble(Constant, CultureInfo.InvariantCulture)
                : (double?)null;

        /// <summary>The member's name for Member values (<c>GP2</c>, <c>STANDARD4</c>, <c>ARM_64</c>).</summary>
        public string? MemberName => Member?.Name;

        /// <summary>True when the origin is a string literal whose text is the whole value (a fix may rewrite it).</summary>
        public bool IsWholeStringLiteral =>
            Kind == ResolvedValueKind.String && Node == Origin &&
            Node.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralExpression;

        /// <inheritdoc />
        public override string ToString() =>
            Kind + ":" + (Text ?? Member?.ToDisplayString() ?? Convert.ToString(Constant, CultureInfo.InvariantCulture));

        internal static ResolvedValue? FromConstant(object? constant, SyntaxNode node, SyntaxNode origin, bool fromCallSite)
        {
            switch (constant)
            {
                case string s:
                    return new ResolvedValue(ResolvedValueKind.String, s, null, s, node, origin, fromCallSite, null, null, null);
                case bool b:
                    return new ResolvedValue(ResolvedValueKind.Boolean, b, null, null, node, origin, fromCallSite, null, null, null);
                case byte _: case sbyte _: case short _: case ushort _: case int _: case uint _:
                case long _: case ulong _: case float _: case double _: case decimal _:
                    return new ResolvedValue(ResolvedValueKind.Number, constant, null, null, node, origin, fromCallSite, null, null, null);
                default:
                    return null;
            }
        }

        internal static ResolvedValue FromMember(ISymbol member, SyntaxNode node, SyntaxNode origin, bool fromCallSite) =>
            new ResolvedValue(ResolvedValueKind.Member, null, member, null, node, origin, fromCallSite, null, null, null);

        internal static ResolvedValue FromInstanceType(string name, SyntaxNode node, SyntaxNode origin, bool fromCallSite,
            IFieldSymbol? classMember, IFieldSymbol? sizeMember, CdkContextValue? context = null) =>
            new ResolvedValue(ResolvedValueKind.InstanceType, null, null, name, node, origin, fromCallSite, classMember, sizeMember,
                classMember != null ? node : null, context);

        /// <summary>A string or number read from the CDK context, reported at <paramref name="node"/> (the C# that reads it).</summary>
        internal static ResolvedValue FromContext(CdkContextValue context, SyntaxNode node, SyntaxNode origin, bool fromCallSite) =>
            context.Value is string text
                ? new ResolvedValue(ResolvedValueKind.String, text, null, text, node, origin, fromCallSite, null, null, null, context)
                : new ResolvedValue(ResolvedValueKind.Number, context.Value, null, null, node, origin, fromCallSite, null, null, null, context);

        internal static ResolvedValue FromText(string text, SyntaxNode node, SyntaxNode origin, bool fromCallSite, CdkContextValue? context = null) =>
            new ResolvedValue(ResolvedValueKind.String, text, null, text, node, origin, fromCallSite, null, null, null, context);
    }
}
