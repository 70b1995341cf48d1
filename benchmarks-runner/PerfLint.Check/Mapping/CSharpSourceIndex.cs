using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfLint.Check.Findings;

namespace PerfLint.Check.Mapping;

/// <summary>
/// Where construct ids are written in the C# project: every string literal (or interpolated string, for ids built
/// in loops) passed as an argument of an object creation or a method call. Syntax only - no compilation, no
/// references - so it is fast and works on any project that parses.
/// </summary>
public sealed class CSharpSourceIndex
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "cdk.out", ".git" };
    private readonly Dictionary<string, List<IdSite>> _literals = new(StringComparer.Ordinal);
    private readonly List<IdSite> _patterns = new();

    private CSharpSourceIndex()
    {
    }

    public int FileCount { get; private set; }

    public static CSharpSourceIndex Build(string projectDirectory)
    {
        var index = new CSharpSourceIndex();
        foreach (var file in EnumerateSources(projectDirectory))
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview), file);
            index.Add(tree);
            index.FileCount++;
        }

        return index;
    }

    /// <summary>
    /// The C# position for a construct path such as <c>EndpointsStack/ClassifierConfig</c>: the id of the last segment,
    /// else of its parents (children that L2 constructs create, like <c>OrdersDb/SecurityGroup</c>). Several sites with
    /// the same id are told apart by the classes the path's other segments instantiate (the enclosing stack class).
    /// </summary>
    public SourcePosition? Find(string constructPath)
    {
        var segments = constructPath.Split('/');
        for (var last = segments.Length - 1; last >= 1; last--)
        {
            var candidates = Candidates(segments[last]);
            if (candidates.Count == 0)
            {
                continue;
            }

            var enclosing = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
            for (var i = 0; i < last; i++)
            {
                foreach (var site in Candidates(segments[i]).Where(s => s.CreatedType != null))
                {
                    enclosing.Add(site.CreatedType!);
                }
            }

            var best = candidates
                .OrderBy(c => enclosing.Contains(c.EnclosingType) ? 0 : 1)
                .ThenBy(c => c.Rank)
                .ThenBy(c => c.Position.File, StringComparer.Ordinal)
                .ThenBy(c => c.Position.Line)
                .First();
            return best.Position;
        }

        return null;
    }

    private List<IdSite> Candidates(string id)
    {
        if (_literals.TryGetValue(id, out var exact))
        {
            return exact;
        }

        return _patterns.Where(p => p.Pattern!.IsMatch(id)).ToList();
    }

    private void Add(SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var (arguments, createdType, isCreation) = node switch
            {
                ObjectCreationExpressionSyntax o => (o.ArgumentList, RightmostName(o.Type), true),
                ImplicitObjectCreationExpressionSyntax i => (i.ArgumentList, null, true),
                InvocationExpressionSyntax call => (call.ArgumentList, null, false),
                _ => ((ArgumentListSyntax?)null, (string?)null, false),
            };
            if (arguments == null)
            {
                continue;
            }

            for (var a = 0; a < arguments.Arguments.Count; a++)
            {
                var expression = arguments.Arguments[a].Expression;
                // new X(scope, "Id", props) is the CDK convention; a helper call may pass the id anywhere.
                var rank = isCreation && a == 1 ? 0 : isCreation ? 2 : 1;
                var span = expression.GetLocation().GetLineSpan();
                var position = new SourcePosition(tree.FilePath, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
                var enclosing = node.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText ?? string.Empty;
                if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    var site = new IdSite(position, enclosing, rank, isCreation && a == 1 ? createdType : null, null);
                    if (!_literals.TryGetValue(literal.Token.ValueText, out var list))
                    {
                        _literals[literal.Token.ValueText] = list = new List<IdSite>();
                    }

                    list.Add(site);
                }
                else if (expression is InterpolatedStringExpressionSyntax interpolated && ToPattern(interpolated) is Regex pattern)
                {
                    _patterns.Add(new IdSite(position, enclosing, rank + 1, isCreation && a == 1 ? createdType : null, pattern));
                }
            }
        }
    }

    /// <summary><c>$"TrainingNode{i}"</c> -> <c>^TrainingNode.+$</c>; null when the string has no literal text to anchor on.</summary>
    private static Regex? ToPattern(InterpolatedStringExpressionSyntax interpolated)
    {
        var pattern = "^";
        var literalLength = 0;
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                pattern += Regex.Escape(text.TextToken.ValueText);
                literalLength += text.TextToken.ValueText.Length;
            }
            else
            {
                pattern += ".+?";
            }
        }

        return literalLength >= 3 ? new Regex(pattern + "$", RegexOptions.CultureInvariant) : null;
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        _ => null,
    };

    private static IEnumerable<string> EnumerateSources(string directory)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(dir, "*.cs"))
            {
                yield return Path.GetFullPath(file);
            }

            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (!SkippedDirectories.Contains(Path.GetFileName(sub)))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    /// <summary>One place a construct id is written. <see cref="CreatedType"/> is set for <c>new T(scope, "Id")</c>.</summary>
    private sealed record IdSite(SourcePosition Position, string EnclosingType, int Rank, string? CreatedType, Regex? Pattern);
}
