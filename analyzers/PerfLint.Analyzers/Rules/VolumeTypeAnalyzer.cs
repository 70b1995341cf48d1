using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;
using PerfLint.Knowledge.Storage;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL4001 (gp2 → gp3) and PL4002 (io1 → io2): EBS volume types and RDS storage types handed to the CDK —
    /// <c>EbsDeviceVolumeType.GP2</c>/<c>IO1</c> (volumes, block devices, launch templates, OpenSearch),
    /// <c>StorageType.GP2</c>/<c>IO1</c> (RDS), and <c>"gp2"</c>/<c>"io1"</c> strings in any CDK
    /// <c>VolumeType</c>/<c>StorageType</c> property (CfnVolume, CfnLaunchTemplate, CfnInstance, CfnDBInstance).
    /// <see cref="VolumeTypeRule"/> decides per service: RDS for the RDS types (with the <c>Engine</c> written next to
    /// the storage type, when it is), OpenSearch for domain EBS options, EBS for the rest. The fix writes the
    /// replacement in the value's form. An RDS DB instance created with props that leave <c>StorageType</c> unset is
    /// gp2 (CDK's default) and is reported at the props; its fix adds <c>StorageType = StorageType.GP3</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VolumeTypeAnalyzer : CdkAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.Gp2Volume), Descriptors.For(RuleIds.Io1Volume));

        /// <inheritdoc />
        protected override void OnCdkCompilationStart(CdkCompilationStart start)
        {
            start.RegisterCdkSink(new CdkSinkRule(IsVolumeTypeProperty, Analyze, HoldingFlaggedVolumeType));
            start.RegisterOperation(c => AnalyzeUnsetStorageType(c, start.Cdk), (_, _) => CreatingDatabaseInstanceProps, OperationKind.ObjectCreation);
        }

        /// <summary>Code-fix kind: add <c>StorageType = StorageType.GP3</c> to the props' object initializer.</summary>
        public const string AddStorageTypeFix = "AddStorageType";

        /// <summary>The RDS props whose unset StorageType CDK turns into gp2 (instance.ts: <c>props.storageType ?? StorageType.GP2</c>).</summary>
        private static readonly string[] DatabaseInstancePropsTypes = { "DatabaseInstanceProps", "DatabaseInstanceFromSnapshotProps", "DatabaseInstanceReadReplicaProps" };

        private const string RdsNamespace = "Amazon.CDK.AWS.RDS";

        /// <summary>
        /// Bodies that may create those props for a DB instance (the unset-StorageType case has no token of its own):
        /// they name the props type or the construct (a subclass of the construct still names the props, an alias of
        /// the props type still names the construct).
        /// </summary>
        private static readonly Func<BodyEntry, bool> CreatingDatabaseInstanceProps = Gates.Naming(
            DatabaseInstancePropsTypes.Concat(new[] { "DatabaseInstance", "DatabaseInstanceFromSnapshot", "DatabaseInstanceReadReplica" }).ToArray());

        private static bool IsVolumeTypeProperty(string name) => name == "VolumeType" || name == "StorageType";

        /// <summary>
        /// The bodies that write a flagged volume type as the rule reads it: a member (<c>GP2</c>), a string, or a piece of
        /// a string that a concatenation or interpolation completes (<c>$"{Prefix}2"</c>).
        /// </summary>
        private static Func<BodyEntry, bool> HoldingFlaggedVolumeType(SyntaxIndex index, AnalyzerOptions options) =>
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
                var service = ServiceOf(hit.Sink, value, hit.Cdk);
                var finding = VolumeTypeRule.Evaluate(volumeType, service, service == StorageService.Rds ? RdsEngines.Near(hit) : null);
                if (finding?.Replacement != null)
                {
                    hit.Report(finding, value, FixProperties(value, finding.Replacement));
                }
            }
        }

        /// <summary>
        /// The service whose storage the sink configures: RDS for RDS props or an RDS <c>StorageType</c> member,
        /// OpenSearch for domain EBS options (they take EC2's <c>EbsDeviceVolumeType</c>), EBS otherwise.
        /// </summary>
        private static StorageService ServiceOf(CdkSink sink, ResolvedValue value, CdkTypes cdk)
        {
            var type = sink.ContainingType;
            if (CdkTypes.InNamespace(type, RdsNamespace) || (value.Kind == ResolvedValueKind.Member && CdkTypes.Is(value.Member?.ContainingType, cdk.RdsStorageType)))
            {
                return StorageService.Rds;
            }

            return CdkTypes.InNamespace(type, "Amazon.CDK.AWS.OpenSearchService") || CdkTypes.InNamespace(type, "Amazon.CDK.AWS.Elasticsearch")
                ? StorageService.OpenSearch
                : StorageService.Ebs;
        }

        /// <summary>
        /// <c>new DatabaseInstance(this, "Db", new DatabaseInstanceProps { .. })</c> without StorageType: CDK writes gp2.
        /// Only props created right in a CDK constructor call are judged (props kept in a variable may get StorageType later).
        /// </summary>
        private static void AnalyzeUnsetStorageType(CdkOperationContext context, CdkTypes cdk)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Initializer == null || !(creation.Syntax is ObjectCreationExpressionSyntax syntax) ||
                !(creation.Type is INamedTypeSymbol type) || Array.IndexOf(DatabaseInstancePropsTypes, type.Name) < 0 ||
                !CdkTypes.InNamespace(type, RdsNamespace) || !cdk.IsCdk(type))
            {
                return;
            }

            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (!(parent is IArgumentOperation argument) || !cdk.IsCdk(argument.Parameter) ||
                !(argument.Parameter?.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor }))
            {
                return;
            }

            IOperation? engine = null;
            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property)
                {
                    if (property.Property.Name == "StorageType")
                    {
                        return;
                    }

                    if (property.Property.Name == "Engine")
                    {
                        engine = assignment.Value;
                    }
                }
            }

            var finding = VolumeTypeRule.EvaluateUnsetRdsStorageType(RdsEngines.Of(engine));
            if (finding?.Replacement != null)
            {
                context.ReportDiagnostic(FindingReporter.Create(finding, syntax.Type.GetLocation(),
                    Fix(AddStorageTypeFix, finding.Replacement)));
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
