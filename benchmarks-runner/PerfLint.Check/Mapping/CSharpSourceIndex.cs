using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfLint.Check.Findings;

namespace PerfLint.Check.Mapping;

/// <summary>
/// Where construct ids are written in the C# project: every string literal passed as an argument of an object
/// creation or a method call, and ids built from a literal plus a helper's parameter (<c>name + "-config"</c>,
/// <c>$"Node{i}"</c>), followed back to the call that passes the literal part. Syntax only - no compilation, no
/// references - so it is fast and works on any project that parses. The sources are the project's and those of the
/// projects it references (<see cref="ProjectSources"/>): a construct library's ids are written in its own files.
/// </summary>
public sealed class CSharpSourceIndex
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "cdk.out", ".git" };
    private readonly Dictionary<string, List<IdSite>> _literals = new(StringComparer.Ordinal);
    private readonly List<IdSite> _patterns = new();
    private readonly Dictionary<string, List<InvocationExpressionSyntax>> _callsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<MethodDeclarationSyntax>> _methodsByName = new(StringComparer.Ordinal);

    private CSharpSourceIndex()
    {
    }

    public int FileCount { get; private set; }

    public static CSharpSourceIndex Build(string projectDirectory)
    {
        // Parsing dominates; files are independent, so each is parsed and indexed on its own, then merged in order.
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
        var files = ProjectSources.Directories(projectDirectory).SelectMany(EnumerateSources).Distinct(StringComparer.Ordinal);
        var perFile = files.OrderBy(f => f, StringComparer.Ordinal).AsParallel().AsOrdered().Select(file =>
        {
            var single = new CSharpSourceIndex();
            single.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(file), options, file));
            return single;
        }).ToList();
        var index = new CSharpSourceIndex();
        foreach (var single in perFile)
        {
            foreach (var (id, sites) in single._literals)
            {
                if (!index._literals.TryGetValue(id, out var list))
                {
                    index._literals[id] = list = new List<IdSite>();
                }

                list.AddRange(sites);
            }

            index._patterns.AddRange(single._patterns);
            foreach (var (name, calls) in single._callsByName)
            {
                if (!index._callsByName.TryGetValue(name, out var list))
                {
                    index._callsByName[name] = list = new List<InvocationExpressionSyntax>();
                }

                list.AddRange(calls);
            }

            foreach (var (name, methods) in single._methodsByName)
            {
                if (!index._methodsByName.TryGetValue(name, out var list))
                {
                    index._methodsByName[name] = list = new List<MethodDeclarationSyntax>();
                }

                list.AddRange(methods);
            }

            index.FileCount++;
        }

        return index;
    }

    /// <summary>
    /// The C# site for a construct path such as <c>EndpointsStack/ClassifierConfig</c>: the id of the last segment,
    /// else of its parents (children that L2 constructs create, like <c>OrdersDb/SecurityGroup</c>). Several sites with
    /// the same id are told apart by the classes the path's other segments instantiate (the enclosing stack class).
    /// </summary>
    public SourceSite? Find(string constructPath)
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

            // The whole path must lead to the id: a site in a class that no segment above creates, and not in a helper
            // such a class calls, writes the same id for another construct. Where the parent is a construct of the
            // app's, its own site then stands for the child (an L2's child such as Db/SecurityGroup is mapped so too).
            var leading = candidates.Where(c => Leads(c, enclosing)).ToList();
            if (leading.Count == 0 && Candidates(segments[last - 1]).Any(s => s.CreatedType != null))
            {
                continue;
            }

            var best = (leading.Count > 0 ? leading : candidates)
                .OrderBy(c => enclosing.Contains(c.EnclosingType) ? 0 : 1)
                .ThenBy(c => c.Rank)
                .ThenBy(c => c.Site.FilePath, StringComparer.Ordinal)
                .ThenBy(c => c.Site.SpanStart)
                .First();

            // A fixed child id inside a helper (ScaleToTrackMetric("Invocations") in ScaleOnInvocations) says nothing
            // about which call made it; the parent's id, traced to the helper's call site, does.
            if (last >= 2 && best.ViaHelper == null && best.EnclosingMethod != null &&
                Candidates(segments[last - 1]).FirstOrDefault(c => c.ViaHelper == best.EnclosingMethod) is { } caller)
            {
                return caller.Site;
            }

            return best.Site;
        }

        return null;
    }

    /// <summary>
    /// Where a helper the site calls creates the construct: <c>new X(scope, id, …)</c> in a method of that name whose
    /// parameter at the id's position is <c>id</c> (<c>Storage.ScratchVolume(this, "Scratch")</c>). The analyzers report
    /// a value written there, in the helper's file, for the construct the template names at the call.
    /// </summary>
    public IReadOnlyList<SourceSite> CreationsInside(SourceSite site)
    {
        if (site.Node is not InvocationExpressionSyntax call || MethodName(call.Expression) is not { } name ||
            !_methodsByName.TryGetValue(name, out var methods))
        {
            return Array.Empty<SourceSite>();
        }

        var index = call.ArgumentList.Arguments.IndexOf(a => a.Expression == site.IdNode);
        var result = new List<SourceSite>();
        foreach (var method in methods.Where(m => index >= 0 && m.ParameterList.Parameters.Count > index))
        {
            var parameter = method.ParameterList.Parameters[index].Identifier.ValueText;
            foreach (var creation in method.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                if (creation.ArgumentList is { Arguments.Count: >= 2 } arguments &&
                    arguments.Arguments[1].Expression is IdentifierNameSyntax id && id.Identifier.ValueText == parameter)
                {
                    result.Add(SourceSite.Of(id, creation, refinable: true));
                }
            }
        }

        return result;
    }

    /// <summary>Whether a site can write the id under the path's constructs: in a class the path creates, as a helper's call site, or in a method such a class calls.</summary>
    private bool Leads(IdSite site, HashSet<string> enclosing) =>
        enclosing.Contains(site.EnclosingType) || site.ViaHelper != null ||
        (site.EnclosingMethod is { } method && _callsByName.TryGetValue(method, out var calls) && calls.Any(call => enclosing.Contains(TypeOf(call))));

    private static string TypeOf(SyntaxNode node) => node.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText ?? string.Empty;

    private List<IdSite> Candidates(string id)
    {
        if (_literals.TryGetValue(id, out var exact))
        {
            return exact;
        }

        var result = new List<IdSite>();
        foreach (var pattern in _patterns.Where(p => p.Pattern!.IsMatch(id)))
        {
            // Prefer the call that passes the literal part of the id to the helper that builds it.
            result.Add(FromCallSite(pattern, id) ?? pattern);
        }

        return result;
    }

    private IdSite? FromCallSite(IdSite pattern, string id)
    {
        if (pattern.Parameter is not { } p || !id.StartsWith(p.Prefix, StringComparison.Ordinal) || !id.EndsWith(p.Suffix, StringComparison.Ordinal) ||
            id.Length < p.Prefix.Length + p.Suffix.Length || !_callsByName.TryGetValue(p.Method, out var calls))
        {
            return null;
        }

        var value = id[p.Prefix.Length..^p.Suffix.Length];
        foreach (var call in calls)
        {
            if (call.ArgumentList.Arguments.Count > p.Index && Passes(call.ArgumentList.Arguments[p.Index].Expression, value))
            {
                return new IdSite(SourceSite.Of(call.ArgumentList.Arguments[p.Index].Expression, call, refinable: false), pattern.Rank - 1, pattern.CreatedType, null, null)
                {
                    ViaHelper = p.Method,
                };
            }
        }

        return null;
    }

    /// <summary>
    /// Does the argument carry <paramref name="value"/>: the literal itself, or a local initialized by a call that
    /// passes the literal (<c>var chat = DeployModel("shop-chat", ...); Scale(chat, ...)</c>)?
    /// </summary>
    private static bool Passes(ExpressionSyntax argument, string value)
    {
        if (argument is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return literal.Token.ValueText == value;
        }

        if (argument is not IdentifierNameSyntax local)
        {
            return false;
        }

        var body = argument.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax);
        var declarator = body?.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(d => d.Identifier.ValueText == local.Identifier.ValueText);
        return declarator?.Initializer?.Value is InvocationExpressionSyntax or ObjectCreationExpressionSyntax &&
               declarator.Initializer.Value.DescendantNodes().OfType<LiteralExpressionSyntax>().Any(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Token.ValueText == value);
    }

    private void Add(SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node is MethodDeclarationSyntax declaration)
            {
                if (!_methodsByName.TryGetValue(declaration.Identifier.ValueText, out var methods))
                {
                    _methodsByName[declaration.Identifier.ValueText] = methods = new List<MethodDeclarationSyntax>();
                }

                methods.Add(declaration);
            }

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

            if (node is InvocationExpressionSyntax invocation && MethodName(invocation.Expression) is string method)
            {
                if (!_callsByName.TryGetValue(method, out var list))
                {
                    _callsByName[method] = list = new List<InvocationExpressionSyntax>();
                }

                list.Add(invocation);
            }

            for (var a = 0; a < arguments.Arguments.Count; a++)
            {
                var expression = arguments.Arguments[a].Expression;
                // new X(scope, "Id", props) is the CDK convention; a helper call may pass the id anywhere.
                var rank = isCreation && a == 1 ? 1 : isCreation ? 3 : 2;
                var created = isCreation && a == 1 ? createdType : null;
                if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    if (!_literals.TryGetValue(literal.Token.ValueText, out var list))
                    {
                        _literals[literal.Token.ValueText] = list = new List<IdSite>();
                    }

                    list.Add(new IdSite(SourceSite.Of(literal, node, refinable: true), rank, created, null, null));
                }
                else if (IdPattern.From(expression) is { } pattern)
                {
                    _patterns.Add(new IdSite(SourceSite.Of(expression, node, refinable: isCreation), rank + 1, created, pattern.Regex, pattern.Parameter));
                }
            }
        }
    }

    private static string? EnclosingMethodOf(SyntaxNode node) => node.Ancestors().Select(a => a switch
    {
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        LocalFunctionStatementSyntax l => l.Identifier.ValueText,
        _ => null,
    }).FirstOrDefault(n => n != null);

    private static string? MethodName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax i => i.Identifier.ValueText,
        GenericNameSyntax g => g.Identifier.ValueText,
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        _ => null,
    };

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

    /// <summary>
    /// One place a construct id is written. <see cref="CreatedType"/> is set for <c>new T(scope, "Id")</c>;
    /// <see cref="Parameter"/> when the id is a helper parameter plus literal text.
    /// </summary>
    private sealed record IdSite(SourceSite Site, int Rank, string? CreatedType, Regex? Pattern, IdPattern.ParameterPart? Parameter)
    {
        /// <summary>The type that writes this id (empty for top-level statements).</summary>
        public string EnclosingType => TypeOf(Site.Node);

        /// <summary>The method that writes this id; null at top level or in a constructor.</summary>
        public string? EnclosingMethod => EnclosingMethodOf(Site.Node);

        /// <summary>Set when this is the call site of a helper that builds the id from its argument.</summary>
        public string? ViaHelper { get; init; }
    }
}
