using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfLint.Check.Mapping;

/// <summary>
/// A construct id built at run time: <c>$"TrainingNode{i}"</c> or <c>name + "-config"</c>. Becomes a regex over ids;
/// when the only non-literal part is a parameter of the enclosing method, also says which parameter, so the id can
/// be traced to the call that passes it.
/// </summary>
public sealed class IdPattern
{
    private const int MinimumLiteralLength = 3;

    private IdPattern(Regex regex, ParameterPart? parameter)
    {
        Regex = regex;
        Parameter = parameter;
    }

    public Regex Regex { get; }

    public ParameterPart? Parameter { get; }

    /// <summary>The helper method, the parameter's position, and the literal text around it.</summary>
    public sealed record ParameterPart(string Method, int Index, string Prefix, string Suffix);

    public static IdPattern? From(ExpressionSyntax expression)
    {
        var parts = new List<(string? Literal, ExpressionSyntax? Hole)>();
        if (!Flatten(expression, parts) || parts.All(p => p.Hole == null))
        {
            return null;
        }

        var literalLength = parts.Sum(p => p.Literal?.Length ?? 0);
        if (literalLength < MinimumLiteralLength)
        {
            return null;
        }

        var regex = new Regex("^" + string.Concat(parts.Select(p => p.Literal != null ? Regex.Escape(p.Literal) : ".+?")) + "$", RegexOptions.CultureInvariant);
        return new IdPattern(regex, ParameterOf(expression, parts));
    }

    private static ParameterPart? ParameterOf(ExpressionSyntax expression, List<(string? Literal, ExpressionSyntax? Hole)> parts)
    {
        var holes = parts.Where(p => p.Hole != null).ToList();
        // The parameter itself (name + "-config") or a member of it (endpoint.EndpointName + "-scaling").
        var identifier = holes.Count != 1 ? null : holes[0].Hole switch
        {
            IdentifierNameSyntax i => i,
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax i } => i,
            _ => null,
        };
        if (identifier == null)
        {
            return null;
        }

        var holeIndex = parts.IndexOf(holes[0]);
        var prefix = string.Concat(parts.Take(holeIndex).Select(p => p.Literal));
        var suffix = string.Concat(parts.Skip(holeIndex + 1).Select(p => p.Literal));
        foreach (var ancestor in expression.Ancestors())
        {
            var (name, parameters) = ancestor switch
            {
                MethodDeclarationSyntax m => (m.Identifier.ValueText, m.ParameterList),
                LocalFunctionStatementSyntax l => (l.Identifier.ValueText, l.ParameterList),
                _ => ((string?)null, (ParameterListSyntax?)null),
            };
            if (parameters == null)
            {
                continue;
            }

            var index = parameters.Parameters.IndexOf(p => p.Identifier.ValueText == identifier.Identifier.ValueText);
            return index >= 0 ? new ParameterPart(name!, index, prefix, suffix) : null;
        }

        return null;
    }

    private static bool Flatten(ExpressionSyntax expression, List<(string?, ExpressionSyntax?)> parts)
    {
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                parts.Add((literal.Token.ValueText, null));
                return true;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Flatten(binary.Left, parts) && Flatten(binary.Right, parts);
            case ParenthesizedExpressionSyntax parenthesized:
                return Flatten(parenthesized.Expression, parts);
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        parts.Add((text.TextToken.ValueText, null));
                    }
                    else if (content is InterpolationSyntax hole)
                    {
                        parts.Add((null, hole.Expression));
                    }
                }

                return true;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax:
                parts.Add((null, expression));
                return true;
            default:
                return false;
        }
    }
}
