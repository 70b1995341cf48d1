using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfLint.Analyzers.Gating;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Knowledge.Capacity;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Rules
{
    /// <summary>
    /// PL5002: a SageMaker target-tracking target value that is a documentation example (70 invocations per
    /// instance by default; <c>PL5002.example_values</c>) — <c>ScaleToTrackMetric</c> /
    /// <c>TargetTrackingScalingPolicyProps</c> with a SageMaker <c>PredefinedMetric</c> or a custom metric in the
    /// AWS/SageMaker namespace, and <c>CfnScalingPolicy</c> target-tracking configurations with a SageMaker
    /// <c>PredefinedMetricType</c> or customized metric.
    /// PL5003: <c>MinCapacity</c> equal to <c>MaxCapacity</c> in a scalable target (<c>ScalableTarget</c>,
    /// <c>CfnScalableTarget</c> without scheduled actions, <c>EnableScaling</c>/<c>BaseScalableAttribute</c> props).
    /// <see cref="ScalingRule"/> decides both.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ScalingConfigurationAnalyzer : CdkAnalyzer
    {
        private const string Namespace = "Amazon.CDK.AWS.ApplicationAutoScaling";
        private const string TargetValue = "TargetValue";
        private const string MaxCapacity = "MaxCapacity";
        private const string MinCapacity = "MinCapacity";
        private const string ResourceId = "ResourceId";

        /// <summary>The code fix kind: write the number in <c>FixValue</c> over the reported numeric literal.</summary>
        public const string SetNumberFix = "Number";

        /// <summary>Props types whose MinCapacity/MaxCapacity bound a scalable target (not ScalingSchedule, whose min = max pins a window on purpose).</summary>
        private static readonly ImmutableHashSet<string> CapacityTypes = ImmutableHashSet.Create(StringComparer.Ordinal,
            "ScalableTargetProps", "CfnScalableTargetProps", "EnableScalingProps", "BaseScalableAttributeProps");

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.For(RuleIds.ScalingTargetIsDocumentationExample), Descriptors.For(RuleIds.ScalingCannotScale));

        /// <inheritdoc />
        protected override void OnCdkCompilationStart(CdkCompilationStart start)
        {
            start.RegisterCdkSink(new CdkSinkRule(IsTargetValue, AnalyzeTargetValue, HoldingExampleValue,
                property: (p, _) => CdkTypes.InNamespace(p.ContainingType, Namespace), context: (_, _) => b => b.Tokens.Names(TargetValue)));
            // Judged at MaxCapacity; MinCapacity is read beside it (and may come from a helper's caller).
            start.RegisterCdkSink(new CdkSinkRule(IsCapacity, AnalyzeCapacity, (_, _) => MayPinCapacity,
                property: (p, _) => p.Name == MaxCapacity && CdkTypes.InNamespace(p.ContainingType, Namespace) && CapacityTypes.Contains(p.ContainingType.Name)));
        }

        /// <summary>
        /// The bodies that write an example value any file's options name (the rule reads those of the file it reports in);
        /// with a capacity file, every body that writes a number: any target value may be judged against a measurement.
        /// </summary>
        private static Func<BodyEntry, bool> HoldingExampleValue(SyntaxIndex index, AnalyzerOptions options)
        {
            if (UserCapacityFile.For(options) != null)
            {
                return b => b.Tokens.NumberArray.Length > 0;
            }

            var examples = ExampleValues(options.DistinctRuleOptions(index));
            return b => HoldsAny(b.Tokens, examples);
        }

        private static bool IsTargetValue(string property) => property == TargetValue;

        /// <summary>
        /// The distinct example values of every file's options (most files share one list). Plain loops into an array,
        /// not LINQ or List: generic framework code over doubles is not precompiled, and a fresh compiler would JIT-compile
        /// a dozen methods for this one list.
        /// </summary>
        private static double[] ExampleValues(IEnumerable<RuleOptions> options)
        {
            var values = new double[4];
            var count = 0;
            foreach (var option in options)
            {
                foreach (var value in option.ExampleTargetValues)
                {
                    if (!Contains(values, count, value))
                    {
                        if (count == values.Length)
                        {
                            var grown = new double[count * 2];
                            Array.Copy(values, grown, count);
                            values = grown;
                        }

                        values[count++] = value;
                    }
                }
            }

            var distinct = new double[count];
            Array.Copy(values, distinct, count);
            return distinct;
        }

        private static bool Contains(double[] values, int count, double value)
        {
            for (var i = 0; i < count; i++)
            {
                if (values[i] == value)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the body writes one of the example values (as <see cref="ScalingRule"/> compares them).</summary>
        private static bool HoldsAny(BodyWords tokens, double[] examples)
        {
            foreach (var number in tokens.NumberArray)
            {
                foreach (var example in examples)
                {
                    if (ScalingRule.IsExample(number, example))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsCapacity(string property) => property == MaxCapacity || property == MinCapacity;

        /// <summary>
        /// A body with <c>MinCapacity = a, MaxCapacity = b</c> in one initializer where a and b are not two different
        /// number literals (they may be equal: constants, parameters, the same literal).
        /// </summary>
        private static bool MayPinCapacity(BodyEntry body)
        {
            if (!body.Assigned.Contains(MaxCapacity) || !body.Assigned.Contains(MinCapacity) || !MayPinByTokens(body.Tokens))
            {
                return false;
            }

            foreach (var part in BodyOwners.OwnBodies(body.Node))
            {
                foreach (var initializer in part.DescendantNodesAndSelf().OfType<InitializerExpressionSyntax>())
                {
                    var max = AssignedValue(initializer, MaxCapacity);
                    var min = AssignedValue(initializer, MinCapacity);
                    if (max != null && min != null && !(NumberOf(max) is double a && NumberOf(min) is double b && a != b))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// False when the tokens already rule a pin out: every MinCapacity and MaxCapacity the body assigns is a lone
        /// number literal, and no number is on both sides. Most fleets and endpoints write two different literals; only
        /// the rest is read from syntax.
        /// </summary>
        private static bool MayPinByTokens(BodyWords tokens)
        {
            var assignments = tokens.AssignmentArray;
            foreach (var assignment in assignments)
            {
                var name = assignment.Name;
                if (name != MaxCapacity && name != MinCapacity)
                {
                    continue;
                }

                if (assignment.Number is not double value)
                {
                    return true;
                }

                foreach (var other in assignments)
                {
                    if (name == MaxCapacity && other.Name == MinCapacity && other.Number == value)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static ExpressionSyntax? AssignedValue(InitializerExpressionSyntax initializer, string property) =>
            initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                .FirstOrDefault(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == property)?.Right;

        private static double? NumberOf(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax literal ? BodyScanner.NumberOf(literal.Token) : null;

        private static void AnalyzeTargetValue(SinkHit hit)
        {
            var metric = SageMakerMetric(hit);
            if (metric == null)
            {
                return;
            }

            var measured = Measured(hit, metric);
            foreach (var value in hit.Values)
            {
                if (value.Number is double target && hit.IsReportable(value))
                {
                    if (measured != null)
                    {
                        // A measurement replaces the documentation-example check for this endpoint.
                        var judged = ScalingRule.TargetValueAgainstCapacity(target, measured.Value.Endpoint, measured.Value.Entry, measured.Value.FileName);
                        if (judged != null)
                        {
                            hit.Report(judged, value, SetNumber(value, judged.Replacement));
                        }

                        continue;
                    }

                    var finding = ScalingRule.TargetValue(target, metric, hit.Options);
                    if (finding != null)
                    {
                        hit.Report(finding, value);
                    }
                }
            }
        }

        /// <summary>
        /// The capacity file's entry for the endpoint this invocations-per-instance target scales, or null: no capacity
        /// file, another metric, or an endpoint that cannot be named from the code (its ResourceId is not a known string).
        /// </summary>
        private static (string Endpoint, CapacityEntry Entry, string FileName)? Measured(SinkHit hit, string metric)
        {
            if (metric != ScalingRule.InvocationsPerInstanceMetric || !(UserCapacityFile.For(hit.AnalyzerOptions) is { } capacity))
            {
                return null;
            }

            foreach (var resourceId in hit.Resolve(ScalingResourceId(hit.Sink.Operation)))
            {
                // endpoint/<endpoint name>/variant/<variant name>: the entry is keyed by either name.
                var parts = resourceId.Kind == ResolvedValueKind.String ? resourceId.Text?.Split('/') : null;
                if (parts == null || parts.Length != 4 || parts[0] != "endpoint" || parts[2] != "variant")
                {
                    continue;
                }

                foreach (var name in new[] { parts[1], parts[3] })
                {
                    if (capacity.File!.Find(name) is { } entry)
                    {
                        return (name, entry, capacity.Name);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The ResourceId of the scalable target a target-tracking configuration belongs to: assigned in an enclosing
        /// creation (<c>CfnScalingPolicyProps</c>), or in the creation of the <c>ScalableTarget</c> local or field whose
        /// <c>ScaleToTrackMetric</c> receives it.
        /// </summary>
        private static IOperation? ScalingResourceId(IOperation sink)
        {
            for (var op = sink.Parent; op != null; op = op.Parent)
            {
                if (op is IObjectCreationOperation creation && AssignedIn(creation, ResourceId) is { } assigned)
                {
                    return assigned;
                }

                if (op is IInvocationOperation { TargetMethod.Name: "ScaleToTrackMetric", Instance: { } target } && op.SemanticModel != null)
                {
                    var symbol = (Unwrap(target) as ILocalReferenceOperation)?.Local as ISymbol ?? (Unwrap(target) as IFieldReferenceOperation)?.Field;
                    foreach (var reference in symbol?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty)
                    {
                        if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer } && initializer.SyntaxTree == op.Syntax.SyntaxTree &&
                            AssignedIn(op.SemanticModel.GetOperation(initializer), ResourceId) is { } fromTarget)
                        {
                            return fromTarget;
                        }
                    }

                    return null;
                }
            }

            return null;
        }

        /// <summary>The code fix's properties: write the recommended target over a numeric literal of this file.</summary>
        private static ImmutableDictionary<string, string?>? SetNumber(ResolvedValue value, string? replacement) =>
            replacement != null && value.Node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression)
                ? ImmutableDictionary<string, string?>.Empty.Add(InstanceTypeSinks.FixKindProperty, SetNumberFix).Add(InstanceTypeSinks.FixValueProperty, replacement)
                : null;

        /// <summary>
        /// The SageMaker predefined metric next to the target value (<c>PredefinedMetric = PredefinedMetric.SAGEMAKER_...</c>,
        /// or <c>PredefinedMetricSpecification = new PredefinedMetricSpecificationProperty { PredefinedMetricType = "SageMaker..." }</c>),
        /// or null: a target value for another service or a custom metric is not a SageMaker documentation example.
        /// </summary>
        private static string? SageMakerMetric(SinkHit hit)
        {
            foreach (var value in hit.Resolve(CdkSinks.Sibling(hit.Sink, "PredefinedMetric")))
            {
                if (value.Kind == ResolvedValueKind.Member && value.MemberName != null && value.MemberName.StartsWith("SAGEMAKER_", StringComparison.Ordinal))
                {
                    return AwsMetricName(value.MemberName);
                }
            }

            var specification = CdkSinks.Sibling(hit.Sink, "PredefinedMetricSpecification");
            foreach (var value in hit.Resolve(AssignedIn(specification, "PredefinedMetricType")))
            {
                if (value.Kind == ResolvedValueKind.String && value.Text != null && value.Text.StartsWith("SageMaker", StringComparison.Ordinal))
                {
                    return value.Text;
                }
            }

            // A custom metric in the AWS/SageMaker namespace: new Metric(new MetricProps { Namespace = "AWS/SageMaker", MetricName = .. })
            // (CustomMetric) or CustomizedMetricSpecificationProperty { Namespace, MetricName } (CfnScalingPolicy).
            foreach (var name in new[] { "CustomMetric", "CustomizedMetricSpecification" })
            {
                var metric = CdkSinks.Sibling(hit.Sink, name);
                if (metric != null && hit.Resolve(AssignedIn(metric, "Namespace")).Any(v => v.Text == "AWS/SageMaker"))
                {
                    return hit.Resolve(AssignedIn(metric, "MetricName")).FirstOrDefault(v => v.Kind == ResolvedValueKind.String)?.Text ?? "a SageMaker metric";
                }
            }

            return null;
        }

        /// <summary>The value assigned to <paramref name="property"/> in an object created inline (nested initializers included), or null.</summary>
        private static IOperation? AssignedIn(IOperation? creation, string property) =>
            Unwrap(creation) is IObjectCreationOperation created
                ? created.DescendantsAndSelf().OfType<ISimpleAssignmentOperation>()
                    .FirstOrDefault(a => a.Target is IPropertyReferenceOperation p && p.Property.Name == property)?.Value
                : null;

        /// <summary><c>SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE</c> → <c>SageMakerVariantInvocationsPerInstance</c> (the CloudWatch name).</summary>
        private static string AwsMetricName(string member) =>
            string.Concat(member.Split('_').Select(w => w.Length == 0 ? w : w.Substring(0, 1) + w.Substring(1).ToLowerInvariant()))
                .Replace("Sagemaker", "SageMaker");

        /// <summary>
        /// Judged at the MaxCapacity assignment (what a fix raises); reported on the max value, or — at a call site
        /// that only supplies MinCapacity — on that argument.
        /// </summary>
        private static void AnalyzeCapacity(SinkHit hit)
        {
            var scheduled = CdkSinks.Sibling(hit.Sink, "ScheduledActions") != null;
            var maxValues = hit.IsCallSite ? hit.Resolve(hit.Sink.Value) : hit.Values;
            var minValues = hit.Resolve(CdkSinks.Sibling(hit.Sink, MinCapacity));
            foreach (var max in maxValues)
            {
                foreach (var min in minValues)
                {
                    var finding = ScalingRule.Capacity(min.Number, max.Number, scheduled);
                    if (finding == null)
                    {
                        continue;
                    }

                    var at = hit.IsReportable(max) ? max : hit.IsReportable(min) ? min : null;
                    if (at != null)
                    {
                        hit.Report(finding, at);
                        return;
                    }
                }
            }
        }

        private static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
