using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>Object creations as syntax shows them, for the gates' "plainly fine" checks (no binding).</summary>
    public static class CreationSyntax
    {
        /// <summary>The explicit creations (<c>new T(..)</c>) in a body whose type's simple name is one of <paramref name="typeNames"/>.</summary>
        public static IEnumerable<ObjectCreationExpressionSyntax> Of(BodyEntry body, ICollection<string> typeNames) =>
            BodyOwners.OwnBodies(body.Node)
                .SelectMany(part => part.DescendantNodesAndSelf().OfType<ObjectCreationExpressionSyntax>())
                .Where(c => typeNames.Contains(SimpleName(c.Type)));

        /// <summary>The local a creation initializes (<c>var x = new T(..)</c>), or null.</summary>
        public static string? LocalOf(ObjectCreationExpressionSyntax creation) =>
            creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ? declarator.Identifier.ValueText : null;

        /// <summary>True when <paramref name="node"/> names <paramref name="identifier"/> anywhere inside it.</summary>
        public static bool Mentions(SyntaxNode node, string identifier) =>
            node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == identifier);

        /// <summary>The string assigned to <paramref name="property"/> in the creation's initializers (nested ones included), or null.</summary>
        public static string? AssignedString(SyntaxNode creation, string property) =>
            creation.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                .Where(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == property)
                .Select(a => a.Right is LiteralExpressionSyntax literal ? literal.Token.ValueText : null)
                .FirstOrDefault();

        private static string SimpleName(TypeSyntax type) =>
            type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                _ => string.Empty,
            };
    }
}
