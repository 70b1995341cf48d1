using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfLint.Knowledge.Capacity;

namespace PerfLint.Analyzers.Infrastructure
{
    /// <summary>
    /// The measured capacity file PL5002 judges target values against, from the compilation's additional files: the one
    /// the package's targets mark (<c>PerfLintCapacity</c>: <c>perflint.capacity.json</c> beside the project or
    /// <c>PerfLintCapacityFile</c>), else one called <c>perflint.capacity.json</c>. Read once per compilation. A missing
    /// or bad file means none (never throws): PL5002 then checks for documentation examples only.
    /// </summary>
    internal static class UserCapacityFile
    {
        /// <summary>The item metadata the targets set on the capacity file (CompilerVisibleItemMetadata).</summary>
        private const string MarkerKey = "build_metadata.additionalfiles.perflintcapacity";

        private static readonly ConditionalWeakTable<AnalyzerOptions, Loaded> PerCompilation = new ConditionalWeakTable<AnalyzerOptions, Loaded>();

        /// <summary>The file and its name, or null when the compilation has none.</summary>
        public static Loaded? For(AnalyzerOptions options)
        {
            var loaded = PerCompilation.GetValue(options, Load);
            return loaded.File == null ? null : loaded;
        }

        private static Loaded Load(AnalyzerOptions options)
        {
            try
            {
                var file = UserFiles.Choose(options, MarkerKey, CapacityFile.DefaultFileName);
                var text = file?.GetText()?.ToString();
                return file == null || text == null ? Loaded.None : new Loaded(CapacityFile.TryParse(text), System.IO.Path.GetFileName(file.Path));
            }
            catch (Exception)
            {
                // A capacity file must never break analysis (AD0001).
                return Loaded.None;
            }
        }

        internal sealed class Loaded
        {
            public static readonly Loaded None = new Loaded(null, string.Empty);

            public Loaded(CapacityFile? file, string name)
            {
                File = file;
                Name = name;
            }

            public CapacityFile? File { get; }

            /// <summary>The file's name, as messages cite it.</summary>
            public string Name { get; }
        }
    }
}
