using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfLint.Analyzers.Tests.Infrastructure;

/// <summary>
/// `.editorconfig` options for tests: the options of each syntax tree by file path (<c>"*"</c>: any other tree), and
/// global ones.
/// </summary>
internal sealed class TestConfigOptionsProvider(Dictionary<string, Dictionary<string, string>> byPath, Dictionary<string, string> global)
    : AnalyzerConfigOptionsProvider
{
    private static readonly Dictionary<string, string> None = new();

    /// <summary>The same options for every tree.</summary>
    public TestConfigOptionsProvider(Dictionary<string, string> everyTree, Dictionary<string, string> global)
        : this(new Dictionary<string, Dictionary<string, string>> { ["*"] = everyTree }, global)
    {
    }

    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestConfigOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new TestConfigOptions(For(tree.FilePath));

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new TestConfigOptions(For(textFile.Path));

    private Dictionary<string, string> For(string path) =>
        byPath.TryGetValue(path, out var values) || byPath.TryGetValue("*", out values) ? values : None;
}

/// <summary>Like Roslyn's editorconfig options: keys as written (lower case), compared case-sensitively here to prove lookups lower them.</summary>
internal sealed class TestConfigOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
{
    public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
}
