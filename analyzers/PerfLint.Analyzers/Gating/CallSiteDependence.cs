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
        /// <summary>
        /// What a method's syntax says about its parameters and locals (the names a caller's values may live in): the
        /// properties it assigns a value naming one of them, and whether it passes such a name to a method or type
        /// declared in source.
        /// </summary>
        public sealed class MethodFacts
        {
            private readonly string[] _callerValueProperties;

            internal MethodFacts(bool passesToSource, string[] callerValueProperties)
            {
                PassesToSource = passesToSource;
                _callerValueProperties = callerValueProperties;
            }

            /// <summary>
            /// True when the method hands a parameter or local to code declared in source. When it does, the walk stops
            /// at the first such call and the assignments are not all collected: <see cref="MayReachSink"/> needs none.
            /// </summary>
            private bool PassesToSource { get; }

            /// <summary>
            /// True when the method may pass a caller's value on: to a property <paramref name="sinkProperty"/> accepts, or
            /// to a method or type declared in source.
            /// </summary>
            public bool MayReachSink(Func<string, bool> sinkProperty)
            {
                if (PassesToSource)
                {
                    return true;
                }

                foreach (var property in _callerValueProperties)
                {
                    if (sinkProperty(property))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// True when a method may pass a caller's value on: to a property <paramref name="sinkProperty"/> accepts, or to
        /// a method or type declared in source. (For PL5003's MinCapacity next to MaxCapacity, both names are sink
        /// properties, so "some sink property is assigned such a value" covers the sibling too.)
        /// </summary>
        public static bool MayReachSink(MethodFacts facts, Func<string, bool> sinkProperty) => facts.MayReachSink(sinkProperty);

        /// <summary>What a method's syntax says about where its parameters and locals go; computed once per method.</summary>
        public static MethodFacts Read(IMethodSymbol method, HashSet<string> sourceNames) =>
            Read(method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()), method.Parameters.Select(p => p.Name),
                method.ContainingType?.BaseType?.DeclaringSyntaxReferences.Length > 0, sourceNames);

        /// <summary>
        /// The same facts from a body owner's syntax alone (<see cref="BodyOwners"/>), for the gates, which decide
        /// before anything is bound: a base class counts as declared in source when its name is one of
        /// <paramref name="sourceNames"/> (a superset of the bound answer).
        /// </summary>
        public static MethodFacts Read(SyntaxNode owner, HashSet<string> sourceNames)
        {
            var baseType = owner.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.BaseList?.Types.FirstOrDefault()?.Type;
            var baseInSource = baseType != null && sourceNames.Contains(CalledName(baseType));
            return Read(new[] { owner }, ParameterNames(owner), baseInSource, sourceNames);
        }

        /// <summary>
        /// One walk over the declarations: the parameters and locals, the assignments, the arguments handed to source
        /// code. It stops at the first call into source code whose arguments name a parameter or a local declared before
        /// it (the answer is then yes whatever follows: the set of names only grows); the calls it passed on the way are
        /// judged again at the end, against every name.
        /// </summary>
        private static MethodFacts Read(IEnumerable<SyntaxNode> declarations, IEnumerable<string> parameters, bool baseInSource, HashSet<string> sourceNames)
        {
            var names = new HashSet<string>(parameters, StringComparer.Ordinal);
            var assignments = new List<(string, SyntaxNode)>();
            var toSource = new List<SyntaxNode>();
            foreach (var declaration in declarations)
            {
                if (declaration is ConstructorDeclarationSyntax { Initializer: { } initializer } &&
                    (initializer.IsKind(SyntaxKind.ThisConstructorInitializer) || baseInSource) &&
                    HandsOn(initializer.ArgumentList))
                {
                    return PassingFacts;
                }

                foreach (var node in declaration.DescendantNodes())
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
                        case AssignmentExpressionSyntax assignment: assignments.Add((AssignedName(assignment.Left), assignment.Right)); break;
                        case InvocationExpressionSyntax invocation when sourceNames.Contains(CalledName(invocation.Expression)):
                            if (HandsOn(invocation.ArgumentList))
                            {
                                return PassingFacts;
                            }

                            break;
                        case ObjectCreationExpressionSyntax creation when sourceNames.Contains(CalledName(creation.Type)):
                            if (HandsOn(creation.ArgumentList) || HandsOn(creation.Initializer))
                            {
                                return PassingFacts;
                            }

                            break;
                        case ImplicitObjectCreationExpressionSyntax implicitCreation:
                            if (HandsOn(implicitCreation.ArgumentList))
                            {
                                return PassingFacts;
                            }

                            break;
                    }
                }
            }

            if (toSource.Exists(a => Names(a, names)))
            {
                return PassingFacts;
            }

            // Each assigned property whose value names a parameter or local, judged now against every name (the facts
            // keep no syntax).
            var properties = new List<string>();
            foreach (var (property, value) in assignments)
            {
                if (!properties.Contains(property) && Names(value, names))
                {
                    properties.Add(property);
                }
            }

            return new MethodFacts(passesToSource: false, properties.ToArray());

            // Whether the arguments name a parameter or local known so far; if not, they are kept for the final judgement.
            bool HandsOn(SyntaxNode? arguments)
            {
                if (arguments == null)
                {
                    return false;
                }

                if (Names(arguments, names))
                {
                    return true;
                }

                toSource.Add(arguments);
                return false;
            }
        }

        /// <summary>The facts of every method that hands a caller's value to code declared in source.</summary>
        private static readonly MethodFacts PassingFacts = new MethodFacts(passesToSource: true, Array.Empty<string>());

        /// <summary>The parameters a body owner's code can read: its parameter list, an indexer's, a setter's <c>value</c>.</summary>
        private static IEnumerable<string> ParameterNames(SyntaxNode owner)
        {
            switch (owner)
            {
                case BaseMethodDeclarationSyntax method:
                    return method.ParameterList.Parameters.Select(p => p.Identifier.ValueText);
                case IndexerDeclarationSyntax indexer:
                    return indexer.ParameterList.Parameters.Select(p => p.Identifier.ValueText);
                case AccessorDeclarationSyntax accessor:
                    var indexed = accessor.Parent?.Parent is IndexerDeclarationSyntax owningIndexer
                        ? owningIndexer.ParameterList.Parameters.Select(p => p.Identifier.ValueText)
                        : Enumerable.Empty<string>();
                    return accessor.IsKind(SyntaxKind.GetAccessorDeclaration) ? indexed : indexed.Concat(new[] { "value" });
                default:
                    return Enumerable.Empty<string>();
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
