using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// The construct a diagnostic belongs to, as the C# writes it: the id argument of the nearest enclosing
    /// <c>new X(scope, "id", …)</c> and its line. Carried in <see cref="Diagnostic.Properties"/> (the compiler's SARIF
    /// log writes them under the result's <c>properties.customProperties</c>), so `perflint check` tells two findings of
    /// one rule on one statement apart (a Lambda inside an Auto Scaling group's statement) when it drops what the
    /// analyzers already reported: same rule, file, construct id and id line = the same finding.
    /// </summary>
    public static class FindingKey
    {
        /// <summary>The id argument's source text (<c>"Orders"</c>, <c>$"Node{i}"</c>, <c>name</c>).</summary>
        public const string ConstructProperty = "PerfLintConstruct";

        /// <summary>The 1-based line of that id argument.</summary>
        public const string ConstructLineProperty = "PerfLintConstructLine";

        /// <summary>Adds the construct of <paramref name="location"/> to <paramref name="properties"/>; unchanged when there is none.</summary>
        public static ImmutableDictionary<string, string?> AddConstruct(ImmutableDictionary<string, string?> properties, Location location)
        {
            var root = location.IsInSource && !properties.ContainsKey(ConstructProperty) ? location.SourceTree?.GetRoot() : null;
            // FindNode throws outside the tree's span: an analyzer must never throw.
            if (root == null || !root.FullSpan.Contains(location.SourceSpan))
            {
                return properties;
            }

            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);

            foreach (var ancestor in node.AncestorsAndSelf())
            {
                // Construct creations take (scope, id, props?): the first creation up the tree with a second argument is the construct.
                if (ancestor is BaseObjectCreationExpressionSyntax { ArgumentList: { Arguments: { Count: >= 2 } arguments } })
                {
                    var id = arguments[1].Expression;
                    var line = id.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    return properties
                        .SetItem(ConstructProperty, id.ToString())
                        .SetItem(ConstructLineProperty, line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                if (ancestor is StatementSyntax or MemberDeclarationSyntax)
                {
                    break;
                }
            }

            return properties;
        }
    }
}
