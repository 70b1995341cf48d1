using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Catalog;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL1005 (Info, off by default): an x86 general-purpose or burstable instance type with a Graviton twin
    /// (<see cref="GravitonRule.EvaluateInstance"/>), and Lambda functions on x86_64 — <c>Architecture.X86_64</c>
    /// written out, or props passed to a function without <c>Architecture</c> (the CDK default is x86_64).
    /// The suggestion depends on what runs there: an instance with a Windows AMI is not reported (EC2 has no arm64
    /// Windows AMIs); next to an image of a fixed architecture the fix is withheld and the message says the image must
    /// change too; a function whose runtime has no arm64 build (python3.7, java8, go1.x...) is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GravitonAnalyzer : CdkAnalyzer
    {
        /// <summary>Code-fix kind: add <c>Architecture = Architecture.ARM_64</c> to the props' initializer.</summary>
        public const string AddArchitectureFix = "AddArchitecture";

        /// <summary>Code-fix kind: add <c>Architectures = new[] { "arm64" }</c> to <c>CfnFunctionProps</c>.</summary>
        public const string AddArchitecturesFix = "AddArchitectures";

        private const string LambdaNamespace = "Amazon.CDK.AWS.Lambda";

        private const string CfnArchitectures = "Architectures";

        private const string Arm64Member = "ARM_64";

        private const string RuntimeProperty = "Runtime";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.GravitonOpportunity));

        /// <inheritdoc />
        protected override void OnCdkCompilationStart(CdkCompilationStart start)
        {
            // Off by default, and its subject (every Lambda function) is everywhere: when a user turns it on, it reads
            // every body (registered first: the union of the gates stops at the first that admits all).
            if (start.Cdk.LambdaArchitecture != null)
            {
                start.RegisterCdkSink(new CdkSinkRule(n => n == "Architecture" || n == CfnArchitectures, AnalyzeArchitecture, (_, _) => Gates.All,
                    property: IsArchitecture));
                start.RegisterOperation(c => AnalyzeUnsetArchitecture(c, start.Cdk), (_, _) => Gates.All, OperationKind.ObjectCreation);
            }

            start.RegisterCdkSink(InstanceTypeSinks.For(GravitonRule.EvaluateInstance).WithReport(AnalyzeInstanceType));
        }

        /// <summary>
        /// Judges an instance type with the machine image beside it: a Graviton class needs an arm64 image, so the fix
        /// (the class alone) is offered only where the image allows it.
        /// </summary>
        private static void AnalyzeInstanceType(SinkHit hit)
        {
            switch (MachineImages.Of(hit.Sink))
            {
                case MachineImageArchitecture.Windows:
                    return;
                case MachineImageArchitecture.Fixed:
                    InstanceTypeSinks.ReportEach(hit, (name, use, options) =>
                        GravitonRule.EvaluateInstance(name, use, options) is RuleFinding finding ? GravitonRule.WithMachineImageChange(finding) : null);
                    return;
                default:
                    InstanceTypeSinks.ReportEach(hit, GravitonRule.EvaluateInstance);
                    return;
            }
        }

        /// <summary><c>Architecture = ..</c> (L2 props) and <c>Architectures = new[] { "x86_64" }</c> (<c>CfnFunctionProps</c>).</summary>
        private static bool IsArchitecture(IPropertySymbol p, CdkTypes cdk) =>
            (p.Name == "Architecture" && CdkTypes.Is(p.Type, cdk.LambdaArchitecture)) ||
            (p.Name == CfnArchitectures && CdkTypes.InNamespace(p.ContainingType, LambdaNamespace));

        private static void AnalyzeArchitecture(SinkHit hit)
        {
            var runtime = RuntimeOf(hit.Resolve(CdkSinks.Sibling(hit.Sink, RuntimeProperty)));
            foreach (var value in hit.Values)
            {
                var architecture = ArchitectureOf(value, hit.Cdk);
                if (architecture == null || !hit.IsReportable(value))
                {
                    continue;
                }

                var finding = GravitonRule.EvaluateLambdaArchitecture(architecture, runtime);
                if (finding != null)
                {
                    hit.Report(finding, value, FixFor(value));
                }
            }
        }

        /// <summary><c>Architecture.X86_64</c> → x86_64, <c>Architecture.ARM_64</c> → arm64, a string as written; null for anything else.</summary>
        private static string? ArchitectureOf(ResolvedValue value, CdkTypes cdk)
        {
            if (value.Kind == ResolvedValueKind.String)
            {
                return value.Text;
            }

            if (value.Kind != ResolvedValueKind.Member || !CdkTypes.Is(value.Member?.ContainingType, cdk.LambdaArchitecture))
            {
                return null;
            }

            return value.MemberName == "X86_64" ? "x86_64" : value.MemberName == Arm64Member ? "arm64" : value.MemberName;
        }

        /// <summary>
        /// The runtime identifier of a function's <c>Runtime</c> values (<c>Runtime.PYTHON_3_7</c> or
        /// <c>"python3.7"</c>), preferring one without arm64: if any value the code can take lacks it, the suggestion
        /// would be wrong there. Null when no value is known.
        /// </summary>
        private static string? RuntimeOf(ImmutableArray<ResolvedValue> values)
        {
            string? known = null;
            foreach (var value in values)
            {
                var identifier =
                    value.Kind == ResolvedValueKind.String ? value.Text :
                    value.Kind == ResolvedValueKind.Member && value.Member?.ContainingType?.Name == RuntimeProperty &&
                    CdkTypes.InNamespace(value.Member.ContainingType, LambdaNamespace) ? LambdaRuntimes.IdentifierOfCdkMember(value.Member.Name) : null;
                if (LambdaRuntimes.SupportsArm64(identifier) == false)
                {
                    return identifier;
                }

                known ??= identifier;
            }

            return known;
        }

        private static ImmutableDictionary<string, string?>? FixFor(ResolvedValue value)
        {
            if (value.Node != value.Origin)
            {
                return null;
            }

            if (value.Kind == ResolvedValueKind.Member && (value.Node is MemberAccessExpressionSyntax || value.Node is IdentifierNameSyntax))
            {
                return Fix(InstanceTypeSinks.FixMember, Arm64Member);
            }

            return value.Kind == ResolvedValueKind.String && value.Node is LiteralExpressionSyntax ? Fix(InstanceTypeSinks.FixString, "arm64") : null;
        }

        private static ImmutableDictionary<string, string?> Fix(string kind, string? value) =>
            value == null
                ? ImmutableDictionary<string, string?>.Empty.Add(InstanceTypeSinks.FixKindProperty, kind)
                : ImmutableDictionary<string, string?>.Empty.Add(InstanceTypeSinks.FixKindProperty, kind).Add(InstanceTypeSinks.FixValueProperty, value);

        /// <summary>
        /// <c>new Function(this, "F", new FunctionProps { ... })</c> without Architecture: the function runs on x86_64.
        /// Only props created right in the call are judged (props kept in a variable may get Architecture later).
        /// </summary>
        private static void AnalyzeUnsetArchitecture(CdkOperationContext context, CdkTypes cdk)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!cdk.IsCdk(creation.Type) || creation.Initializer == null || !(creation.Syntax is ObjectCreationExpressionSyntax syntax))
            {
                return;
            }

            var property = ArchitecturePropertyOf(creation.Type, cdk);
            if (property == null)
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
                creation.Initializer.Initializers.Any(i => i is ISimpleAssignmentOperation a && a.Target is IPropertyReferenceOperation p && p.Property.Name == property))
            {
                return;
            }

            var runtimeValue = creation.Initializer.Initializers
                .OfType<ISimpleAssignmentOperation>()
                .FirstOrDefault(a => a.Target is IPropertyReferenceOperation p && p.Property.Name == RuntimeProperty)?.Value;
            var runtime = RuntimeOf(ValueResolver.Resolve(runtimeValue, cdk, context.CancellationToken));
            var finding = GravitonRule.EvaluateLambdaArchitecture(null, runtime);
            if (finding != null)
            {
                context.ReportDiagnostic(FindingReporter.Create(finding, syntax.Type.GetLocation(),
                    Fix(property == CfnArchitectures ? AddArchitecturesFix : AddArchitectureFix, null)));
            }
        }

        /// <summary>"Architecture" (L2 props with a Lambda <c>Architecture</c>), "Architectures" (<c>CfnFunctionProps</c>), or null.</summary>
        private static string? ArchitecturePropertyOf(ITypeSymbol? type, CdkTypes cdk)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                foreach (var p in t.GetMembers().OfType<IPropertySymbol>())
                {
                    if (p.IsStatic || p.SetMethod == null)
                    {
                        continue;
                    }

                    if (p.Name == "Architecture" && CdkTypes.Is(p.Type, cdk.LambdaArchitecture))
                    {
                        return p.Name;
                    }

                    if (p.Name == CfnArchitectures && t.Name == "CfnFunctionProps" && CdkTypes.InNamespace(t, LambdaNamespace))
                    {
                        return p.Name;
                    }
                }
            }

            return null;
        }
    }
}
