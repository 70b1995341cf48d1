using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>Which of the compilation's additional files is one of the user's PerfLint files (prices, capacity).</summary>
    internal static class UserFiles
    {
        /// <summary>
        /// The file the package's targets mark with <paramref name="markerKey"/> (CompilerVisibleItemMetadata), else the
        /// one <paramref name="editorConfigKey"/> names in <c>.editorconfig</c> (when given), else one called
        /// <paramref name="defaultFileName"/>; null when there is none.
        /// </summary>
        public static AdditionalText? Choose(AnalyzerOptions options, string markerKey, string defaultFileName, string? editorConfigKey = null)
        {
            if (options.AdditionalFiles.IsEmpty)
            {
                return null;
            }

            var provider = options.AnalyzerConfigOptionsProvider;
            AdditionalText? named = null, byDefaultName = null;
            string? configured = null;
            if (editorConfigKey != null)
            {
                provider.GlobalOptions.TryGetValue(editorConfigKey, out configured);
            }

            foreach (var file in options.AdditionalFiles)
            {
                var fileOptions = provider.GetOptions(file);
                if (fileOptions.TryGetValue(markerKey, out var marker) && string.Equals(marker, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }

                if (editorConfigKey != null && named == null)
                {
                    var setting = fileOptions.TryGetValue(editorConfigKey, out var own) ? own : configured;
                    if (!string.IsNullOrWhiteSpace(setting) && EndsWith(file.Path, setting!.Trim()))
                    {
                        named = file;
                    }
                }

                if (byDefaultName == null && string.Equals(System.IO.Path.GetFileName(file.Path), defaultFileName, StringComparison.OrdinalIgnoreCase))
                {
                    byDefaultName = file;
                }
            }

            return named ?? byDefaultName;
        }

        // "prices/aws.json" names ".../app/prices/aws.json"; separators of either kind.
        private static bool EndsWith(string path, string setting)
        {
            var p = path.Replace('\\', '/');
            var s = setting.Replace('\\', '/').TrimStart('.', '/');
            return s.Length > 0 && (p.Equals(s, StringComparison.Ordinal) || p.EndsWith("/" + s, StringComparison.Ordinal));
        }
    }
}
