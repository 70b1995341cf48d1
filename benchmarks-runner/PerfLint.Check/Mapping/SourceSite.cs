using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfLint.Check.Findings;

namespace PerfLint.Check.Mapping;

/// <summary>
/// A construct's place in C#: the id argument, and the statement that creates it (or the helper call that passes
/// the id). <see cref="Refine"/> moves to the property that holds the offending value when the creation writes it.
/// </summary>
public sealed class SourceSite
{
    /// <summary>Template property names and the CDK prop names that set them (L1 props keep the CloudFormation name).</summary>
    private static readonly Dictionary<string, string[]> PropAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DBInstanceClass"] = new[] { "DbInstanceClass", "InstanceType" },
        ["DBClusterInstanceClass"] = new[] { "DbClusterInstanceClass", "InstanceType" },
        ["CacheNodeType"] = new[] { "CacheNodeType", "NodeType" },
        ["InstanceType"] = new[] { "InstanceType", "DataNodeInstanceType" },
        ["DedicatedMasterType"] = new[] { "DedicatedMasterType", "MasterNodeInstanceType" },
        ["WebsiteConfiguration"] = new[] { "WebsiteConfiguration", "WebsiteIndexDocument" },
        ["Architectures"] = new[] { "Architectures", "Architecture" },
    };

    private readonly SyntaxNode? _construct;

    private SourceSite(SourcePosition position, int spanStartLine, int spanEndLine, SyntaxNode? construct)
    {
        Position = position;
        SpanStartLine = spanStartLine;
        SpanEndLine = spanEndLine;
        _construct = construct;
    }

    public SourcePosition Position { get; }

    /// <summary>First and last line of the statement that creates the construct (for matching analyzer results).</summary>
    public int SpanStartLine { get; }

    public int SpanEndLine { get; }

    public static SourceSite Of(SyntaxNode id, SyntaxNode creation, bool refinable)
    {
        var statement = (SyntaxNode?)creation.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault() ?? creation;
        var span = statement.GetLocation().GetLineSpan();
        return new SourceSite(PositionOf(id), span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1, refinable ? creation : null);
    }

    /// <summary>The position of the value for template property <paramref name="propertyPath"/>, else the id.</summary>
    public SourcePosition Refine(string? propertyPath)
    {
        if (_construct == null || propertyPath == null)
        {
            return Position;
        }

        var last = propertyPath.Split('.')[^1];
        var bracket = last.IndexOf('[');
        if (bracket >= 0)
        {
            last = last[..bracket];
        }

        var names = PropAliases.TryGetValue(last, out var aliases) ? aliases : new[] { last };
        var assignment = _construct.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Parent is InitializerExpressionSyntax && a.Left is IdentifierNameSyntax name &&
                                 names.Contains(name.Identifier.ValueText, StringComparer.OrdinalIgnoreCase));
        return assignment == null ? Position : PositionOf(assignment.Right);
    }

    private static SourcePosition PositionOf(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return new SourcePosition(node.SyntaxTree.FilePath, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }
}
