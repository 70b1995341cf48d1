using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfLint.Analyzers.Gating;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Cdk;
using PerfLint.Knowledge.Offerings;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// Where instance types are handed to the CDK (any CDK property named <c>*InstanceType*</c>, <c>*NodeType*</c>,
    /// <c>DbInstanceClass</c> or <c>DbClusterInstanceClass</c>), how to name the value for its service
    /// (<c>db.</c>, <c>cache.</c>, <c>ml.</c>, <c>.search</c>), and the properties a code fix needs to write the
    /// replacement. Shared by PL1001, PL1002 and PL1005.
    /// </summary>
    public static class InstanceTypeSinks
    {
        /// <summary>Code-fix property: how to apply the replacement (<see cref="FixMember"/>, <see cref="FixString"/>, <see cref="FixOfToString"/>).</summary>
        public const string FixKindProperty = "FixKind";

        /// <summary>Code-fix property: the member name or string text to write.</summary>
        public const string FixValueProperty = "FixValue";

        /// <summary>Replace the enum member's name (<c>InstanceClass.M4</c> → <c>InstanceClass.M7I</c>).</summary>
        public const string FixMember = "Member";

        /// <summary>Replace the string literal's text.</summary>
        public const string FixString = "String";

        /// <summary>Replace <c>InstanceType.Of(cls, size)</c> by <c>new InstanceType("...")</c> (the compiled CDK lacks the member).</summary>
        public const string FixOfToString = "OfToString";

        /// <summary>
        /// The instance-type sinks of a rule (<see cref="ReportEach"/> with <paramref name="rule"/>), gated by the types
        /// <paramref name="rule"/> itself flags under the most permissive options of any file
        /// (<see cref="InstanceTypeEvidence"/>). <paramref name="sink"/> and <paramref name="context"/> narrow both.
        /// </summary>
        public static CdkSinkRule For(Func<string, InstanceUse, RuleOptions, RuleFinding?> rule, Func<CdkSink, bool>? sink = null, BodyGate? context = null) =>
            new CdkSinkRule(IsInstanceTypeProperty, hit => ReportEach(hit, rule),
                (index, options) => InstanceTypeEvidence.For(rule, InstanceTypeEvidence.MostPermissive(index, options)).In(index),
                sink: sink, context: context);

        /// <summary>True for property names that hold instance or node types.</summary>
        public static bool IsInstanceTypeProperty(string name) =>
            name.IndexOf("InstanceType", StringComparison.Ordinal) >= 0 ||
            name.IndexOf("NodeType", StringComparison.Ordinal) >= 0 ||
            name == "DbInstanceClass" || name == "DbClusterInstanceClass";

        /// <summary>The service whose names the sink takes, from the namespace of its CDK type (null: EC2 or self-describing strings).</summary>
        public static InstanceService? ServiceOf(CdkSink sink)
        {
            var type = sink.ContainingType;
            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.RDS") || CdkTypes.InNamespace(type, "Amazon.CDK.AWS.DocDB") ||
                CdkTypes.InNamespace(type, "Amazon.CDK.AWS.Neptune"))
            {
                return InstanceService.Rds;
            }

            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.ElastiCache")) return InstanceService.ElastiCache;
            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.OpenSearchService") || CdkTypes.InNamespace(type, "Amazon.CDK.AWS.Elasticsearch")) return InstanceService.OpenSearch;
            if (CdkTypes.InNamespace(type, "Amazon.CDK.AWS.Sagemaker")) return InstanceService.SageMaker;
            return null;
        }

        /// <summary>True when the sink configures a database or cache (RDS, Aurora, DocumentDB, Neptune, ElastiCache).</summary>
        public static bool IsDatabaseOrCache(CdkSink sink)
        {
            var service = ServiceOf(sink);
            return service == InstanceService.Rds || service == InstanceService.ElastiCache;
        }

        /// <summary>
        /// The instance type name of a value as its service spells it (<c>db.m4.large</c> for
        /// <c>InstanceType.Of(M4, LARGE)</c> in RDS props), or null when the value is not an instance type.
        /// </summary>
        public static string? QualifiedName(ResolvedValue value, CdkSink sink)
        {
            if (value.Text == null || (value.Kind != ResolvedValueKind.String && value.Kind != ResolvedValueKind.InstanceType))
            {
                return null;
            }

            if (!InstanceTypeName.TryParse(value.Text, out var parsed))
            {
                return null;
            }

            var service = ServiceOf(sink);
            if (parsed.Service != InstanceService.Ec2 || service == null)
            {
                return parsed.ToString();
            }

            switch (service.Value)
            {
                case InstanceService.Rds: return "db." + parsed.Ec2Name;
                case InstanceService.ElastiCache: return "cache." + parsed.Ec2Name;
                case InstanceService.SageMaker: return "ml." + parsed.Ec2Name;
                case InstanceService.OpenSearch: return parsed.Ec2Name + ".search";
                default: return parsed.Ec2Name;
            }
        }

        /// <summary>
        /// Judges each reportable value of an instance-type sink by <paramref name="rule"/> (under the file's options, in
        /// the use the sink puts it to: service, engine, the stack's region) and reports its findings, with the fix
        /// properties for the successor it names. PL1001, PL1002 and PL1005.
        /// </summary>
        public static void ReportEach(SinkHit hit, Func<string, InstanceUse, RuleOptions, RuleFinding?> rule)
        {
            foreach (var value in hit.Values)
            {
                var name = QualifiedName(value, hit.Sink);
                if (name == null || !hit.IsReportable(value) || !InstanceTypeName.TryParse(name, out var parsed))
                {
                    continue;
                }

                // The literal region of the stack that holds the value; else perflint_region from the options.
                var use = InstanceUses.Of(hit, parsed, hit.Cdk.StackRegions(hit.CancellationToken).For(value.Node));
                if (use == null)
                {
                    continue;
                }

                var finding = rule(name, use, hit.Options);
                if (finding != null)
                {
                    hit.Report(finding, value, FixProperties(value, finding.Replacement, hit.Cdk));
                }
            }
        }

        /// <summary>
        /// Properties that let a fixer write <paramref name="replacement"/> (a qualified instance type name) in place of
        /// the value, in the value's own form: the <c>InstanceClass</c> member when the compiled CDK has it, else a
        /// string; empty when the value's node cannot be rewritten safely (a reference to a constant elsewhere).
        /// </summary>
        public static ImmutableDictionary<string, string?> FixProperties(ResolvedValue value, string? replacement, CdkTypes cdk)
        {
            var none = ImmutableDictionary<string, string?>.Empty;
            if (replacement == null || !InstanceTypeName.TryParse(replacement, out var target) || value.Node != value.Origin)
            {
                return none;
            }

            if (value.Kind == ResolvedValueKind.InstanceType && value.InstanceClassMember != null)
            {
                var member = CdkInstanceClass.MemberFor(target.Family);
                if (member != null && cdk.InstanceClass != null && cdk.InstanceClass.GetMembers(member).OfType<IFieldSymbol>().Any() &&
                    (value.Node is MemberAccessExpressionSyntax || value.Node is IdentifierNameSyntax))
                {
                    return Fix(FixMember, member);
                }

                // The size stays the same; only a class member written directly in InstanceType.Of(...) can become a string.
                return IsDirectInstanceTypeOfArgument(value.Node) && CdkInstanceSize.SizeOf(value.InstanceSizeMember?.Name ?? string.Empty) == target.Size
                    ? Fix(FixOfToString, target.Ec2Name)
                    : none;
            }

            if (value.Node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && value.Text != null &&
                InstanceTypeName.TryParse(value.Text, out var original))
            {
                // Keep the value's spelling: a service-qualified string gets the qualified successor, a bare EC2 name a bare one.
                return Fix(FixString, original.Service == target.Service ? target.ToString() : target.Ec2Name);
            }

            return none;
        }

        private static bool IsDirectInstanceTypeOfArgument(SyntaxNode node) =>
            node.Parent is ArgumentSyntax argument &&
            argument.Parent?.Parent is InvocationExpressionSyntax invocation &&
            invocation.Expression is MemberAccessExpressionSyntax access &&
            access.Name.Identifier.ValueText == "Of";

        private static ImmutableDictionary<string, string?> Fix(string kind, string value) =>
            ImmutableDictionary<string, string?>.Empty.Add(FixKindProperty, kind).Add(FixValueProperty, value);
    }
}
