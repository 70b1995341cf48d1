using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Analyzers.Gating;
using PerfLint.Knowledge.Pricing;
using PerfLint.Knowledge.Rules;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>Builds the knowledge base's typed <see cref="RuleOptions"/> from <c>.editorconfig</c>.</summary>
    public static class AnalyzerOptionsExtensions
    {
        // The knowledge base asks with upper-case rule IDs (PL1001.min_generation_gap); editorconfig keys are lower case.
        // A handful of distinct keys: lowered once each instead of a new string per lookup.
        private static readonly ConcurrentDictionary<string, string> Lowered = new ConcurrentDictionary<string, string>();

        /// <summary>
        /// Options in effect for <paramref name="tree"/>: keys such as <c>PL1001.allowed_families = m4</c> in the
        /// tree's <c>.editorconfig</c> section, else in a global config; prices from the user price file, if any. Keys are matched case-insensitively
        /// (editorconfig lower-cases keys; the knowledge base asks with upper-case rule IDs).
        /// </summary>
        public static RuleOptions GetRuleOptions(this AnalyzerOptions options, SyntaxTree tree)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            return For(provider.GetOptions(tree), provider.GlobalOptions, UserPriceFile.For(options));
        }

        /// <summary>
        /// The options of every tree of the compilation, one per distinct options object: a gate that needs the most
        /// permissive setting of any file asks each distinct set once (the compiler hands every tree without editorconfig
        /// options the same empty set), not once per file. The distinct objects are found once per compilation
        /// (<see cref="SyntaxIndex.DistinctTreeOptions"/>), for every rule that asks.
        /// </summary>
        public static IEnumerable<RuleOptions> DistinctRuleOptions(this AnalyzerOptions options, SyntaxIndex index)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            var prices = UserPriceFile.For(options);
            foreach (var treeOptions in index.DistinctTreeOptions(provider))
            {
                yield return For(treeOptions, provider.GlobalOptions, prices);
            }
        }

        private static RuleOptions For(AnalyzerConfigOptions treeOptions, AnalyzerConfigOptions global, PriceBook prices) =>
            new RuleOptions(key => Lookup(treeOptions, key) ?? Lookup(global, key), prices);

        // Lower case first (what editorconfig holds); the key as asked for options that compare keys exactly.
        private static string? Lookup(AnalyzerConfigOptions options, string key)
        {
            var lowered = Lowered.GetOrAdd(key, k => k.ToLowerInvariant());
            return options.TryGetValue(lowered, out var value) || (!ReferenceEquals(lowered, key) && options.TryGetValue(key, out value)) ? value : null;
        }
    }
}
