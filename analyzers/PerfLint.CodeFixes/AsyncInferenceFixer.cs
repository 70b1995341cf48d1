using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using PerfLint.Knowledge.Rules;

namespace PerfLint.CodeFixes
{
    /// <summary>
    /// PL5005: "Use asynchronous inference". The finding is on a model-server setting of a <c>CfnModel</c>; the fix adds
    /// an <c>AsyncInferenceConfig</c> skeleton, with a placeholder S3 output path to replace, to each
    /// <c>CfnEndpointConfig</c> of the same document that serves that model in real time (its props written inline, no
    /// <c>AsyncInferenceConfig</c> yet). An endpoint config with <c>AsyncInferenceConfig</c> is asynchronous, so PL5005
    /// no longer applies. No fix when the setting is written outside the model's creation or no such config is found.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AsyncInferenceFixer)), Shared]
    public sealed class AsyncInferenceFixer : CodeFixProvider
    {
        /// <summary>The S3 output path written by the fix: visibly a placeholder for the user's bucket.</summary>
        public const string PlaceholderOutputPath = "s3://TODO-bucket/async-output/";

        private const string Sagemaker = "Amazon.CDK.AWS.Sagemaker.";

        /// <summary>The skeleton, its nested types named as the author names the config class (<c>CfnEndpointConfig</c>, <c>Sm.CfnEndpointConfig</c>).</summary>
        private static ExpressionSyntax Skeleton(string configType) => SyntaxFactory.ParseExpression(
            "new " + configType + ".AsyncInferenceConfigProperty { OutputConfig = new " + configType +
            ".AsyncInferenceOutputConfigProperty { S3OutputPath = \"" + PlaceholderOutputPath + "\" } }");

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RealTimeEndpointBeyondLimits);

        /// <summary>No Fix All: each model's configs are their author's decision.</summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semantics = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || semantics == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var reported = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var newRoot = Apply(root, semantics, reported, context.CancellationToken);
                if (newRoot == null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create("Use asynchronous inference", _ => Task.FromResult(document.WithSyntaxRoot(newRoot)), "PerfLint." + diagnostic.Id + ".AsyncInference"),
                    diagnostic);
            }
        }

        private static SyntaxNode? Apply(SyntaxNode root, SemanticModel semantics, SyntaxNode reported, CancellationToken cancellationToken)
        {
            var model = reported.AncestorsAndSelf().OfType<ObjectCreationExpressionSyntax>().FirstOrDefault(c => IsType(semantics, c, "CfnModel", cancellationToken));
            if (model == null)
            {
                return null;
            }

            var modelSymbol = AssignedTo(semantics, model, cancellationToken);
            var modelName = StringAssigned(PropsInitializer(model), "ModelName");
            var configs = new Dictionary<InitializerExpressionSyntax, string>();
            foreach (var config in root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Where(c => IsType(semantics, c, "CfnEndpointConfig", cancellationToken)))
            {
                var initializer = PropsInitializer(config);
                if (initializer != null && Assignment(initializer, "AsyncInferenceConfig") == null && Serves(semantics, initializer, modelSymbol, modelName, cancellationToken))
                {
                    configs[initializer] = config.Type.WithoutTrivia().ToString();
                }
            }

            if (configs.Count == 0)
            {
                return null;
            }

            return root.ReplaceNodes(configs.Keys, (original, current) => WithSkeleton(current, configs[original]));
        }

        /// <summary>The initializer with the skeleton appended; only the new assignment is formatted (the author's layout stays).</summary>
        private static InitializerExpressionSyntax WithSkeleton(InitializerExpressionSyntax initializer, string configType)
        {
            var updated = SyntaxEdits.WithAssignment(initializer, "AsyncInferenceConfig", Skeleton(configType)).WithoutAnnotations(Formatter.Annotation);
            var added = updated.Expressions[updated.Expressions.Count - 1];
            return updated.ReplaceNode(added, added.WithAdditionalAnnotations(Formatter.Annotation));
        }

        /// <summary>Whether a variant of the config's <c>ProductionVariants</c> names the model: <c>model.AttrModelName</c> or its literal name.</summary>
        private static bool Serves(SemanticModel semantics, InitializerExpressionSyntax config, ISymbol? model, string? modelName, CancellationToken cancellationToken)
        {
            var variants = Assignment(config, "ProductionVariants")?.Right;
            if (variants == null)
            {
                return false;
            }

            foreach (var name in variants.DescendantNodes().OfType<AssignmentExpressionSyntax>().Where(a => Named(a, "ModelName")).Select(a => a.Right))
            {
                if (name is MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "AttrModelName" } } } access && model != null &&
                    SymbolEqualityComparer.Default.Equals(semantics.GetSymbolInfo(access.Expression, cancellationToken).Symbol, model))
                {
                    return true;
                }

                if (modelName != null && name is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText == modelName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The local, field or property the creation is stored in (<c>var model = new CfnModel(..)</c>), or null.</summary>
        private static ISymbol? AssignedTo(SemanticModel semantics, ObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            switch (creation.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return semantics.GetDeclaredSymbol(declarator, cancellationToken);
                case AssignmentExpressionSyntax assignment when assignment.Right == creation:
                    return semantics.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
                default:
                    return null;
            }
        }

        /// <summary>The object initializer of the construct's props argument written inline (<c>new CfnModelProps { .. }</c>), or null.</summary>
        private static InitializerExpressionSyntax? PropsInitializer(ObjectCreationExpressionSyntax construct) =>
            construct.ArgumentList?.Arguments.Select(a => a.Expression).OfType<ObjectCreationExpressionSyntax>().Select(p => p.Initializer).FirstOrDefault(i => i != null);

        private static AssignmentExpressionSyntax? Assignment(InitializerExpressionSyntax? initializer, string property) =>
            initializer?.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => Named(a, property));

        private static bool Named(AssignmentExpressionSyntax assignment, string property) =>
            assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == property;

        private static string? StringAssigned(InitializerExpressionSyntax? initializer, string property) =>
            Assignment(initializer, property)?.Right is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;

        private static bool IsType(SemanticModel semantics, ObjectCreationExpressionSyntax creation, string className, CancellationToken cancellationToken) =>
            semantics.GetTypeInfo(creation, cancellationToken).Type is INamedTypeSymbol type &&
            type.ToDisplayString() == Sagemaker + className;
    }
}
