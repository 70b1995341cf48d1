using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfLint.Analyzers.Gating;
using PerfLint.Knowledge.Offerings;

namespace PerfLint.Analyzers.Facts
{
    /// <summary>
    /// The regions stacks are deployed to, where the app writes them as literals:
    /// <c>new MyStack(app, "Id", new StackProps { Env = new Environment { Region = "eu-west-1" } })</c>. A body in
    /// <c>MyStack</c> gets that region; any other body gets the app's region when every literal region of the app is
    /// the same one. Two different regions for one stack class, or for the app, are unknown: never guessed.
    /// </summary>
    public sealed class StackRegions
    {
        private const string Conflicting = "";

        private readonly Dictionary<string, string> _byStackClass;
        private readonly string? _app;

        private StackRegions(Dictionary<string, string> byStackClass, string? app)
        {
            _byStackClass = byStackClass;
            _app = app;
        }

        /// <summary>The region of the stack whose code holds <paramref name="node"/>, or null when unknown.</summary>
        public string? For(SyntaxNode node)
        {
            if (_byStackClass.Count > 0)
            {
                for (var type = node.FirstAncestorOrSelf<TypeDeclarationSyntax>(); type != null; type = type.Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>())
                {
                    if (_byStackClass.TryGetValue(type.Identifier.ValueText, out var region))
                    {
                        return region.Length == 0 ? null : region;
                    }
                }
            }

            return _app;
        }

        /// <summary>The region of the stack whose code holds <paramref name="location"/>, or null when unknown.</summary>
        public string? For(Location location) =>
            location.SourceTree is { } tree ? For(tree.GetRoot().FindToken(location.SourceSpan.Start).Parent ?? tree.GetRoot()) : _app;

        /// <summary>Reads the literal regions of the compilation: only the bodies that hold a region code are looked at.</summary>
        public static StackRegions From(SyntaxIndex index)
        {
            var byClass = new Dictionary<string, string>(StringComparer.Ordinal);
            string? app = null;
            var appConflict = false;
            foreach (var posting in index.ByString)
            {
                if (!Regions.IsKnown(posting.Key))
                {
                    continue;
                }

                foreach (var body in posting.Value)
                {
                    foreach (var assignment in body.Node.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    {
                        if (!IsRegionLiteral(assignment, posting.Key))
                        {
                            continue;
                        }

                        appConflict |= app != null && app != posting.Key;
                        app ??= posting.Key;
                        if (StackClassOf(assignment) is { } stackClass)
                        {
                            byClass[stackClass] = byClass.TryGetValue(stackClass, out var known) && known != posting.Key ? Conflicting : posting.Key;
                        }
                    }
                }
            }

            return new StackRegions(byClass, appConflict ? null : app);
        }

        private static bool IsRegionLiteral(AssignmentExpressionSyntax assignment, string region) =>
            assignment.Parent is InitializerExpressionSyntax &&
            assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == "Region" &&
            assignment.Right is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) &&
            literal.Token.ValueText == region;

        /// <summary><c>new X(scope, id, new StackProps { Env = new Environment { Region = .. } })</c>: X.</summary>
        private static string? StackClassOf(AssignmentExpressionSyntax region)
        {
            // Region = .. sits in new Environment { .. }, which is the value of Env = .. in the props' initializer.
            if (region.Parent?.Parent is not BaseObjectCreationExpressionSyntax environment ||
                environment.Parent is not AssignmentExpressionSyntax env || env.Left is not IdentifierNameSyntax envName ||
                envName.Identifier.ValueText != "Env" || env.Parent?.Parent is not BaseObjectCreationExpressionSyntax props ||
                props.Parent is not ArgumentSyntax argument || argument.Parent?.Parent is not ObjectCreationExpressionSyntax stack)
            {
                return null;
            }

            return RightmostName(stack.Type);
        }

        private static string? RightmostName(TypeSyntax type)
        {
            switch (type)
            {
                case SimpleNameSyntax simple: return simple.Identifier.ValueText;
                case QualifiedNameSyntax qualified: return qualified.Right.Identifier.ValueText;
                case AliasQualifiedNameSyntax alias: return alias.Name.Identifier.ValueText;
                default: return null;
            }
        }
    }
}
