using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Knowledge.Pricing;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// The user price file the rules quote, from the compilation's additional files: the one the package's targets
    /// mark (<c>PerfLintPricesFile</c>, or <c>perflint.prices.json</c> beside the project), else the one named by
    /// <c>perflint_prices_file</c>, else one called <c>perflint.prices.json</c>. Read once per compilation; a file whose
    /// text was parsed before is not parsed again. A missing or bad file means the embedded snapshot (never throws).
    /// </summary>
    internal static class UserPriceFile
    {
        /// <summary>The item metadata the targets set on the price file (CompilerVisibleItemMetadata).</summary>
        private const string MarkerKey = "build_metadata.additionalfiles.perflintprices";

        private static readonly ConditionalWeakTable<AnalyzerOptions, PriceBook> PerCompilation = new ConditionalWeakTable<AnalyzerOptions, PriceBook>();

        // The IDE starts a compilation per edit: the same file text is parsed once, not per compilation.
        private static Parsed? _last;

        public static PriceBook For(AnalyzerOptions options) => PerCompilation.GetValue(options, Load);

        private static PriceBook Load(AnalyzerOptions options)
        {
            try
            {
                var file = UserFiles.Choose(options, MarkerKey, PriceFile.DefaultFileName, PriceFile.EditorConfigKey);
                var text = file?.GetText()?.ToString();
                if (file == null || text == null)
                {
                    return PriceBook.Embedded;
                }

                var name = System.IO.Path.GetFileName(file.Path);
                var last = _last;
                if (last != null && last.Name == name && string.Equals(last.Text, text, StringComparison.Ordinal))
                {
                    return last.Book;
                }

                var book = PriceBook.TryParse(text, name) ?? PriceBook.Embedded;
                _last = new Parsed(name, text, book);
                return book;
            }
            catch (Exception)
            {
                // A price file must never break analysis (AD0001): without it, rules quote the embedded snapshot.
                return PriceBook.Embedded;
            }
        }

        private sealed class Parsed
        {
            public Parsed(string name, string text, PriceBook book)
            {
                Name = name;
                Text = text;
                Book = book;
            }

            public string Name { get; }

            public string Text { get; }

            public PriceBook Book { get; }
        }
    }
}
