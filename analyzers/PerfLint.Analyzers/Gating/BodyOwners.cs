using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfLint.Analyzers.Gating
{
    /// <summary>
    /// The syntax of the code bodies the compiler would hand to operation actions: which nodes own one, the parts of
    /// each that hold code, and the nodes whose bound operations cover it.
    /// </summary>
    public static class BodyOwners
    {
        /// <summary>The name a body is reached by: a constructor by its type's name, an accessor by its property's.</summary>
        public static string NameOf(SyntaxNode owner)
        {
            switch (owner)
            {
                case MethodDeclarationSyntax method: return method.Identifier.ValueText;
                case ConstructorDeclarationSyntax constructor: return constructor.Identifier.ValueText;
                case DestructorDeclarationSyntax destructor: return destructor.Identifier.ValueText;
                case PropertyDeclarationSyntax property: return property.Identifier.ValueText;
                case EventDeclarationSyntax @event: return @event.Identifier.ValueText;
                case IndexerDeclarationSyntax _: return "this[]";
                case AccessorDeclarationSyntax accessor when accessor.Parent?.Parent is SyntaxNode owningProperty: return NameOf(owningProperty);
                case OperatorDeclarationSyntax op: return "operator " + op.OperatorToken.ValueText;
                case ConversionOperatorDeclarationSyntax conversion: return "operator " + conversion.Type;
                default: return string.Empty;
            }
        }

        /// <summary>
        /// True when an owner's code computes a value its readers and callers get: a field or property initializer, an
        /// expression-bodied property, a getter, a method that returns something, an operator, a constructor that sets
        /// a member of the object it builds (<c>Type = "m4.large"</c>: readers of the object's member get it). False
        /// for other constructors, destructors, void methods and setters, whose callers get nothing back.
        /// </summary>
        public static bool YieldsValue(SyntaxNode owner)
        {
            switch (owner)
            {
                case ConstructorDeclarationSyntax constructor:
                    return SetsMembers(constructor);
                case DestructorDeclarationSyntax _:
                case CompilationUnitSyntax _:
                    return false;
                case MethodDeclarationSyntax method:
                    return !(method.ReturnType is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword));
                case AccessorDeclarationSyntax accessor:
                    return accessor.IsKind(SyntaxKind.GetAccessorDeclaration);
                default:
                    return true;
            }
        }

        /// <summary>
        /// Whether a constructor assigns something other than its own locals and parameters (a member of its object),
        /// outside object initializers (those set the members of objects it creates).
        /// </summary>
        private static bool SetsMembers(ConstructorDeclarationSyntax constructor)
        {
            HashSet<string>? own = null;
            foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Parent is InitializerExpressionSyntax)
                {
                    continue;
                }

                if (!(assignment.Left is IdentifierNameSyntax name))
                {
                    return true; // this.Type = .., Settings.Type = ..
                }

                own ??= new HashSet<string>(constructor.ParameterList.Parameters.Select(p => p.Identifier.ValueText)
                    .Concat(constructor.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText))
                    .Concat(constructor.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(v => v.Identifier.ValueText)));
                if (!own.Contains(name.Identifier.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The parts of an owner that hold code (bodies, expression bodies, constructor initializers, initializers, global statements).</summary>
        public static IEnumerable<SyntaxNode> OwnBodies(SyntaxNode owner)
        {
            switch (owner)
            {
                case BaseMethodDeclarationSyntax method:
                    if (method is ConstructorDeclarationSyntax { Initializer: { } initializer })
                    {
                        yield return initializer;
                    }

                    if (method.Body != null) yield return method.Body;
                    if (method.ExpressionBody != null) yield return method.ExpressionBody;
                    break;
                case AccessorDeclarationSyntax accessor:
                    if (accessor.Body != null) yield return accessor.Body;
                    if (accessor.ExpressionBody != null) yield return accessor.ExpressionBody;
                    break;
                case PropertyDeclarationSyntax property:
                    if (property.ExpressionBody != null) yield return property.ExpressionBody;
                    if (property.Initializer != null) yield return property.Initializer;
                    break;
                case IndexerDeclarationSyntax indexer when indexer.ExpressionBody != null:
                    yield return indexer.ExpressionBody;
                    break;
                case VariableDeclaratorSyntax declarator when declarator.Initializer != null && declarator.Parent?.Parent is BaseFieldDeclarationSyntax:
                    yield return declarator.Initializer;
                    break;
                case CompilationUnitSyntax unit:
                    foreach (var global in unit.Members.OfType<GlobalStatementSyntax>())
                    {
                        yield return global;
                    }

                    break;
            }
        }

        /// <summary>
        /// The nodes to bind for an owner's operations: the declaration itself for methods, constructors and accessors
        /// (a method body operation), the clause for expression bodies and initializers, the unit for top-level code.
        /// </summary>
        public static IEnumerable<SyntaxNode> OperationRoots(SyntaxNode owner)
        {
            switch (owner)
            {
                case BaseMethodDeclarationSyntax _:
                case AccessorDeclarationSyntax _:
                    yield return owner;
                    break;
                case CompilationUnitSyntax unit when unit.Members.Any(m => m is GlobalStatementSyntax):
                    yield return unit;
                    break;
                default:
                    foreach (var part in OwnBodies(owner))
                    {
                        yield return part;
                    }

                    break;
            }
        }
    }
}
