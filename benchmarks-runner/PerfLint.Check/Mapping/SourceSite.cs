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

    private readonly SyntaxNode _id;
    private readonly SyntaxNode _creation;
    private readonly bool _refinable;

    // Positions are computed only for the sites a finding uses: a large project has tens of thousands of literals.
    private SourceSite(SyntaxNode id, SyntaxNode creation, bool refinable)
    {
        _id = id;
        _creation = creation;
        _refinable = refinable;
    }

    public SourcePosition Position => PositionOf(_id);

    /// <summary>The id as written and its line: with the rule and file, what identifies an analyzer result as this construct's.</summary>
    public SourceConstruct Construct => new(_id.ToString(), Position.Line);

    /// <summary>First and last line of the statement that creates the construct (for matching analyzer results).</summary>
    public (int Start, int End) StatementLines
    {
        get
        {
            var statement = (SyntaxNode?)_creation.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault() ?? _creation;
            var span = statement.GetLocation().GetLineSpan();
            return (span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1);
        }
    }

    /// <summary>The id argument as written.</summary>
    public SyntaxNode IdNode => _id;

    /// <summary>The creation or call that writes the id (for the enclosing type and method).</summary>
    public SyntaxNode Node => _creation;

    public string FilePath => _id.SyntaxTree.FilePath;

    public int SpanStart => _id.SpanStart;

    public static SourceSite Of(SyntaxNode id, SyntaxNode creation, bool refinable) => new(id, creation, refinable);

    /// <summary>The position of the value for template property <paramref name="propertyPath"/>, else the id.</summary>
    public SourcePosition Refine(string? propertyPath)
    {
        if (!_refinable || propertyPath == null)
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
        var assignment = _creation.DescendantNodes().OfType<AssignmentExpressionSyntax>()
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
