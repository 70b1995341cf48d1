using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// Whether a helper method or constructor may hand a value from its caller to a sink, read from its syntax: it
    /// assigns a sink property (or a sibling sink property in the same object initializer) from an expression that names one of its
    /// parameters or locals, or passes such an expression to a method or type declared in source (which may do so in
    /// turn). A superset of what the caller-driven pass finds after binding: when this says no, binding is skipped.
    /// </summary>
    public static class CallSiteDependence
    {
        /// <summary>The properties a method assigns from its parameters or locals, and whether it passes them to source code.</summary>
        public sealed class MethodFacts
        {
            internal MethodFacts(HashSet<string> propertiesFromCaller, bool passesToSource)
            {
                PropertiesFromCaller = propertiesFromCaller;
                PassesToSource = passesToSource;
            }

            public HashSet<string> PropertiesFromCaller { get; }

            public bool PassesToSource { get; }
        }

        /// <summary>
        /// True when <paramref name="method"/> may pass a caller's value on: to a property <paramref name="sinkProperty"/>
        /// accepts, or to a method or type declared in source. (For PL5003's MinCapacity next to MaxCapacity, both names
        /// are sink properties, so "some sink property is assigned such a value" covers the sibling too.)
        /// </summary>
        public static bool MayReachSink(MethodFacts facts, Func<string, bool> sinkProperty) =>
            facts.PassesToSource || facts.PropertiesFromCaller.Any(sinkProperty);

        /// <summary>What a method's syntax says about where its parameters and locals go; computed once per method.</summary>
        public static MethodFacts Read(IMethodSymbol method, HashSet<string> sourceNames)
        {
            var properties = new HashSet<string>(StringComparer.Ordinal);
            var passes = false;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                var names = new HashSet<string>(method.Parameters.Select(p => p.Name), StringComparer.Ordinal);
                AddLocals(syntax, names);
                if (names.Count == 0)
                {
                    continue;
                }

                passes |= PassesToSourceConstructor(method, syntax, names);
                foreach (var node in syntax.DescendantNodes())
                {
                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment when Names(assignment.Right, names):
                            properties.Add(AssignedName(assignment.Left));
                            break;
                        case InvocationExpressionSyntax invocation when !passes && sourceNames.Contains(CalledName(invocation.Expression)) && Names(invocation.ArgumentList, names):
                        case ObjectCreationExpressionSyntax creation when !passes && sourceNames.Contains(CalledName(creation.Type)) &&
                                                                          (Names(creation.ArgumentList, names) || Names(creation.Initializer, names)):
                        case ImplicitObjectCreationExpressionSyntax implicitCreation when !passes && Names(implicitCreation.ArgumentList, names):
                            passes = true;
                            break;
                    }
                }
            }

            return new MethodFacts(properties, passes);
        }

        /// <summary><c>: this(..)</c>, or <c>: base(..)</c> of a base class declared in source, with a parameter in its arguments.</summary>
        private static bool PassesToSourceConstructor(IMethodSymbol method, SyntaxNode syntax, HashSet<string> names) =>
            syntax is ConstructorDeclarationSyntax { Initializer: { } initializer } &&
            (initializer.IsKind(SyntaxKind.ThisConstructorInitializer) || method.ContainingType?.BaseType?.DeclaringSyntaxReferences.Length > 0) &&
            Names(initializer.ArgumentList, names);

        private static void AddLocals(SyntaxNode syntax, HashSet<string> names)
        {
            foreach (var node in syntax.DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax declarator: names.Add(declarator.Identifier.ValueText); break;
                    case SingleVariableDesignationSyntax designation: names.Add(designation.Identifier.ValueText); break;
                    case ForEachStatementSyntax loop: names.Add(loop.Identifier.ValueText); break;
                    case ParameterSyntax parameter: names.Add(parameter.Identifier.ValueText); break;
                    case CatchDeclarationSyntax caught: names.Add(caught.Identifier.ValueText); break;
                    case FromClauseSyntax from: names.Add(from.Identifier.ValueText); break;
                    case LetClauseSyntax let: names.Add(let.Identifier.ValueText); break;
                }
            }
        }

        private static bool Names(SyntaxNode? node, HashSet<string> names) =>
            node != null && node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => names.Contains(i.Identifier.ValueText));

        private static string AssignedName(ExpressionSyntax target) =>
            target switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax name => name.Identifier.ValueText,
                _ => string.Empty,
            };

        private static string CalledName(ExpressionSyntax expression) =>
            expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                SimpleNameSyntax name => name.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                _ => string.Empty,
            };
    }
}
