using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using PerfLint.Analyzers.Infrastructure;
using PerfLint.Analyzers.Rules;

namespace PerfLint.CodeFixes
{
    /// <summary>The syntax rewrites behind the fix kinds the analyzers announce. Each returns null when the node is not the expected shape.</summary>
    internal static class SyntaxEdits
    {
        public static SyntaxNode? Apply(SyntaxNode root, SyntaxNode node, string kind, string? value)
        {
            switch (kind)
            {
                case InstanceTypeSinks.FixMember when value != null:
                    return ReplaceMember(root, node, value);
                case InstanceTypeSinks.FixString when value != null:
                    return ReplaceString(root, node, value);
                case InstanceTypeSinks.FixOfToString when value != null:
                    return OfToString(root, node, value);
                case GravitonAnalyzer.AddArchitectureFix:
                    return AddAssignment(root, node, "Architecture", SyntaxFactory.ParseExpression("global::Amazon.CDK.AWS.Lambda.Architecture.ARM_64").WithAdditionalAnnotations(Simplifier.Annotation));
                case VolumeTypeAnalyzer.AddStorageTypeFix when value != null:
                    return AddAssignment(root, node, "StorageType", SyntaxFactory.ParseExpression("global::Amazon.CDK.AWS.RDS.StorageType." + value.ToUpperInvariant()).WithAdditionalAnnotations(Simplifier.Annotation));
                case ScalingConfigurationAnalyzer.SetNumberFix when value != null:
                    return ReplaceNumber(root, node, value);
                case GravitonAnalyzer.AddArchitecturesFix:
                    return AddAssignment(root, node, "Architectures", SyntaxFactory.ParseExpression("new[] { \"arm64\" }"));
                default:
                    return null;
            }
        }

        /// <summary><c>InstanceClass.M4</c> → <c>InstanceClass.M7I</c> (also a bare <c>M4</c> under <c>using static</c>).</summary>
        private static SyntaxNode? ReplaceMember(SyntaxNode root, SyntaxNode node, string member)
        {
            switch (node)
            {
                case MemberAccessExpressionSyntax access:
                    return root.ReplaceNode(access.Name, SyntaxFactory.IdentifierName(member).WithTriviaFrom(access.Name));
                case IdentifierNameSyntax identifier:
                    return root.ReplaceNode(identifier, SyntaxFactory.IdentifierName(member).WithTriviaFrom(identifier));
                default:
                    return null;
            }
        }

        /// <summary><c>70</c> → <c>19</c> (PL5002: the target value recommended from a measurement).</summary>
        private static SyntaxNode? ReplaceNumber(SyntaxNode root, SyntaxNode node, string number)
        {
            if (!(node is LiteralExpressionSyntax literal) || !literal.IsKind(SyntaxKind.NumericLiteralExpression))
            {
                return null;
            }

            return root.ReplaceNode(literal, SyntaxFactory.ParseExpression(number).WithTriviaFrom(literal));
        }

        /// <summary><c>"m4.large"</c> → <c>"m7i.large"</c>.</summary>
        private static SyntaxNode? ReplaceString(SyntaxNode root, SyntaxNode node, string text)
        {
            if (!(node is LiteralExpressionSyntax literal) || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return null;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
            return root.ReplaceNode(literal, replacement.WithTriviaFrom(literal));
        }

        /// <summary><c>InstanceType.Of(InstanceClass.X, InstanceSize.LARGE)</c> → <c>new InstanceType("x9.large")</c> (no enum member for the successor).</summary>
        private static SyntaxNode? OfToString(SyntaxNode root, SyntaxNode node, string instanceType)
        {
            if (!(node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }) ||
                !(invocation.Expression is MemberAccessExpressionSyntax access))
            {
                return null;
            }

            var creation = SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.ParseTypeName(access.Expression.ToString()),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(instanceType))))),
                    null)
                .WithNewKeyword(SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            return root.ReplaceNode(invocation, creation.WithTriviaFrom(invocation));
        }

        /// <summary><c>new FunctionProps { .. }</c> → <c>new FunctionProps { .., Architecture = Architecture.ARM_64 }</c> (also RDS props' <c>StorageType = StorageType.GP3</c>).</summary>
        private static SyntaxNode? AddAssignment(SyntaxNode root, SyntaxNode node, string property, ExpressionSyntax value)
        {
            var creation = node.FirstAncestorOrSelf<ObjectCreationExpressionSyntax>();
            if (creation?.Initializer == null)
            {
                return null;
            }

            return root.ReplaceNode(creation.Initializer, WithAssignment(creation.Initializer, property, value));
        }

        /// <summary>The object initializer with <c>property = value</c> appended in its layout (a trailing comma kept), marked for formatting.</summary>
        public static InitializerExpressionSyntax WithAssignment(InitializerExpressionSyntax initializer, string property, ExpressionSyntax value)
        {
            var assignment = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), value);
            var expressions = initializer.Expressions;
            InitializerExpressionSyntax updated;
            if (expressions.Count > 0 && expressions.SeparatorCount == expressions.Count)
            {
                // Trailing comma: append after it, on its own line like the others, and keep a trailing comma.
                var last = expressions[expressions.Count - 1];
                var trailing = expressions.GetSeparator(expressions.Count - 1);
                var items = expressions.GetWithSeparators()
                    .Add(assignment.WithLeadingTrivia(last.GetLeadingTrivia()))
                    .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailing.TrailingTrivia));
                updated = initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
            }
            else if (expressions.Count > 0)
            {
                var last = expressions[expressions.Count - 1];
                updated = initializer.WithExpressions(expressions.Add(assignment.WithLeadingTrivia(last.GetLeadingTrivia())));
            }
            else
            {
                updated = initializer.WithExpressions(expressions.Add(assignment.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)));
            }

            return updated.WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
