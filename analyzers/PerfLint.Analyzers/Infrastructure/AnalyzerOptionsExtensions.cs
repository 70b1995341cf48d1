using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>Builds the knowledge base's typed <see cref="RuleOptions"/> from <c>.editorconfig</c>.</summary>
    public static class AnalyzerOptionsExtensions
    {
        /// <summary>
        /// Options in effect for <paramref name="tree"/>: keys such as <c>PL1001.allowed_families = m4</c> in the
        /// tree's <c>.editorconfig</c> section, else in a global config. Keys are matched case-insensitively
        /// (editorconfig lower-cases keys; the knowledge base asks with upper-case rule IDs).
        /// </summary>
        public static RuleOptions GetRuleOptions(this AnalyzerOptions options, SyntaxTree tree)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            var treeOptions = provider.GetOptions(tree);
            var global = provider.GlobalOptions;
            return new RuleOptions(key => Lookup(treeOptions, key) ?? Lookup(global, key));
        }

        private static string? Lookup(AnalyzerConfigOptions options, string key)
        {
            if (options.TryGetValue(key, out var value) || options.TryGetValue(key.ToLowerInvariant(), out value))
            {
                return value;
            }

            return null;
        }
    }
}
