using PerfLint.Check.Templates;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Check.Findings;

/// <summary>A file position (1-based line and column).</summary>
public sealed record SourcePosition(string File, int Line, int Column);

/// <summary>
/// The construct id argument as the C# writes it (<c>"Orders"</c>, <c>$"Node{i}"</c>) and its line: the analyzers put
/// the same two in their diagnostics' properties (<c>PerfLintConstruct</c>, <c>PerfLintConstructLine</c>).
/// </summary>
public sealed record SourceConstruct(string Id, int Line);

/// <summary>
/// One rule finding on a template resource: the knowledge base's decision, the effective severity after
/// <c>.editorconfig</c>, the template position of the offending value and, when found, the C# line that declares it.
/// </summary>
public sealed class Finding
{
    public Finding(RuleFinding decision, RuleSeverity severity, TemplateResource resource, SourcePosition templatePosition, string? property)
    {
        Decision = decision;
        Severity = severity;
        Resource = resource;
        TemplatePosition = templatePosition;
        Property = property;
    }

    public RuleFinding Decision { get; }

    public string RuleId => Decision.RuleId;

    public string Message => Decision.Message;

    public RuleSeverity Severity { get; }

    public TemplateResource Resource { get; }

    /// <summary>Dotted property path of the value in the resource (<c>ProductionVariants[0].InstanceType</c>), or null for the resource.</summary>
    public string? Property { get; }

    public SourcePosition TemplatePosition { get; }

    /// <summary>
    /// The message the Roslyn analyzers give the same problem when it differs (they name constructs by id, not by
    /// path): a result with one of these in the same file is the same finding.
    /// </summary>
    public IReadOnlyList<string> EquivalentMessages { get; init; } = Array.Empty<string>();

    /// <summary>The CDK prop to look for in C# when it differs from <see cref="Property"/> (an ASG's fleet size is judged by its instance type).</summary>
    public string? SourceProperty { get; init; }

    /// <summary>
    /// The C# value of the offending property when the construct's creation writes it, else the construct id literal
    /// (or the helper call passing it); null when not mapped.
    /// </summary>
    public SourcePosition? SourcePosition { get; set; }

    /// <summary>Lines of the C# statement that creates the construct (analyzer results there are the same finding).</summary>
    public (int Start, int End)? SourceSpan { get; set; }

    /// <summary>The construct id argument of the mapped C# site; null when not mapped.</summary>
    public SourceConstruct? SourceConstruct { get; set; }

    /// <summary>Where the helper the mapped call names creates the construct (file, statement lines, id): analyzer results there are the same finding.</summary>
    public IReadOnlyList<(string File, (int Start, int End) Span, SourceConstruct Construct)> HelperCreations { get; set; } =
        Array.Empty<(string, (int, int), SourceConstruct)>();

    public override string ToString() => RuleId + " " + Severity + " " + Resource.ConstructPath + ": " + Message;
}
