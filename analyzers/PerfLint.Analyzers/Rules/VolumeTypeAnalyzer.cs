using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL4001 (gp2 → gp3) and PL4002 (io1 → io2): EBS volume types and RDS storage types handed to the CDK —
    /// <c>EbsDeviceVolumeType.GP2</c>/<c>IO1</c> (volumes, block devices, launch templates, OpenSearch),
    /// <c>StorageType.GP2</c>/<c>IO1</c> (RDS), and <c>"gp2"</c>/<c>"io1"</c> strings in any CDK
    /// <c>VolumeType</c>/<c>StorageType</c> property (CfnVolume, CfnLaunchTemplate, CfnInstance, CfnDBInstance).
    /// <see cref="VolumeTypeRule"/> decides; the fix writes the replacement in the value's form.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VolumeTypeAnalyzer : CdkAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.Gp2Volume), Descriptors.For(RuleIds.Io1Volume));

        /// <inheritdoc />
        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk)
        {
            var dispatch = new OperationDispatch();
            CdkSinkAnalysis.Register(dispatch, cdk, Match, IsVolumeTypeProperty, Analyze, OperationKind.SimpleAssignment);
            dispatch.Attach(context, cdk, (index, _, _) => Gates.ValueFlow(index, HoldingFlaggedVolumeType(index), IsVolumeTypeProperty));
        }

        private static bool IsVolumeTypeProperty(string name) => name == "VolumeType" || name == "StorageType";

        private static CdkSink? Match(IOperation operation, CdkTypes cdk) =>
            CdkSinks.PropertyAssignment(operation, cdk, p => IsVolumeTypeProperty(p.Name));

        /// <summary>
        /// The bodies that write a flagged volume type as the rule reads it: a member (<c>GP2</c>), a string, or a piece of
        /// a string that a concatenation or interpolation completes (<c>$"{Prefix}2"</c>).
        /// </summary>
        private static Func<BodyEntry, bool> HoldingFlaggedVolumeType(SyntaxIndex index) =>
            Gates.Holding(index, i => i.Length == 3 && VolumeTypeRule.IsFlagged(i), VolumeTypeRule.MayBePartOfFlagged);

        private static void Analyze(SinkHit hit)
        {
            foreach (var value in hit.Values)
            {
                if (!hit.IsReportable(value))
                {
                    continue;
                }

                var volumeType = VolumeTypeOf(value, hit.Cdk);
                var finding = VolumeTypeRule.Evaluate(volumeType);
                if (finding?.Replacement != null)
                {
                    hit.Report(finding, value, FixProperties(value, finding.Replacement));
                }
            }
        }

        /// <summary>The volume type a value names: a member of EbsDeviceVolumeType (EC2 or Auto Scaling)/StorageType (<c>GP2</c> → gp2) or a string.</summary>
        private static string? VolumeTypeOf(ResolvedValue value, CdkTypes cdk)
        {
            if (value.Kind == ResolvedValueKind.String)
            {
                return value.Text;
            }

            var type = value.Member?.ContainingType;
            return value.Kind == ResolvedValueKind.Member && (CdkTypes.Is(type, cdk.EbsDeviceVolumeType) || CdkTypes.Is(type, cdk.AutoScalingEbsDeviceVolumeType) || CdkTypes.Is(type, cdk.RdsStorageType))
                ? value.MemberName?.ToLowerInvariant()
                : null;
        }

        /// <summary>The member of the same enum (GP2 → GP3, IO1 → IO2) when the compiled CDK has it, or the string literal.</summary>
        private static ImmutableDictionary<string, string?>? FixProperties(ResolvedValue value, string replacement)
        {
            if (value.Node != value.Origin)
            {
                return null;
            }

            if (value.Kind == ResolvedValueKind.Member && value.Member?.ContainingType is INamedTypeSymbol enumType &&
                (value.Node is MemberAccessExpressionSyntax || value.Node is IdentifierNameSyntax))
            {
                var member = replacement.ToUpperInvariant();
                return enumType.GetMembers(member).Length > 0 ? Fix(InstanceTypeSinks.FixMember, member) : null;
            }

            return value.Kind == ResolvedValueKind.String && value.Node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? Fix(InstanceTypeSinks.FixString, replacement)
                : null;
        }

        private static ImmutableDictionary<string, string?> Fix(string kind, string value) =>
            ImmutableDictionary<string, string?>.Empty.Add(InstanceTypeSinks.FixKindProperty, kind).Add(InstanceTypeSinks.FixValueProperty, value);
    }
}
