using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL1005 (Info, off by default): an x86 general-purpose or burstable instance type with a Graviton twin
    /// (<see cref="GravitonRule.EvaluateInstance"/>), and Lambda functions on x86_64 — <c>Architecture.X86_64</c>
    /// written out, or props passed to a function without <c>Architecture</c> (the CDK default is x86_64).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GravitonAnalyzer : CdkAnalyzer
    {
        /// <summary>Code-fix property: "AddArchitecture" when the fix adds <c>Architecture = Architecture.ARM_64</c>.</summary>
        public const string AddArchitectureFix = "AddArchitecture";

        private const string Arm64Member = "ARM_64";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.GravitonOpportunity));

        /// <inheritdoc />
        protected override void OnCdkCompilationStart(CompilationStartAnalysisContext context, CdkTypes cdk)
        {
            CdkSinkAnalysis.Register(context, cdk, InstanceTypeSinks.Match, AnalyzeInstanceType, InstanceTypeSinks.Kinds);
            if (cdk.LambdaArchitecture == null)
            {
                return;
            }

            CdkSinkAnalysis.Register(context, cdk, MatchArchitecture, AnalyzeArchitecture, OperationKind.SimpleAssignment);
            context.RegisterOperationAction(c => AnalyzeUnsetArchitecture(c, cdk), OperationKind.ObjectCreation);
        }

        private static void AnalyzeInstanceType(SinkHit hit)
        {
            foreach (var value in hit.Values)
            {
                var name = InstanceTypeSinks.QualifiedName(value, hit.Sink);
                if (name == null || !hit.IsReportable(value))
                {
                    continue;
                }

                var finding = GravitonRule.EvaluateInstance(name, hit.Options);
                if (finding != null)
                {
                    hit.Report(finding, value, InstanceTypeSinks.FixProperties(value, finding.Replacement, hit.Cdk));
                }
            }
        }

        private static CdkSink? MatchArchitecture(IOperation operation, CdkTypes cdk) =>
            CdkSinks.PropertyAssignment(operation, cdk, p => p.Name == "Architecture" && CdkTypes.Is(p.Type, cdk.LambdaArchitecture));

        private static void AnalyzeArchitecture(SinkHit hit)
        {
            foreach (var value in hit.Values)
            {
                if (value.Kind != ResolvedValueKind.Member || !CdkTypes.Is(value.Member?.ContainingType, hit.Cdk.LambdaArchitecture) ||
                    !hit.IsReportable(value))
                {
                    continue;
                }

                var finding = GravitonRule.EvaluateLambdaArchitecture(value.MemberName == "X86_64" ? "x86_64" : value.MemberName == Arm64Member ? "arm64" : value.MemberName);
                if (finding != null)
                {
                    var canFix = value.Node == value.Origin && (value.Node is MemberAccessExpressionSyntax || value.Node is IdentifierNameSyntax);
                    hit.Report(finding, value, canFix
                        ? ImmutableDictionary<string, string?>.Empty.Add(InstanceTypeSinks.FixKindProperty, InstanceTypeSinks.FixMember).Add(InstanceTypeSinks.FixValueProperty, Arm64Member)
                        : null);
                }
            }
        }

        /// <summary>
        /// <c>new Function(this, "F", new FunctionProps { ... })</c> without Architecture: the function runs on x86_64.
        /// Only props created right in the call are judged (props kept in a variable may get Architecture later).
        /// </summary>
        private static void AnalyzeUnsetArchitecture(OperationAnalysisContext context, CdkTypes cdk)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!cdk.IsCdk(creation.Type) || creation.Initializer == null || !(creation.Syntax is ObjectCreationExpressionSyntax syntax) ||
                !HasArchitectureProperty(creation.Type, cdk))
            {
                return;
            }

            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            // Props handed to a CDK constructor (new Function(..)); Function.FromFunctionAttributes imports an existing function.
            if (!(parent is IArgumentOperation argument) || !cdk.IsCdk(argument.Parameter) ||
                !(argument.Parameter?.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor }) ||
                creation.Initializer.Initializers.Any(i => i is ISimpleAssignmentOperation a && a.Target is IPropertyReferenceOperation p && p.Property.Name == "Architecture"))
            {
                return;
            }

            var finding = GravitonRule.EvaluateLambdaArchitecture(null);
            if (finding != null)
            {
                context.ReportDiagnostic(FindingReporter.Create(finding, syntax.Type.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(InstanceTypeSinks.FixKindProperty, AddArchitectureFix)));
            }
        }

        private static bool HasArchitectureProperty(ITypeSymbol? type, CdkTypes cdk)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (t.GetMembers("Architecture").OfType<IPropertySymbol>().Any(p => !p.IsStatic && p.SetMethod != null && CdkTypes.Is(p.Type, cdk.LambdaArchitecture)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
